CREATE TABLE `offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`currency` text NOT NULL,
	`base_salary` integer,
	`bonus` integer,
	`sign_on_bonus` integer,
	`equity_total` integer,
	`vesting_years` integer,
	`cliff_months` integer,
	`equity_notes` text,
	`benefits` text,
	`start_date` text,
	`deadline_at` integer,
	`location` text,
	`work_mode` text,
	`notes` text,
	`reminder_id` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reminder_id`) REFERENCES `reminders`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_application` ON `offers` (`application_id`);