CREATE TABLE `replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` integer,
	`contact_id` integer,
	`application_id` integer,
	`from_address` text NOT NULL,
	`from_name` text,
	`subject` text,
	`date` integer NOT NULL,
	`message_id` text,
	`first_lines` text DEFAULT '' NOT NULL,
	`method` text NOT NULL,
	`mailbox` text NOT NULL,
	`uid_validity` integer NOT NULL,
	`uid` integer NOT NULL,
	`seen_at` integer,
	`unmatched_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `replies_message_id` ON `replies` (`message_id`) WHERE "replies"."message_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `replies_uid` ON `replies` (`mailbox`,`uid_validity`,`uid`);--> statement-breakpoint
CREATE INDEX `replies_note` ON `replies` (`note_id`);--> statement-breakpoint
CREATE INDEX `replies_contact` ON `replies` (`contact_id`);--> statement-breakpoint
CREATE INDEX `replies_application` ON `replies` (`application_id`);--> statement-breakpoint
CREATE INDEX `replies_unseen` ON `replies` (`date`) WHERE "replies"."seen_at" IS NULL AND "replies"."unmatched_at" IS NULL;--> statement-breakpoint
CREATE TABLE `reply_scans` (
	`mailbox` text PRIMARY KEY NOT NULL,
	`uid_validity` integer NOT NULL,
	`last_uid` integer NOT NULL,
	`scanned_at` integer NOT NULL
);
