CREATE TABLE `application_contacts` (
	`application_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`application_id`, `contact_id`, `role`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `application_contacts_contact` ON `application_contacts` (`contact_id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`role` text NOT NULL,
	`posting_url` text,
	`source` text,
	`location` text,
	`salary_min` integer,
	`salary_max` integer,
	`salary_currency` text,
	`priority` text DEFAULT 'medium' NOT NULL,
	`stage` text DEFAULT 'wishlist' NOT NULL,
	`stage_changed_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`applied_at` integer,
	`deadline_at` integer,
	`notes` text,
	`archived_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `applications_stage` ON `applications` (`archived_at`,`stage`,`stage_changed_at`);--> statement-breakpoint
CREATE INDEX `applications_company` ON `applications` (`company_id`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`website` text,
	`address` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_name_nocase` ON `companies` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`company_id` integer,
	`email` text,
	`phone` text,
	`address_lines` text,
	`city` text,
	`region` text,
	`postal_code` text,
	`country` text,
	`url` text,
	`met_how` text,
	`notes` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contacts_company` ON `contacts` (`company_id`);--> statement-breakpoint
CREATE INDEX `contacts_email` ON `contacts` (lower("email"));--> statement-breakpoint
CREATE INDEX `contacts_name` ON `contacts` (`name`);--> statement-breakpoint
CREATE TABLE `interview_participants` (
	`interview_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`talked_about` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	PRIMARY KEY(`interview_id`, `contact_id`),
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interview_participants_contact` ON `interview_participants` (`contact_id`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`round` text,
	`kind` text DEFAULT 'video' NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`location` text,
	`topics` text,
	`challenge` text,
	`looking_for` text,
	`questions` text,
	`promises` text,
	`impression` text,
	`debriefed_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interviews_application` ON `interviews` (`application_id`);--> statement-breakpoint
CREATE INDEX `interviews_start` ON `interviews` (`start_at`);--> statement-breakpoint
CREATE INDEX `interviews_end` ON `interviews` (`end_at`);--> statement-breakpoint
CREATE TABLE `note_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`note_id` integer NOT NULL,
	`status` text NOT NULL,
	`at` integer NOT NULL,
	`detail` text,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `note_events_note` ON `note_events` (`note_id`,`at`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`contact_id` integer,
	`recipient_name` text,
	`application_id` integer,
	`interview_id` integer,
	`delivery` text DEFAULT 'email' NOT NULL,
	`subject` text,
	`body` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`due_at` integer,
	`sent_at` integer,
	`mailed_at` integer,
	`expected_arrival_at` integer,
	`follows_note_id` integer,
	`template_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notes_due` ON `notes` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `notes_contact` ON `notes` (`contact_id`);--> statement-breakpoint
CREATE INDEX `notes_application` ON `notes` (`application_id`);--> statement-breakpoint
CREATE INDEX `notes_interview` ON `notes` (`interview_id`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text DEFAULT 'custom' NOT NULL,
	`title` text NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer,
	`application_id` integer,
	`contact_id` integer,
	`note_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reminders_due` ON `reminders` (`done_at`,`due_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stage_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`at` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stage_events_application` ON `stage_events` (`application_id`,`at`);--> statement-breakpoint
CREATE TABLE `stationery_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`postage_cents` integer,
	`currency` text DEFAULT 'USD' NOT NULL,
	`low_stock_threshold` integer DEFAULT 0 NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stationery_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`delta` integer NOT NULL,
	`reason` text NOT NULL,
	`note_id` integer,
	`cost_cents` integer,
	`memo` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `stationery_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`note_id`) REFERENCES `notes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stationery_ledger_item` ON `stationery_ledger` (`item_id`);--> statement-breakpoint
CREATE INDEX `stationery_ledger_note` ON `stationery_ledger` (`note_id`);--> statement-breakpoint
CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`delivery` text DEFAULT 'email' NOT NULL,
	`name` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
