-- Search finds a contact by any of their emails, not only the primary one. contacts_fts.email held
-- contacts.email, the mirror of the primary row; it now holds every address of the contact, in their
-- order. The contact's own triggers compute it from contact_emails, and changes to contact_emails
-- refresh it, whichever fires first (the primary mirror updates contacts.email, which re-fires
-- contacts_fts_au; both write the same value). A contact with no email rows (written in the old
-- shape, with plain SQL) keeps its contacts.email in the index.
DROP TRIGGER `contacts_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_ai` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  VALUES (new.id, new.name, coalesce(new.title, ''), coalesce((SELECT name FROM companies WHERE id = new.company_id), ''),
    coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.id), new.email, ''),
    coalesce(new.notes, ''));
END;
--> statement-breakpoint
DROP TRIGGER `contacts_fts_au`;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_au` AFTER UPDATE OF name, title, company_id, email, notes ON `contacts` BEGIN
  DELETE FROM contacts_fts WHERE rowid = old.id;
  INSERT INTO contacts_fts(rowid, name, title, company, email, notes)
  VALUES (new.id, new.name, coalesce(new.title, ''), coalesce((SELECT name FROM companies WHERE id = new.company_id), ''),
    coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.id), new.email, ''),
    coalesce(new.notes, ''));
  UPDATE notes_fts SET recipient = new.name WHERE rowid IN (SELECT id FROM notes WHERE contact_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_fts_ai` AFTER INSERT ON `contact_emails` BEGIN
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.contact_id),
    (SELECT email FROM contacts WHERE id = new.contact_id), '')
  WHERE rowid = new.contact_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_fts_au` AFTER UPDATE ON `contact_emails` BEGIN
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = old.contact_id),
    (SELECT email FROM contacts WHERE id = old.contact_id), '')
  WHERE rowid = old.contact_id;
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = new.contact_id),
    (SELECT email FROM contacts WHERE id = new.contact_id), '')
  WHERE rowid = new.contact_id AND new.contact_id IS NOT old.contact_id;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_emails_fts_ad` AFTER DELETE ON `contact_emails` BEGIN
  UPDATE contacts_fts SET email = coalesce((SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = old.contact_id),
    (SELECT email FROM contacts WHERE id = old.contact_id), '')
  WHERE rowid = old.contact_id;
END;
--> statement-breakpoint
UPDATE contacts_fts SET email = coalesce(
  (SELECT group_concat(address, ' ' ORDER BY is_primary DESC, position, id) FROM contact_emails WHERE contact_id = contacts_fts.rowid),
  (SELECT email FROM contacts WHERE id = contacts_fts.rowid), '');
