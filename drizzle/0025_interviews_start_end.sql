-- Today's "interviews today" walks the interviews that started since yesterday's midnight (an interview
-- lasts at most a day) and keeps those not ended before today. With end_at in the index, the ones that
-- ended yesterday are passed over in the index, not looked up row by row: a large book holds thousands.
DROP INDEX `interviews_start`;--> statement-breakpoint
CREATE INDEX `interviews_start_end` ON `interviews` (`start_at`,`end_at`);