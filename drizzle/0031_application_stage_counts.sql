-- How many applications each stage holds, live and archived, kept by triggers. The board's column
-- headers counted every application on every call (a GROUP BY over applications_stage): 7 ms at
-- 100,000 applications, more than the 900 cards it shows, and growing with the book. Derived from the
-- rows, so never exported (domains/data/tables.ts) nor kept by undo (the triggers put it back as the rows
-- come back); a stage's row goes when its counts reach zero, so the table is a function of the rows.
-- Written by hand: drizzle-kit does not model triggers.
CREATE TABLE `application_stage_counts` (
  `stage` text PRIMARY KEY NOT NULL,
  `live` integer DEFAULT 0 NOT NULL,
  `archived` integer DEFAULT 0 NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `application_stage_counts_ai` AFTER INSERT ON `applications` BEGIN
  INSERT INTO application_stage_counts (stage, live, archived) VALUES (new.stage, new.archived_at IS NULL, new.archived_at IS NOT NULL)
  ON CONFLICT (stage) DO UPDATE SET live = live + excluded.live, archived = archived + excluded.archived;
END;
--> statement-breakpoint
CREATE TRIGGER `application_stage_counts_au` AFTER UPDATE OF stage, archived_at ON `applications`
WHEN new.stage IS NOT old.stage OR (new.archived_at IS NULL) IS NOT (old.archived_at IS NULL) BEGIN
  UPDATE application_stage_counts SET live = live - (old.archived_at IS NULL), archived = archived - (old.archived_at IS NOT NULL) WHERE stage = old.stage;
  DELETE FROM application_stage_counts WHERE stage = old.stage AND live = 0 AND archived = 0;
  INSERT INTO application_stage_counts (stage, live, archived) VALUES (new.stage, new.archived_at IS NULL, new.archived_at IS NOT NULL)
  ON CONFLICT (stage) DO UPDATE SET live = live + excluded.live, archived = archived + excluded.archived;
END;
--> statement-breakpoint
CREATE TRIGGER `application_stage_counts_ad` AFTER DELETE ON `applications` BEGIN
  UPDATE application_stage_counts SET live = live - (old.archived_at IS NULL), archived = archived - (old.archived_at IS NOT NULL) WHERE stage = old.stage;
  DELETE FROM application_stage_counts WHERE stage = old.stage AND live = 0 AND archived = 0;
END;
--> statement-breakpoint
INSERT INTO application_stage_counts (stage, live, archived)
  SELECT stage, sum(archived_at IS NULL), sum(archived_at IS NOT NULL) FROM applications GROUP BY stage;
