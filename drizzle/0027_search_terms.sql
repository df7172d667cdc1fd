-- Every word the search indexes hold, in one sorted list, so a search can spell a prefix out as the
-- words that start with it (db/fts.ts ftsMatch). FTS5 answers a prefix query ("kafka"*) by reading and
-- merging the whole list of rows of every word with that prefix before it returns a first row: at
-- 1,000,000 notes a common word costs 50-100 ms whatever the page size. The same words as exact terms
-- ("kafka" OR "kafkaesque") are read lazily, newest first, and stop at the page: 0.2 ms.
-- The list is a superset: a word is added whenever a row that feeds an index is written (triggers
-- below, which tokenize the new text with the indexes' own tokenizer through the scratch table
-- search_words, always emptied again), and never removed. A word no longer indexed matches nothing.
-- Written by hand: drizzle-kit does not model virtual tables or triggers.
CREATE TABLE `search_terms` (`term` text PRIMARY KEY NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words` USING fts5(words, content = '', tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_terms` USING fts5vocab(search_words, row);
--> statement-breakpoint
CREATE TRIGGER `applications_terms_ai` AFTER INSERT ON `applications` BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, new.role || ' ' || coalesce(new.notes, '') || ' ' || coalesce(new.location, ''));
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `applications_terms_au` AFTER UPDATE OF role, notes, location ON `applications`
WHEN new.role IS NOT old.role OR new.notes IS NOT old.notes OR new.location IS NOT old.location BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, new.role || ' ' || coalesce(new.notes, '') || ' ' || coalesce(new.location, ''));
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `companies_terms_ai` AFTER INSERT ON `companies` BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, new.name);
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `companies_terms_au` AFTER UPDATE OF name ON `companies` WHEN new.name IS NOT old.name BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, new.name);
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_terms_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO search_words(rowid, words)
  VALUES (1, new.name || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.notes, ''));
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_terms_au` AFTER UPDATE OF name, title, email, notes ON `contacts`
WHEN new.name IS NOT old.name OR new.title IS NOT old.title OR new.email IS NOT old.email OR new.notes IS NOT old.notes BEGIN
  INSERT INTO search_words(rowid, words)
  VALUES (1, new.name || ' ' || coalesce(new.title, '') || ' ' || coalesce(new.email, '') || ' ' || coalesce(new.notes, ''));
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_terms_ai` AFTER INSERT ON `contact_emails` BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, new.address);
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_terms_au` AFTER UPDATE OF address ON `contact_emails` WHEN new.address IS NOT old.address BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, new.address);
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `notes_terms_ai` AFTER INSERT ON `notes` BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, coalesce(new.recipient_name, '') || ' ' || coalesce(new.subject, '') || ' ' || new.body);
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `notes_terms_au` AFTER UPDATE OF recipient_name, subject, body ON `notes`
WHEN new.recipient_name IS NOT old.recipient_name OR new.subject IS NOT old.subject OR new.body IS NOT old.body BEGIN
  INSERT INTO search_words(rowid, words) VALUES (1, coalesce(new.recipient_name, '') || ' ' || coalesce(new.subject, '') || ' ' || new.body);
  INSERT OR IGNORE INTO search_terms(term) SELECT term FROM search_words_terms;
  INSERT INTO search_words(search_words) VALUES ('delete-all');
END;
--> statement-breakpoint
-- The words already indexed, read once from each index's own vocabulary.
CREATE VIRTUAL TABLE temp.`search_fill` USING fts5vocab(main, applications_fts, row);
--> statement-breakpoint
INSERT OR IGNORE INTO search_terms(term) SELECT term FROM temp.search_fill;
--> statement-breakpoint
DROP TABLE temp.`search_fill`;
--> statement-breakpoint
CREATE VIRTUAL TABLE temp.`search_fill` USING fts5vocab(main, contacts_fts, row);
--> statement-breakpoint
INSERT OR IGNORE INTO search_terms(term) SELECT term FROM temp.search_fill;
--> statement-breakpoint
DROP TABLE temp.`search_fill`;
--> statement-breakpoint
CREATE VIRTUAL TABLE temp.`search_fill` USING fts5vocab(main, notes_fts, row);
--> statement-breakpoint
INSERT OR IGNORE INTO search_terms(term) SELECT term FROM temp.search_fill;
--> statement-breakpoint
DROP TABLE temp.`search_fill`;
