// One template in the editor: kind, delivery, name, subject and text, a merge-field inserter, and a live
// preview filled from a sample interview, so unfilled fields show before a note is ever written.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { countWords } from '../../../electron/shared/checks';
import { DELIVERIES, NOTE_KINDS, NOTE_KIND_LABELS, type Delivery, type NoteKind } from '../../../electron/shared/domain';
import { MERGE_FIELDS, type MergeData } from '../../../electron/shared/merge';
import { fieldKind, previewSegments } from '../../../electron/shared/template-draft';
import { list, plural } from '../lib/format';
import { useCall } from '../lib/hooks';
import { useServerForm } from '../lib/forms';
import { href } from '../lib/router';
import { Field } from '../ui/Field';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { ErrorBanner } from '../ui/ErrorBanner';

export type Template = MethodOutput<'templates.list'>['items'][number];
export type Draft = { kind: NoteKind; delivery: Delivery; name: string; subject: string; body: string };
export type Editing = { seq: number; id: number | null; builtIn: boolean; copyOf: string | null; saved: Draft };
/** What the screen needs to know of the form to warn before dropping it. */
export type EditorState = { unsaved: boolean; draft: Draft };

export const DELIVERY_LABELS: Record<Delivery, string> = { email: 'Email', handwritten: 'Handwritten card' };

/** A fictional interview, so the preview reads like a real note. */
const SAMPLE: MergeData = {
  contact: { name: 'Dana Lee', firstName: 'Dana', title: 'Engineering Manager' },
  company: { name: 'Northwind Health' },
  application: { role: 'Senior Data Engineer' },
  interview: {
    date: 'Tuesday, November 24',
    topics: 'data contracts, the on-call rotation and warehouse costs',
    challenge: 'moving 400 legacy Airflow jobs to dbt without downtime',
    lookingFor: 'someone who has led a warehouse migration end to end',
    promises: 'the cutover checklist from my last migration',
  },
  participant: { talkedAbout: "her team's on-call load after the last migration" },
};
const SAMPLE_PROFILE = 'Jordan Avery';

export const toDraft = (t: Template): Draft => ({ kind: t.kind, delivery: t.delivery, name: t.name, subject: t.subject ?? '', body: t.body });
export const sameDraft = (a: Draft, b: Draft) =>
  a.kind === b.kind && a.delivery === b.delivery && a.name === b.name && a.body === b.body && (a.delivery === 'handwritten' || a.subject === b.subject);

export function TemplateEditor(props: {
  editing: Editing;
  profile: MethodOutput<'settings.get'>['profile'] | undefined;
  cardWordLimit: number;
  /** Called after every change: the screen asks before leaving unsaved changes. */
  onState: (s: EditorState) => void;
  onSaved: (t: Template) => void;
  onDuplicate: (d: Draft) => void;
  onDeleted: () => void;
  onCancelNew: () => void;
}) {
  const { editing, profile, cardWordLimit } = props;
  // The form starts from the saved template (a copy or a new one starts from its first draft).
  const form = useServerForm<Draft>(editing.saved);
  const { register, setValue, fieldError: errorOf } = form;
  const draft = form.watch();
  const create = useCall('templates.create');
  const update = useCall('templates.update');
  const remove = useCall('templates.delete');
  const reset = useCall('templates.reset');
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const lastFocus = useRef<'subject' | 'body'>('body');
  const bodyId = useId();
  const isEmail = draft.delivery === 'email';
  // sameDraft rather than isDirty: a subject left over after switching to a card is not a change.
  const dirty = editing.id === null || !sameDraft(draft, editing.saved);
  // A new template is worth keeping once it has a name or text; a saved one once it differs.
  const unsaved = editing.id === null ? draft.body.trim() !== '' || draft.name.trim() !== '' : dirty;
  const { onState } = props;
  useEffect(() => onState({ unsaved, draft }), [onState, unsaved, draft.kind, draft.delivery, draft.name, draft.subject, draft.body]); // eslint-disable-line react-hooks/exhaustive-deps
  const busy = create.isPending || update.isPending || remove.isPending || reset.isPending;

  const fail = (err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error');

  function insertField(key: string) {
    const text = `{{${key}}}`;
    const inSubject = isEmail && lastFocus.current === 'subject';
    const el = inSubject ? subjectRef.current : bodyRef.current;
    const value = inSubject ? draft.subject : draft.body;
    // The textarea keeps its selection while the picker has focus: insert there, or at the end.
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    setValue(inSubject ? 'subject' : 'body', value.slice(0, start) + text + value.slice(end), { shouldDirty: true });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  }

  const save = form.onSubmit(async (d) => {
    const input = { kind: d.kind, delivery: d.delivery, name: d.name, subject: d.delivery === 'email' ? d.subject : null, body: d.body };
    const t = editing.id === null ? await create.mutateAsync(input) : await update.mutateAsync({ id: editing.id, ...input });
    toast(editing.id === null ? `Added “${t.name}”.` : `Saved “${t.name}”.`);
    props.onSaved(t);
  });
  const subjectField = register('subject');
  const bodyField = register('body');

  const data: MergeData = { ...SAMPLE, profile: { name: profile?.name || SAMPLE_PROFILE, signature: profile?.signature || profile?.name || SAMPLE_PROFILE } };
  const bodySegs = previewSegments(draft.body, data);
  const subjectSegs = isEmail ? previewSegments(draft.subject, data) : [];
  const words = countWords(bodySegs.map((s) => s.text).join(''));
  const unfilled = [...subjectSegs, ...bodySegs].filter((s) => s.kind === 'unfilled');
  const unique = [...new Map(unfilled.map((s) => [s.field!.toLowerCase(), s.field!])).values()];
  const unknown = unique.filter((f) => fieldKind(f) === 'unknown');
  const prompts = unique.filter((f) => fieldKind(f) !== 'unknown');

  const title = editing.id === null ? (editing.copyOf ? `Copy of “${editing.copyOf}”` : 'New template') : editing.saved.name;
  return (
    <form id={form.formId} className="panel template-editor" aria-label="Template" onSubmit={(e) => void save(e)} noValidate>
      <div className="template-editor-head">
        <h2>{title}</h2>
        {editing.builtIn ? <span className="badge">Built-in</span> : null}
        {editing.id !== null && dirty ? <span className="save-state save-dirty">Unsaved changes</span> : null}
      </div>
      {editing.builtIn ? (
        <p className="muted small template-note">
          A built-in template: edit its text as you like. Its name, kind and delivery stay as they are, because new {NOTE_KIND_LABELS[draft.kind].toLowerCase()} notes start from it.
        </p>
      ) : null}
      {editing.copyOf ? <p className="muted small template-note">Not saved yet: change what you like, then add it as your own template.</p> : null}
      <ErrorBanner error={form.rootError} />

      <div className="template-fields">
        <Field label="Kind" error={errorOf('kind')}>
          {(p) => (
            <select {...p} {...register('kind')} disabled={editing.builtIn}>
              {NOTE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {NOTE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Delivery" error={errorOf('delivery')}>
          {(p) => (
            <select {...p} {...register('delivery')} disabled={editing.builtIn}>
              {DELIVERIES.map((d) => (
                <option key={d} value={d}>
                  {DELIVERY_LABELS[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Name" error={errorOf('name')} hint="As it appears in the composer’s template picker." className="template-name">
          {/* Built-ins are recognised by name when the app starts (missing ones are added back), so it stays fixed. */}
          {(p) => <input {...p} {...register('name')} maxLength={100} disabled={editing.builtIn} />}
        </Field>
        {isEmail ? (
          <Field label="Subject" error={errorOf('subject')} className="wide">
            {(p) => (
              <input
                {...p}
                {...subjectField}
                ref={(el) => {
                  subjectField.ref(el);
                  subjectRef.current = el;
                }}
                onFocus={() => (lastFocus.current = 'subject')}
              />
            )}
          </Field>
        ) : null}
      </div>

      <div className="template-body-grid">
        <div className="field">
          <div className="body-label-row">
            <label htmlFor={bodyId} className="field-label">
              {isEmail ? 'Message' : 'Card text'}
            </label>
            <select aria-label="Insert a merge field" value="" onChange={(e) => e.target.value && insertField(e.target.value)}>
              <option value="">Insert a merge field…</option>
              {MERGE_FIELDS.map((f) => (
                <option key={f.key} value={f.key} title={f.description}>
                  {f.label} · {`{{${f.key}}}`}
                </option>
              ))}
            </select>
          </div>
          <textarea
            id={bodyId}
            {...bodyField}
            ref={(el) => {
              bodyField.ref(el);
              bodyRef.current = el;
            }}
            className="template-body"
            aria-invalid={!!errorOf('body')}
            aria-describedby={errorOf('body') ? `${bodyId}-error` : `${bodyId}-hint`}
            spellCheck
            onFocus={() => (lastFocus.current = 'body')}
          />
          {errorOf('body') ? (
            <div className="field-error" id={`${bodyId}-error`} role="alert">
              {errorOf('body')}
            </div>
          ) : (
            <div className="field-hint" id={`${bodyId}-hint`}>
              Write <code>{'{{your question}}'}</code> for a part only you can write: it stays highlighted in the note until you replace it.
            </div>
          )}
        </div>

        <section className="template-preview" aria-label="Preview">
          <div className="preview-head">
            <h3>Preview</h3>
            <span className="muted small">with a sample interview</span>
            <span className={`small preview-words ${!isEmail && words > cardWordLimit ? 'over' : 'muted'}`}>
              {isEmail ? plural(words, 'word') : `${words} of ${plural(cardWordLimit, 'word')}`}
            </span>
          </div>
          {isEmail ? (
            <div className="preview-subject" aria-label="Subject preview">
              <span className="muted">Subject: </span>
              {draft.subject.trim() ? <Segments segs={subjectSegs} /> : <span className="muted">(none)</span>}
            </div>
          ) : null}
          <div className="preview-body" aria-label="Text preview">
            {draft.body.trim() ? <Segments segs={bodySegs} /> : <span className="muted">The filled-in text appears here as you write.</span>}
          </div>
          <div className="preview-foot small" aria-label="Unfilled in the preview">
            {unknown.length > 0 ? (
              <p className="preview-unknown">
                Not a merge field, so never filled in: {list(unknown.map((f) => `{{${f}}}`))}. Check the spelling, or pick the field from the list.
              </p>
            ) : null}
            {prompts.length > 0 ? (
              <p>
                <span>Left for you to write in each note: </span>
                {prompts.map((f) => (
                  <mark key={f} className="hl-field">{`{{${f}}}`}</mark>
                ))}
              </p>
            ) : unknown.length === 0 && draft.body.trim() ? (
              <p className="muted">Every field is filled in from the sample.</p>
            ) : null}
            <p className="muted">
              <mark className="pv-filled">Filled in</mark> from a sample: Dana Lee, Engineering Manager at Northwind Health, interviewed you for the Senior Data Engineer
              role.
              {!profile?.name ? (
                <>
                  {' '}
                  Your name and signature come from <a href={href({ name: 'settings' })}>Settings</a>.
                </>
              ) : null}
            </p>
          </div>
        </section>
      </div>

      <div className="template-actions">
        <div className="row">
          {editing.id !== null && !editing.builtIn ? (
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          ) : null}
          {editing.builtIn && editing.id !== null ? (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                reset.mutateAsync({ id: editing.id! }).then((t) => {
                  toast(`“${t.name}” is back to its original words.`);
                  props.onSaved(t);
                }, fail)
              }
            >
              Reset to original
            </button>
          ) : null}
          {editing.builtIn ? <span className="muted small">Built-in templates can be edited but not deleted. Duplicate one to make your own version.</span> : null}
        </div>
        <div className="row">
          {editing.id !== null ? (
            <>
              {dirty ? (
                <button type="button" className="ghost" disabled={busy} onClick={() => form.reset(editing.saved)}>
                  Undo changes
                </button>
              ) : null}
              <button type="button" disabled={busy} onClick={() => props.onDuplicate(form.getValues())}>
                Duplicate
              </button>
            </>
          ) : (
            <button type="button" className="ghost" disabled={busy} onClick={props.onCancelNew}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || (editing.id !== null && !dirty)}>
            {editing.id === null ? 'Add template' : 'Save changes'}
          </button>
        </div>
      </div>

      {confirmDelete && editing.id !== null ? (
        <ConfirmDialog
          title="Delete this template?"
          message={<p>“{editing.saved.name}” will be gone from the template picker. Notes you already wrote from it keep their text.</p>}
          confirmLabel="Delete template"
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            remove.mutateAsync({ id: editing.id! }).then(props.onDeleted, fail);
          }}
        />
      ) : null}
    </form>
  );
}

function Segments({ segs }: { segs: ReturnType<typeof previewSegments> }): ReactNode {
  return segs.map((s, i) =>
    s.kind === 'text' ? (
      s.text
    ) : s.kind === 'filled' ? (
      <mark key={i} className="pv-filled" title={`{{${s.field}}}`}>
        {s.text}
      </mark>
    ) : (
      <mark key={i} className={`hl-field ${fieldKind(s.field!) === 'unknown' ? 'pv-unknown' : ''}`}>
        {s.text}
      </mark>
    ),
  );
}
