ALTER TABLE `interviews` ADD `uid` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `interviews` ADD `ics_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every interview that exists gets its own random UID (a version 4 UUID from SQLite's randomness,
-- evaluated per row) before the unique index is built; SQLite cannot give an added column a
-- per-row default, hence the empty default and this UPDATE.
UPDATE `interviews` SET `uid` = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));--> statement-breakpoint
CREATE UNIQUE INDEX `interviews_uid` ON `interviews` (`uid`);--> statement-breakpoint
-- A row written without a UID (a restore from an older file, plain SQL) gets one at once; the app
-- writes its own.
CREATE TRIGGER `interviews_uid_ai` AFTER INSERT ON `interviews` WHEN new.uid = '' BEGIN
  UPDATE interviews SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = new.id;
END;
