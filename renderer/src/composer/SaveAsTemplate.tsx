// "Save as template" in the composer: the note's subject and text become a new template of its kind and
// delivery. Only the greeting's name turns into a merge field; the dialog says what changed.
import { useMemo, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import type { NoteT } from '../../../electron/api/contract/notes';
import { NOTE_KIND_LABELS } from '../../../electron/shared/domain';
import { findUnfilled, firstNameOf } from '../../../electron/shared/merge';
import { templateFromNote } from '../../../electron/shared/template-draft';
import { useCall } from '../lib/hooks';
import { useServerForm } from '../lib/forms';
import { plural } from '../lib/format';
import { href } from '../lib/router';
import { Field } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { ErrorBanner } from '../ui/ErrorBanner';

type Template = MethodOutput<'templates.create'>;

/** The text with every {{...}} marked. */
function Marked({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const f of findUnfilled(text)) {
    out.push(text.slice(last, f.start), <mark key={f.start} className="hl-field">{text.slice(f.start, f.end)}</mark>);
    last = f.end;
  }
  out.push(text.slice(last));
  return <>{out}</>;
}

export function SaveAsTemplateDialog({ note, subject, body, onClose }: { note: NoteT; subject: string; body: string; onClose: () => void }) {
  const isEmail = note.delivery === 'email';
  const what = isEmail ? 'email' : 'card';
  const firstName = note.merge.contact?.firstName ?? firstNameOf(note.recipientName);
  const t = useMemo(
    () => templateFromNote({ subject: isEmail ? subject : null, body, recipientName: note.recipientName, firstName }),
    [isEmail, subject, body, note.recipientName, firstName],
  );
  const create = useCall('templates.create');
  // Subject and text are not typed here (they come from the note), but they are values of the form so the
  // server's errors for them land in the form and show beside the template's text.
  const form = useServerForm<{ name: string; subject: string; body: string }>({ name: '', subject: '', body: '' });
  const { register, fieldError: errorOf } = form;
  const [saved, setSaved] = useState<Template | null>(null);
  const kindLabel = `${NOTE_KIND_LABELS[note.kind]} · ${isEmail ? 'email' : 'handwritten card'}`;

  const submit = form.onSubmit(async ({ name }) => {
    setSaved(await create.mutateAsync({ kind: note.kind, delivery: note.delivery, name, subject: t.subject, body: t.body }));
  });

  if (saved) {
    return (
      <Modal title="Saved as a template" onClose={onClose}>
        <p>
          “{saved.name}” is in the template picker under {kindLabel}.
        </p>
        <div className="form-actions">
          <a className="button" href={href({ name: 'templates', id: saved.id })}>
            Edit it in Templates
          </a>
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </Modal>
    );
  }

  const textError = errorOf('body') ?? errorOf('subject');
  return (
    <Modal title="Save as template" onClose={onClose}>
      <form id={form.formId} className="save-template" aria-label="Save as template" onSubmit={(e) => void submit(e)} noValidate>
        <p>
          A new {kindLabel} template from this {what}.
        </p>
        {t.replaced.length > 0 ? (
          <ul className="replaced" aria-label="Replaced">
            {t.replaced.map((r) => (
              <li key={r.to}>
                In the greeting, “{r.from}” becomes <code>{r.to}</code>, so each note greets its own recipient.
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            {t.greetingKept
              ? `The greeting (“${t.greetingKept}”) is not ${note.recipientName ?? 'the recipient'}’s first or full name, so it stays as written.`
              : 'No greeting with the recipient’s name was found, so nothing was replaced.'}
          </p>
        )}
        {t.nameElsewhere > 0 && firstName ? (
          <p className="warn-text">
            “{firstName}” appears {t.nameElsewhere === 1 ? 'once more' : plural(t.nameElsewhere, 'more time')} in the {isEmail ? 'subject or text' : 'text'}; that stays as written. Edit
            the template afterwards to change it.
          </p>
        ) : null}
        <p className="muted small">Everything else, like what you talked about, stays as you wrote it.</p>
        <Field label="Template name" error={errorOf('name')} hint="As it appears in the template picker.">
          {(p) => <input {...p} {...register('name')} maxLength={100} autoFocus />}
        </Field>
        <div className="field" style={{ marginTop: 12 }}>
          <span className="field-label">The template</span>
          <pre className="save-template-text" aria-label="Template text" tabIndex={0}>
            {t.subject !== null ? (
              <>
                <strong>
                  <Marked text={t.subject || '(no subject)'} />
                </strong>
                {'\n\n'}
              </>
            ) : null}
            <Marked text={t.body} />
          </pre>
          {textError ? (
            <div className="field-error" role="alert">
              {errorOf('body') && !t.body.trim() ? `This ${what} has no text yet: write it first.` : textError}
            </div>
          ) : null}
        </div>
        <ErrorBanner error={form.rootError} />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            Save template
          </button>
        </div>
      </form>
    </Modal>
  );
}
