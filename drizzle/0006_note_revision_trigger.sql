-- Every change of a note row bumps its revision, whatever wrote it (an edit, a status change, a
-- template applied, a contact deleted under it), so the composer can tell a stale copy from the
-- latest one. The WHEN clause stops the trigger's own UPDATE from firing it again, and an UPDATE
-- that sets the revision itself (none does today) is left alone.
CREATE TRIGGER `notes_revision_au` AFTER UPDATE ON `notes` WHEN new.revision = old.revision BEGIN
  UPDATE notes SET revision = old.revision + 1 WHERE id = new.id;
END;
