-- The table's search in the table's own order. applications_fts kept each application under its id,
-- so a search's first page, newest move first (the table's default order), had to read every match
-- and pick the newest: at 100,000 applications a common pair of words ("design sys") reads four
-- lists of 20,000-26,000 rows whatever the page size, 3.5-4 ms, ten times what it costs at 10,000.
-- Each application is now indexed under a key that sorts like its last stage move:
--   key = second << 27 | id,  second = stage_changed_at / 1000, kept within 0 .. 2^32 - 1
-- so FTS5 returns the matches newest move first (ORDER BY rowid DESC), lazily, and a page stops at
-- the page. Moves within one second tie in the key (their milliseconds are not in it): the list query
-- reads the rest of the last second's matches and orders those few exactly (applications/search-order.ts).
-- The low 27 bits are the application's id, which keeps the key unique and which every search reads
-- back (ids below 134,217,728). A stage move now also moves the row in the index (a delete and an
-- insert of one row, as an edit already did).
-- A fifth column, facets, holds the filters the board and the table apply to a search: the stage and
-- the archived state as one word ('l' for live or 'a' for archived, then the hex of the stage key:
-- a live offer is l6f66666572, so no two keys share a word), and 'live' or 'archived'. A search then
-- asks FTS5 for "these words, in this stage, not archived", newest move first, and reads only the rows
-- it shows, skipping along the stage's word; each board column is one such read. What a person types
-- is matched in the four text columns only ({company role notes location}: applications/search-order.ts).
-- The view is the one place the key and the facets are spelled; the triggers read it (before an
-- update or delete, while the row still holds the old values). Written by hand: drizzle-kit models neither.
DROP TRIGGER `applications_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `applications_fts_au`;
--> statement-breakpoint
DROP TRIGGER `applications_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `companies_fts_au`;
--> statement-breakpoint
-- Dropped and made again rather than emptied: deleting every row of an FTS5 table that keeps its own
-- content reads each one back to unindex it.
DROP TABLE `applications_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `applications_fts` USING fts5(company, role, notes, location, facets, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIEW `application_search_keys` AS
SELECT id, company_id, (max(0, min(4294967295, stage_changed_at / 1000)) << 27) | id AS key,
  CASE WHEN archived_at IS NULL THEN 'l' || lower(hex(stage)) || ' live' ELSE 'a' || lower(hex(stage)) || ' archived' END AS facets
FROM applications;
--> statement-breakpoint
CREATE TRIGGER `applications_fts_ai` AFTER INSERT ON `applications` BEGIN
  INSERT INTO applications_fts(rowid, company, role, notes, location, facets)
  SELECT k.key, (SELECT name FROM companies WHERE id = new.company_id), new.role, coalesce(new.notes, ''), coalesce(new.location, ''), k.facets
  FROM application_search_keys k WHERE k.id = new.id;
END;
--> statement-breakpoint
-- The same condition on both halves: the row leaves the index only when it comes back.
CREATE TRIGGER `applications_fts_bu` BEFORE UPDATE OF company_id, role, notes, location, stage_changed_at, stage, archived_at ON `applications`
WHEN new.company_id IS NOT old.company_id OR new.role IS NOT old.role OR new.notes IS NOT old.notes OR new.location IS NOT old.location
  OR new.stage_changed_at IS NOT old.stage_changed_at OR new.stage IS NOT old.stage OR (new.archived_at IS NULL) IS NOT (old.archived_at IS NULL) BEGIN
  DELETE FROM applications_fts WHERE rowid = (SELECT key FROM application_search_keys WHERE id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `applications_fts_au` AFTER UPDATE OF company_id, role, notes, location, stage_changed_at, stage, archived_at ON `applications`
WHEN new.company_id IS NOT old.company_id OR new.role IS NOT old.role OR new.notes IS NOT old.notes OR new.location IS NOT old.location
  OR new.stage_changed_at IS NOT old.stage_changed_at OR new.stage IS NOT old.stage OR (new.archived_at IS NULL) IS NOT (old.archived_at IS NULL) BEGIN
  INSERT INTO applications_fts(rowid, company, role, notes, location, facets)
  SELECT k.key, (SELECT name FROM companies WHERE id = new.company_id), new.role, coalesce(new.notes, ''), coalesce(new.location, ''), k.facets
  FROM application_search_keys k WHERE k.id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `applications_fts_bd` BEFORE DELETE ON `applications` BEGIN
  DELETE FROM applications_fts WHERE rowid = (SELECT key FROM application_search_keys WHERE id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_au` AFTER UPDATE OF name ON `companies` BEGIN
  UPDATE applications_fts SET company = new.name WHERE rowid IN (SELECT key FROM application_search_keys WHERE company_id = new.id);
  UPDATE contacts_fts SET company = new.name WHERE rowid IN (SELECT key FROM contact_search_keys WHERE company_id = new.id);
END;
--> statement-breakpoint
INSERT INTO applications_fts(rowid, company, role, notes, location, facets)
  SELECT k.key, (SELECT name FROM companies WHERE id = a.company_id), a.role, coalesce(a.notes, ''), coalesce(a.location, ''), k.facets
  FROM applications a JOIN application_search_keys k ON k.id = a.id
  ORDER BY k.key;
--> statement-breakpoint
-- One segment: the bulk insert leaves several, and every read walks each (0.2 s at 100,000 applications).
INSERT INTO applications_fts(applications_fts) VALUES ('optimize');
