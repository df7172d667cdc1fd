-- The table's other orders (domains/applications/list.ts SORT_VALUE): each page seeks one of these
-- instead of sorting every application. drizzle-kit splits an index expression at its commas, so the
-- location index's coalesce(...) is written here by hand.
CREATE INDEX `applications_role` ON `applications` (`archived_at`,"role" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `applications_location` ON `applications` (`archived_at`,coalesce("location", '') COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `applications_priority` ON `applications` (`archived_at`,CASE "priority" WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 END);