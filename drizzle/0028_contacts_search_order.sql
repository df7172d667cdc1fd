-- Contact search in the list's own order. contacts_fts kept each contact under its id, so a search
-- listed by name had to read every match and sort it (or walk the name index against a list of every
-- match): at 200,000 contacts a common first name costs 10-20 ms, and more as the book grows.
-- Each contact is now indexed under a key that sorts like its name (NOCASE, the list's order), so
-- FTS5 returns the matches in name order, lazily, and a page stops at the page:
--   key = code << 27 | id
-- code spells the name's first 6 characters, 6 bits each, in NOCASE order (A-Z count as a-z):
--   0 the name ends, 1 a space, 3-28 a-z, 30-61 the lower-case Latin-1 letters U+00E0-U+00FF
--   (à é ë ñ ö ü ...), each exactly; 2 anything else below 'a', 29 U+007B-U+00DF (upper-case
--   Latin-1 letters among them), 62 anything from U+0100 on.
-- Codes 2, 29 and 62 stand for many characters, so the spelling stops there (zeros after): the
-- code never orders two names against their NOCASE order, it only ties them. Names with the same
-- code are put in order by the list query itself (contacts/queries.ts). The low 27 bits are the
-- contact's id, which keeps the key unique and which the search reads back (ids below 134,217,728).
-- The remade index also keeps prefix indexes of 2, 3 and 4 characters: a short prefix that starts
-- thousands of indexed words ("dan" of every dana123@ address) is then read lazily like one word,
-- instead of FTS5 merging every one of those words first (about 2.5x the index's size).
-- The view is the one place the key is spelled; the triggers read it (before an update or delete,
-- while the row still holds the old name). Written by hand: drizzle-kit models neither.
DROP TRIGGER `contacts_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `contacts_fts_au`;
--> statement-breakpoint
DROP TRIGGER `contacts_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `companies_fts_au`;
--> statement-breakpoint
DROP TRIGGER `contact_emails_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `contact_emails_fts_au`;
--> statement-breakpoint
DROP TRIGGER `contact_emails_fts_ad`;
--> statement-breakpoint
-- Dropped and made again rather than emptied: deleting 200,000 rows from an FTS5 table that keeps its
-- own content reads each one back to unindex it.
DROP TABLE `contacts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(name, title, company, email, notes, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
--> statement-breakpoint
CREATE VIEW `contact_search_keys` AS
SELECT id, company_id, (((CASE WHEN u1 IS NULL THEN 0 WHEN u1 <= 32 THEN 1 WHEN u1 BETWEEN 65 AND 90 THEN u1 - 62 WHEN u1 < 97 THEN 2 WHEN u1 <= 122 THEN u1 - 94 WHEN u1 < 224 THEN 29 WHEN u1 <= 255 THEN u1 - 194 ELSE 62 END) * 1073741824
    + CASE WHEN u1 = 32 OR u1 BETWEEN 65 AND 90 OR u1 BETWEEN 97 AND 122 OR u1 BETWEEN 224 AND 255 THEN (CASE WHEN u2 IS NULL THEN 0 WHEN u2 <= 32 THEN 1 WHEN u2 BETWEEN 65 AND 90 THEN u2 - 62 WHEN u2 < 97 THEN 2 WHEN u2 <= 122 THEN u2 - 94 WHEN u2 < 224 THEN 29 WHEN u2 <= 255 THEN u2 - 194 ELSE 62 END) * 16777216
    + CASE WHEN u2 = 32 OR u2 BETWEEN 65 AND 90 OR u2 BETWEEN 97 AND 122 OR u2 BETWEEN 224 AND 255 THEN (CASE WHEN u3 IS NULL THEN 0 WHEN u3 <= 32 THEN 1 WHEN u3 BETWEEN 65 AND 90 THEN u3 - 62 WHEN u3 < 97 THEN 2 WHEN u3 <= 122 THEN u3 - 94 WHEN u3 < 224 THEN 29 WHEN u3 <= 255 THEN u3 - 194 ELSE 62 END) * 262144
    + CASE WHEN u3 = 32 OR u3 BETWEEN 65 AND 90 OR u3 BETWEEN 97 AND 122 OR u3 BETWEEN 224 AND 255 THEN (CASE WHEN u4 IS NULL THEN 0 WHEN u4 <= 32 THEN 1 WHEN u4 BETWEEN 65 AND 90 THEN u4 - 62 WHEN u4 < 97 THEN 2 WHEN u4 <= 122 THEN u4 - 94 WHEN u4 < 224 THEN 29 WHEN u4 <= 255 THEN u4 - 194 ELSE 62 END) * 4096
    + CASE WHEN u4 = 32 OR u4 BETWEEN 65 AND 90 OR u4 BETWEEN 97 AND 122 OR u4 BETWEEN 224 AND 255 THEN (CASE WHEN u5 IS NULL THEN 0 WHEN u5 <= 32 THEN 1 WHEN u5 BETWEEN 65 AND 90 THEN u5 - 62 WHEN u5 < 97 THEN 2 WHEN u5 <= 122 THEN u5 - 94 WHEN u5 < 224 THEN 29 WHEN u5 <= 255 THEN u5 - 194 ELSE 62 END) * 64
    + CASE WHEN u5 = 32 OR u5 BETWEEN 65 AND 90 OR u5 BETWEEN 97 AND 122 OR u5 BETWEEN 224 AND 255 THEN (CASE WHEN u6 IS NULL THEN 0 WHEN u6 <= 32 THEN 1 WHEN u6 BETWEEN 65 AND 90 THEN u6 - 62 WHEN u6 < 97 THEN 2 WHEN u6 <= 122 THEN u6 - 94 WHEN u6 < 224 THEN 29 WHEN u6 <= 255 THEN u6 - 194 ELSE 62 END) ELSE 0 END ELSE 0 END ELSE 0 END ELSE 0 END ELSE 0 END) << 27) | id AS key
FROM (SELECT id, company_id, unicode(substr(name, 1, 1)) AS u1, unicode(substr(name, 2, 1)) AS u2, unicode(substr(name, 3, 1)) AS u3, unicode(substr(name, 4, 1)) AS u4, unicode(substr(name, 5, 1)) AS u5, unicode(substr(name, 6, 1)) AS u6 FROM contacts);
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  VALUES ((SELECT key FROM contact_search_keys WHERE id = new.id), new.name, coalesce(new.title, ''), coalesce((SELECT name FROM companies WHERE id = new.company_id), ''),
    coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.id), new.email, ''),
    coalesce(new.notes, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_bu` BEFORE UPDATE OF name, title, company_id, email, notes ON `contacts` BEGIN
  DELETE FROM contacts_fts WHERE rowid = (SELECT key FROM contact_search_keys WHERE id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_au` AFTER UPDATE OF name, title, company_id, email, notes ON `contacts` BEGIN
  INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  VALUES ((SELECT key FROM contact_search_keys WHERE id = new.id), new.name, coalesce(new.title, ''), coalesce((SELECT name FROM companies WHERE id = new.company_id), ''),
    coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.id), new.email, ''),
    coalesce(new.notes, ''));
  UPDATE notes_fts SET recipient = new.name WHERE rowid IN (SELECT id FROM notes WHERE contact_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_bd` BEFORE DELETE ON `contacts` BEGIN
  DELETE FROM contacts_fts WHERE rowid = (SELECT key FROM contact_search_keys WHERE id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_au` AFTER UPDATE OF name ON `companies` BEGIN
  UPDATE applications_fts SET company = new.name WHERE rowid IN (SELECT id FROM applications WHERE company_id = new.id);
  UPDATE contacts_fts SET company = new.name WHERE rowid IN (SELECT key FROM contact_search_keys WHERE company_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_fts_ai` AFTER INSERT ON `contact_emails` BEGIN
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.contact_id),
    (SELECT email FROM contacts WHERE id = new.contact_id), '')
  WHERE rowid = (SELECT key FROM contact_search_keys WHERE id = new.contact_id);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_fts_au` AFTER UPDATE ON `contact_emails` BEGIN
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = old.contact_id),
    (SELECT email FROM contacts WHERE id = old.contact_id), '')
  WHERE rowid = (SELECT key FROM contact_search_keys WHERE id = old.contact_id);
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.contact_id),
    (SELECT email FROM contacts WHERE id = new.contact_id), '')
  WHERE rowid = (SELECT key FROM contact_search_keys WHERE id = new.contact_id) AND new.contact_id IS NOT old.contact_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_fts_ad` AFTER DELETE ON `contact_emails` BEGIN
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = old.contact_id),
    (SELECT email FROM contacts WHERE id = old.contact_id), '')
  WHERE rowid = (SELECT key FROM contact_search_keys WHERE id = old.contact_id);
END;
--> statement-breakpoint
INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  SELECT k.key, c.name, coalesce(c.title, ''), coalesce((SELECT name FROM companies WHERE id = c.company_id), ''),
    coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = c.id), c.email, ''),
    coalesce(c.notes, '')
  FROM contacts c JOIN contact_search_keys k ON k.id = c.id
  ORDER BY k.key;
