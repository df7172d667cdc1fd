CREATE TABLE `undo_journal` (
	`token` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`changes` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `undo_journal_expires` ON `undo_journal` (`expires_at`);