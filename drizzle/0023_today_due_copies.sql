-- Today's due counts visit every open draft (status draft with a due time); for each, COUNTS_AS_DUE
-- (electron/domains/interviews/obligations.ts) looked up the interview's end and the kind of the
-- application's stage: three searches per draft, tens of thousands of drafts in a large book. The
-- drafts now carry copies of those two values, kept by the triggers below, and the counts read
-- notes_open_drafts_due alone. Copies are kept on open drafts only: no other note is counted, and a
-- stage move or a rescheduled interview then rewrites only the drafts it concerns.
-- application_ended is the lookup's own value: 1, 0, or null when there is no application or stage
-- (a thank-you is then not counted, as before). ENDED_KINDS are rejected and withdrawn (shared/domain.ts).
DROP INDEX `notes_open_drafts_due`;--> statement-breakpoint
ALTER TABLE `notes` ADD `interview_end_at` integer;--> statement-breakpoint
ALTER TABLE `notes` ADD `application_ended` integer;--> statement-breakpoint
-- Filled with the revision trigger away, so no note's revision moves.
DROP TRIGGER `notes_revision_au`;--> statement-breakpoint
UPDATE notes SET interview_end_at = (SELECT end_at FROM interviews WHERE id = notes.interview_id), application_ended = ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = notes.application_id)) IN ('rejected', 'withdrawn'))
WHERE status = 'draft' AND due_at IS NOT NULL;--> statement-breakpoint
-- A note's revision tells the composer its copy is stale: the copies are not the note's content, so a
-- write that changes only them (the triggers below) leaves the revision alone.
CREATE TRIGGER `notes_revision_au` AFTER UPDATE ON `notes`
WHEN new.revision = old.revision AND new.interview_end_at IS old.interview_end_at AND new.application_ended IS old.application_ended BEGIN
  UPDATE notes SET revision = old.revision + 1 WHERE id = new.id;
END;--> statement-breakpoint
CREATE INDEX `notes_open_drafts_due` ON `notes` (`due_at`,`interview_id`,`interview_end_at`,`application_id`,`application_ended`,`kind`) WHERE "notes"."status" = 'draft' AND "notes"."due_at" IS NOT NULL;--> statement-breakpoint
-- A draft written, or one whose status, due time, interview or application changes. Each UPDATE below
-- writes only when a copy differs, so nothing is rewritten (or recorded for undo) for nothing.
CREATE TRIGGER `notes_due_copies_ai` AFTER INSERT ON `notes` WHEN new.status = 'draft' AND new.due_at IS NOT NULL BEGIN
  UPDATE notes SET interview_end_at = (SELECT end_at FROM interviews WHERE id = new.interview_id), application_ended = ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = new.application_id)) IN ('rejected', 'withdrawn'))
  WHERE id = new.id AND (interview_end_at IS NOT (SELECT end_at FROM interviews WHERE id = new.interview_id) OR application_ended IS NOT ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = new.application_id)) IN ('rejected', 'withdrawn')));
END;--> statement-breakpoint
CREATE TRIGGER `notes_due_copies_au` AFTER UPDATE OF status, due_at, interview_id, application_id ON `notes`
WHEN new.status = 'draft' AND new.due_at IS NOT NULL BEGIN
  UPDATE notes SET interview_end_at = (SELECT end_at FROM interviews WHERE id = new.interview_id), application_ended = ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = new.application_id)) IN ('rejected', 'withdrawn'))
  WHERE id = new.id AND (interview_end_at IS NOT (SELECT end_at FROM interviews WHERE id = new.interview_id) OR application_ended IS NOT ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = new.application_id)) IN ('rejected', 'withdrawn')));
END;--> statement-breakpoint
CREATE TRIGGER `interviews_due_copies_ai` AFTER INSERT ON `interviews` BEGIN
  UPDATE notes SET interview_end_at = new.end_at
  WHERE interview_id = new.id AND status = 'draft' AND due_at IS NOT NULL AND interview_end_at IS NOT new.end_at;
END;--> statement-breakpoint
CREATE TRIGGER `interviews_due_copies_au` AFTER UPDATE OF end_at ON `interviews` BEGIN
  UPDATE notes SET interview_end_at = new.end_at
  WHERE interview_id = new.id AND status = 'draft' AND due_at IS NOT NULL AND interview_end_at IS NOT new.end_at;
END;--> statement-breakpoint
CREATE TRIGGER `interviews_due_copies_ad` AFTER DELETE ON `interviews` BEGIN
  UPDATE notes SET interview_end_at = NULL
  WHERE interview_id = old.id AND status = 'draft' AND due_at IS NOT NULL AND interview_end_at IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `applications_due_copies_ai` AFTER INSERT ON `applications` BEGIN
  UPDATE notes SET application_ended = ((SELECT kind FROM stages WHERE key = new.stage) IN ('rejected', 'withdrawn'))
  WHERE application_id = new.id AND status = 'draft' AND due_at IS NOT NULL AND application_ended IS NOT ((SELECT kind FROM stages WHERE key = new.stage) IN ('rejected', 'withdrawn'));
END;--> statement-breakpoint
CREATE TRIGGER `applications_due_copies_au` AFTER UPDATE OF stage ON `applications` BEGIN
  UPDATE notes SET application_ended = ((SELECT kind FROM stages WHERE key = new.stage) IN ('rejected', 'withdrawn'))
  WHERE application_id = new.id AND status = 'draft' AND due_at IS NOT NULL AND application_ended IS NOT ((SELECT kind FROM stages WHERE key = new.stage) IN ('rejected', 'withdrawn'));
END;--> statement-breakpoint
CREATE TRIGGER `applications_due_copies_ad` AFTER DELETE ON `applications` BEGIN
  UPDATE notes SET application_ended = NULL
  WHERE application_id = old.id AND status = 'draft' AND due_at IS NOT NULL AND application_ended IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `stages_due_copies_ai` AFTER INSERT ON `stages` BEGIN
  UPDATE notes SET application_ended = ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = notes.application_id)) IN ('rejected', 'withdrawn'))
  WHERE application_id IN (SELECT id FROM applications WHERE stage IN (new.key)) AND status = 'draft' AND due_at IS NOT NULL AND application_ended IS NOT ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = notes.application_id)) IN ('rejected', 'withdrawn'));
END;--> statement-breakpoint
CREATE TRIGGER `stages_due_copies_au` AFTER UPDATE OF key, kind ON `stages` BEGIN
  UPDATE notes SET application_ended = ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = notes.application_id)) IN ('rejected', 'withdrawn'))
  WHERE application_id IN (SELECT id FROM applications WHERE stage IN (old.key, new.key)) AND status = 'draft' AND due_at IS NOT NULL AND application_ended IS NOT ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = notes.application_id)) IN ('rejected', 'withdrawn'));
END;--> statement-breakpoint
CREATE TRIGGER `stages_due_copies_ad` AFTER DELETE ON `stages` BEGIN
  UPDATE notes SET application_ended = ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = notes.application_id)) IN ('rejected', 'withdrawn'))
  WHERE application_id IN (SELECT id FROM applications WHERE stage IN (old.key)) AND status = 'draft' AND due_at IS NOT NULL AND application_ended IS NOT ((SELECT kind FROM stages WHERE key = (SELECT stage FROM applications WHERE id = notes.application_id)) IN ('rejected', 'withdrawn'));
END;
