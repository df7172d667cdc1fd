CREATE TABLE `stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stages_key` ON `stages` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `stages_active_name` ON `stages` ("name" COLLATE NOCASE) WHERE "stages"."archived_at" IS NULL;--> statement-breakpoint
ALTER TABLE `stage_events` ADD `from_name` text;--> statement-breakpoint
ALTER TABLE `stage_events` ADD `to_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The eight built-in stages, with the keys applications and stage_events already hold. Dated 0 (not
-- "now"), so every database seeds the very same rows: an export's built-ins equal the importer's.
INSERT INTO `stages` (`key`, `name`, `kind`, `position`, `created_at`, `updated_at`) VALUES
	('wishlist', 'Wishlist', 'planned', 1, 0, 0),
	('applied', 'Applied', 'open', 2, 0, 0),
	('screening', 'Screening', 'open', 3, 0, 0),
	('interviewing', 'Interviewing', 'interview', 4, 0, 0),
	('offer', 'Offer', 'offer', 5, 0, 0),
	('accepted', 'Accepted', 'accepted', 6, 0, 0),
	('rejected', 'Rejected', 'rejected', 7, 0, 0),
	('withdrawn', 'Withdrawn', 'withdrawn', 8, 0, 0);--> statement-breakpoint
-- History recorded before stages had names of their own: the built-in names were the names then.
UPDATE `stage_events` SET
	`from_name` = (SELECT `name` FROM `stages` WHERE `key` = `stage_events`.`from_stage`),
	`to_name` = coalesce((SELECT `name` FROM `stages` WHERE `key` = `stage_events`.`to_stage`), `to_stage`);
