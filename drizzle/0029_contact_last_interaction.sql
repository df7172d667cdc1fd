-- Widened, not replaced: each index keeps its leading contact_id (every query it served it serves) and
-- now also holds what the contact list's "last interaction" reads (contacts/queries.ts
-- lastInteractions): the interview of each participation, and the time each note was sent or mailed.
-- That query then reads these indexes alone instead of a row per note and per participation, which at
-- a large book are scattered page reads. (drizzle-kit writes the expression column wrongly; by hand.)
DROP INDEX `interview_participants_contact`;--> statement-breakpoint
CREATE INDEX `interview_participants_contact` ON `interview_participants` (`contact_id`,`interview_id`);--> statement-breakpoint
DROP INDEX `notes_contact`;--> statement-breakpoint
CREATE INDEX `notes_contact` ON `notes` (`contact_id`, coalesce(`mailed_at`, `sent_at`));