-- Full-text search (FTS5). Written by hand: drizzle-kit does not model virtual tables or triggers.
-- Each index is a standalone FTS5 table whose rowid is the row id of the entity it indexes; triggers keep it in step.
CREATE VIRTUAL TABLE `applications_fts` USING fts5(company, role, notes, location, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `applications_fts_ai` AFTER INSERT ON `applications` BEGIN
  INSERT INTO applications_fts(rowid, company, role, notes, location)
  VALUES (new.id, (SELECT name FROM companies WHERE id = new.company_id), new.role, coalesce(new.notes, ''), coalesce(new.location, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `applications_fts_au` AFTER UPDATE OF company_id, role, notes, location ON `applications` BEGIN
  DELETE FROM applications_fts WHERE rowid = old.id;
  INSERT INTO applications_fts(rowid, company, role, notes, location)
  VALUES (new.id, (SELECT name FROM companies WHERE id = new.company_id), new.role, coalesce(new.notes, ''), coalesce(new.location, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `applications_fts_ad` AFTER DELETE ON `applications` BEGIN
  DELETE FROM applications_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(name, title, company, email, notes, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  VALUES (new.id, new.name, coalesce(new.title, ''), coalesce((SELECT name FROM companies WHERE id = new.company_id), ''), coalesce(new.email, ''), coalesce(new.notes, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_au` AFTER UPDATE OF name, title, company_id, email, notes ON `contacts` BEGIN
  DELETE FROM contacts_fts WHERE rowid = old.id;
  INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  VALUES (new.id, new.name, coalesce(new.title, ''), coalesce((SELECT name FROM companies WHERE id = new.company_id), ''), coalesce(new.email, ''), coalesce(new.notes, ''));
  UPDATE notes_fts SET recipient = new.name WHERE rowid IN (SELECT id FROM notes WHERE contact_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ad` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM contacts_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `notes_fts` USING fts5(recipient, subject, body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `notes_fts_ai` AFTER INSERT ON `notes` BEGIN
  INSERT INTO notes_fts(rowid, recipient, subject, body)
  VALUES (new.id, coalesce((SELECT name FROM contacts WHERE id = new.contact_id), new.recipient_name, ''), coalesce(new.subject, ''), new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_au` AFTER UPDATE OF contact_id, recipient_name, subject, body ON `notes` BEGIN
  DELETE FROM notes_fts WHERE rowid = old.id;
  INSERT INTO notes_fts(rowid, recipient, subject, body)
  VALUES (new.id, coalesce((SELECT name FROM contacts WHERE id = new.contact_id), new.recipient_name, ''), coalesce(new.subject, ''), new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `notes_fts_ad` AFTER DELETE ON `notes` BEGIN
  DELETE FROM notes_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_au` AFTER UPDATE OF name ON `companies` BEGIN
  UPDATE applications_fts SET company = new.name WHERE rowid IN (SELECT id FROM applications WHERE company_id = new.id);
  UPDATE contacts_fts SET company = new.name WHERE rowid IN (SELECT id FROM contacts WHERE company_id = new.id);
END;
