-- Fills the full-text indexes from the rows that already exist. 0001_search created the FTS5 tables and
-- their triggers but never back-filled them, so rows written before 0001 were invisible to search.
-- The FTS tables are ordinary FTS5 tables that store their own copy of the text (not external-content,
-- not contentless), so the FTS 'rebuild' command would only re-index their own, empty, content: each
-- index is emptied and refilled here with the exact expressions its insert trigger uses. Emptying first
-- keeps the rows that the triggers already indexed from being indexed twice. Written by hand (custom
-- migration): drizzle-kit does not model virtual tables.
DELETE FROM applications_fts;
--> statement-breakpoint
INSERT INTO applications_fts(rowid, company, role, notes, location)
  SELECT a.id, (SELECT name FROM companies WHERE id = a.company_id), a.role, coalesce(a.notes, ''), coalesce(a.location, '')
  FROM applications a;
--> statement-breakpoint
DELETE FROM contacts_fts;
--> statement-breakpoint
INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  SELECT c.id, c.name, coalesce(c.title, ''), coalesce((SELECT name FROM companies WHERE id = c.company_id), ''), coalesce(c.email, ''), coalesce(c.notes, '')
  FROM contacts c;
--> statement-breakpoint
DELETE FROM notes_fts;
--> statement-breakpoint
INSERT INTO notes_fts(rowid, recipient, subject, body)
  SELECT n.id, coalesce((SELECT name FROM contacts WHERE id = n.contact_id), n.recipient_name, ''), coalesce(n.subject, ''), n.body
  FROM notes n;
