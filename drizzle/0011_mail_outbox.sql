-- Email: the connected account (settings only; the password is in the secret store, never here), the
-- outbox of notes on their way over SMTP, and the Message-ID a note went out with, indexed so replies
-- can be matched by In-Reply-To / References.
CREATE TABLE `mail_account` (
	`id` integer PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`display_name` text,
	`username` text NOT NULL,
	`smtp_host` text NOT NULL,
	`smtp_port` integer NOT NULL,
	`smtp_security` text NOT NULL,
	`imap_host` text NOT NULL,
	`imap_port` integer NOT NULL,
	`imap_security` text NOT NULL,
	`save_sent_copy` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` integer NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`scheduled_for` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`message_id` text NOT NULL,
	`sent_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_one_open` ON `outbox` (`note_id`) WHERE "outbox"."state" IN ('queued', 'sending', 'uncertain');--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_note` ON `outbox` (`note_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id` ON `outbox` (`message_id`);--> statement-breakpoint
ALTER TABLE `notes` ADD `message_id` text;--> statement-breakpoint
CREATE INDEX `notes_message_id` ON `notes` (`message_id`) WHERE "notes"."message_id" IS NOT NULL;