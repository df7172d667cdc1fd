CREATE INDEX `applications_moved` ON `applications` (`archived_at`,`stage_changed_at`);--> statement-breakpoint
CREATE INDEX `applications_updated` ON `applications` (`archived_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `notes_in_flight` ON `notes` (`application_id`) WHERE "notes"."status" IN ('written', 'addressed', 'stamped');--> statement-breakpoint
CREATE INDEX `notes_follows` ON `notes` (`follows_note_id`) WHERE "notes"."follows_note_id" IS NOT NULL;