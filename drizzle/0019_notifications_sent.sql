CREATE TABLE `notifications_sent` (
	`key` text PRIMARY KEY NOT NULL,
	`delivered_at` integer NOT NULL
);
