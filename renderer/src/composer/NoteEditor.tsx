// One note in the composer: template, merge fields, delivery, subject and body (with unfilled fields and
// shared passages highlighted behind the text), the live checks beside it, and the send / card actions.
import { useMemo, useRef, useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import type { NoteT } from '../../../electron/api/contract/notes';
import { checkNote, countWords, type CheckResult, type Passage } from '../../../electron/shared/checks';
import { NOTE_KINDS, NOTE_KIND_LABELS, type NoteKind } from '../../../electron/shared/domain';
import { dueText } from '../lib/dates';
import { formatDateTime, list } from '../lib/format';
import { href } from '../lib/router';
import { ConfirmDialog } from '../ui/Modal';
import { CardSteps, STEP_LABEL } from './CardSteps';
import { ChecksPanel } from './ChecksPanel';
import { ConflictPanel } from './ConflictPanel';
import type { DraftStore, SaveState } from './ComposerDrafts';
import { EmailActions } from './EmailActions';
import { HighlightedTextarea, type Mark } from './HighlightedTextarea';
import { MergeFieldPicker } from './MergeFieldPicker';
import { RecipientChoice } from './RecipientChoice';
import { SaveAsTemplateDialog } from './SaveAsTemplate';
import { useNoteActions, type Template } from './useNoteActions';
import { RepliesPanel } from '../replies/Replies';

type Settings = MethodOutput<'settings.get'>;
type StockItem = MethodOutput<'stationery.list'>['items'][number];
type Other = { id: number; label: string; body: string };

const SAVE_LABEL: Record<SaveState, string> = { saved: 'Saved', dirty: 'Unsaved changes…', saving: 'Saving…', error: 'Not saved', conflict: 'Changed elsewhere' };

export interface NoteEditorProps {
  note: NoteT;
  store: DraftStore;
  /** The other notes to compare with, with the text as currently typed. */
  others: Other[];
  settings: Settings;
  now: number;
  templates: Template[];
  stationery: StockItem[] | undefined;
  onCardCreated: (card: NoteT) => void;
}

export function NoteEditor(props: NoteEditorProps) {
  const { note, store, settings, now } = props;
  store.sync(note);
  const draft = store.get(note.id)!;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const [savingTemplate, setSavingTemplate] = useState(false);

  const isEmail = note.delivery === 'email';
  // While a conflict waits for a choice, typing would only add a third version: the text is held still.
  const readOnly = note.readOnly || draft.state === 'conflict';
  const subject = isEmail ? draft.subject : undefined;

  // The per-keystroke work: one checkNote call for this note against the others' current text.
  const othersKey = props.others.map((o) => `${o.id}\u0001${o.label}\u0001${o.body}`).join('\u0000');
  const result: CheckResult = useMemo(
    () =>
      checkNote({
        body: draft.body,
        subject,
        delivery: note.delivery,
        recipient: note.recipient,
        context: note.context,
        dueAt: note.dueAt,
        now,
        status: note.status,
        others: props.others,
        cardWordLimit: settings.cardWordLimit,
      }),
    // othersKey stands for props.others' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [draft.body, subject, note.delivery, note.recipient, note.context, note.dueAt, note.status, now, othersKey, settings.cardWordLimit],
  );
  const byId = Object.fromEntries(result.checks.map((c) => [c.id, c]));
  const unfilled = byId.merge.passages;
  const actions = useNoteActions({ note, store, settings, now, templates: props.templates, unfilled, onCardCreated: props.onCardCreated });
  const { busy, run, guarded, confirm, setConfirm, templateOffer, setTemplateOffer, currentTemplate, applyTemplate, chooseTemplate, switchDelivery, changeKind, chooseRecipient, markSent, lock } =
    actions;

  const marks = useMemo(() => {
    const out: Mark[] = [];
    for (const c of result.checks) {
      for (const p of c.passages) {
        if (p.where === 'subject') continue;
        if (p.kind === 'field') out.push({ start: p.start, end: p.end, cls: 'hl-field', rank: 3 });
        else if (p.kind === 'shared') out.push({ start: p.start, end: p.end, cls: 'hl-shared', rank: 2 });
        else if (p.kind === 'reference' || p.kind === 'name') out.push({ start: p.start, end: p.end, cls: 'hl-ref', rank: 1 });
      }
    }
    return out;
  }, [result]);
  const otherLabels = useMemo(() => new Map<number | string, string>(props.others.map((o) => [o.id, o.label])), [props.others]);

  function showPassage(p: Passage) {
    if (p.where === 'subject') {
      subjectRef.current?.focus();
      subjectRef.current?.setSelectionRange(p.start, p.end);
      return;
    }
    const ta = textareaRef.current;
    if (!ta) return;
    ta.focus();
    ta.setSelectionRange(p.start, p.end);
    // The mark that holds the passage (runs may begin before it); the page, not the textarea, scrolls.
    let target: Element | null = null;
    for (const m of backdropRef.current?.querySelectorAll('mark[data-start]') ?? []) if (Number((m as HTMLElement).dataset.start) <= p.start) target = m;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  // This note's kind and delivery first, then the rest by kind.
  const templateGroups: Array<[string, Template[]]> = [];
  for (const t of [...props.templates].sort(
    (a, b) => Number(b.kind === note.kind && b.delivery === note.delivery) - Number(a.kind === note.kind && a.delivery === note.delivery) || NOTE_KINDS.indexOf(a.kind) - NOTE_KINDS.indexOf(b.kind),
  )) {
    const group = `${NOTE_KIND_LABELS[t.kind]} · ${t.delivery === 'email' ? 'email' : 'card'}`;
    const last = templateGroups[templateGroups.length - 1];
    if (last && last[0] === group) last[1].push(t);
    else templateGroups.push([group, [t]]);
  }
  const lowStock = (props.stationery ?? []).filter((s) => s.low && (s.kind === 'card' || s.kind === 'stamp'));
  const words = countWords(draft.body);

  return (
    <div className="composer-grid">
      <div className="composer-main">
        <div className="panel composer-panel">
          <div className="composer-head">
            <div>
              <div className="composer-to">
                To{' '}
                {note.contactId ? (
                  <a href={href({ name: 'contact', id: note.contactId })}>
                    <strong>{note.recipientName ?? 'Unknown'}</strong>
                  </a>
                ) : (
                  <strong>{note.recipientName ?? 'Unknown'}</strong>
                )}
                <RecipientChoice note={note} disabled={readOnly || busy} onChoose={(choice) => void run(() => chooseRecipient(choice))} />
              </div>
              <div className="muted small">
                {note.company ? `${note.role} at ${note.company}` : null}
                {note.dueAt && note.status === 'draft' ? <> · {dueText(note.dueAt, now)}</> : null}
              </div>
            </div>
            <span className={`save-state save-${draft.state}`} role="status" aria-live="polite" title={draft.error ?? undefined}>
              {note.readOnly ? 'Read-only' : SAVE_LABEL[draft.state]}
              {draft.state === 'error' && draft.error ? `: ${draft.error}` : ''}
            </span>
          </div>

          <div className="composer-controls">
            <label className="control">
              <span>Kind</span>
              <select aria-label="Kind" value={note.kind} disabled={readOnly || busy} onChange={(e) => void run(() => changeKind(e.target.value as NoteKind))}>
                {NOTE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {NOTE_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <div className="control">
              <span id={`delivery-${note.id}`}>Delivery</span>
              <div className="segmented" role="group" aria-labelledby={`delivery-${note.id}`}>
                {(['email', 'handwritten'] as const).map((d) => (
                  <button
                    key={d}
                    type="button"
                    aria-pressed={note.delivery === d}
                    disabled={busy || (note.status !== 'draft' && note.delivery !== d)}
                    onClick={() => void run(() => switchDelivery(d))}
                  >
                    {d === 'email' ? 'Email' : 'Handwritten card'}
                  </button>
                ))}
              </div>
            </div>
            <div className="control">
              <span className="template-control-head">
                <label htmlFor={`template-${note.id}`}>Template</label>
                <a href={href({ name: 'templates' })} aria-label="Manage templates" title="Add, edit and delete templates">
                  Manage
                </a>
                <button type="button" className="link-button" onClick={() => setSavingTemplate(true)}>
                  Save as template…
                </button>
              </span>
              <select
                id={`template-${note.id}`}
                aria-label="Template"
                value={currentTemplate && currentTemplate.delivery === note.delivery ? currentTemplate.id : ''}
                disabled={readOnly || busy}
                onChange={(e) => chooseTemplate(Number(e.target.value))}
              >
                <option value="" disabled>
                  Choose a template…
                </option>
                {templateGroups.map(([group, items]) => (
                  <optgroup key={group} label={group}>
                    {items.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </div>

          {templateOffer ? (
            <div className="banner info row" role="note">
              <span>
                Use the “{templateOffer.name}” template for this {note.delivery === 'email' ? 'email' : 'card'}? It replaces your text.
              </span>
              <button type="button" onClick={() => void run(() => applyTemplate(templateOffer))}>
                Use template
              </button>
              <button type="button" className="ghost" onClick={() => setTemplateOffer(null)}>
                Keep my text
              </button>
            </div>
          ) : null}
          {!isEmail && note.status === 'draft' && lowStock.length > 0 ? (
            <div className="banner warn" role="note">
              Low on stationery before you start this card:{' '}
              {list(lowStock.map((s) => `${s.name} (${s.onHand} left)`))}. <a href={href({ name: 'stationery' })}>Stationery</a>
            </div>
          ) : null}
          {note.reopened ? (
            <div className="banner info row" role="note">
              <span>Reopened for editing: changes update your record of this {isEmail ? 'email' : 'card'}.</span>
              {isEmail ? (
                <button type="button" disabled={busy} onClick={() => guarded('Mark as sent', markSent)}>
                  Mark as sent again
                </button>
              ) : null}
              <button type="button" disabled={busy} onClick={() => void lock()}>
                Done editing
              </button>
            </div>
          ) : null}
          {draft.state === 'conflict' ? (
            <ConflictPanel draft={draft} isEmail={isEmail} onResolve={(choice) => store.resolve(note.id, choice)} />
          ) : draft.restored ? (
            <div className="banner info">Brought back text you typed on this device that had not been saved yet; it is being saved now.</div>
          ) : null}

          {isEmail ? (
            <label className="field">
              <span className="field-label">Subject</span>
              <input
                ref={subjectRef}
                aria-label="Subject"
                aria-invalid={!!draft.fields?.subject}
                aria-describedby={draft.fields?.subject ? `subject-error-${note.id}` : undefined}
                className={byId.merge.passages.some((p) => p.where === 'subject') ? 'has-field' : ''}
                value={draft.subject}
                readOnly={readOnly}
                onChange={(e) => store.edit(note.id, { subject: e.target.value })}
              />
              {draft.fields?.subject ? (
                <span className="field-error" id={`subject-error-${note.id}`} role="alert">
                  {draft.fields.subject}
                </span>
              ) : null}
            </label>
          ) : null}
          <div className="field">
            <div className="body-label-row">
              <span className="field-label">{isEmail ? 'Message' : 'Card text'}</span>
              <MergeFieldPicker
                body={draft.body}
                data={note.merge}
                disabled={readOnly}
                textareaRef={textareaRef}
                onInsert={(body) => store.edit(note.id, { body })}
              />
            </div>
            <HighlightedTextarea
              value={draft.body}
              marks={marks}
              readOnly={readOnly}
              label={isEmail ? 'Message' : 'Card text'}
              onChange={(v) => store.edit(note.id, { body: v })}
              textareaRef={textareaRef}
              backdropRef={backdropRef}
              errorId={draft.fields?.body ? `body-error-${note.id}` : undefined}
            />
            {draft.fields?.body ? (
              <div className="field-error" id={`body-error-${note.id}`} role="alert">
                {draft.fields.body}
              </div>
            ) : null}
          </div>
          <div className="editor-foot">
            {unfilled.length > 0 ? (
              <div className="unfilled" aria-label="Unfilled fields">
                <span>Still to fill in:</span>
                {unfilled.map((p, i) => (
                  <button key={`${p.where}-${p.start}-${i}`} type="button" className="link-button field-chip" onClick={() => showPassage(p)}>
                    {p.text}
                  </button>
                ))}
              </div>
            ) : (
              <span className="muted">No unfilled fields.</span>
            )}
            <span className="legend muted">
              <mark className="hl-field">field</mark> <mark className="hl-shared">same as another note</mark> <mark className="hl-ref">from your conversation</mark>
            </span>
            <span className={`muted ${!isEmail && words > settings.cardWordLimit ? 'over' : ''}`}>
              {words} {isEmail ? 'words' : `of ${settings.cardWordLimit} words`}
            </span>
          </div>
        </div>

        {isEmail ? <EmailActions note={note} actions={actions} /> : <CardSteps note={note} settings={settings} now={now} actions={actions} />}

        <details className="panel history">
          <summary>History</summary>
          <ol className="timeline" aria-label="Note history">
            {note.events.map((e) => (
              <li key={e.id}>
                <span className="dot" />
                <div>
                  <div>
                    {STEP_LABEL[e.status]}
                    {e.detail ? <span className="muted"> · {e.detail}</span> : null}
                  </div>
                  <div className="when">{formatDateTime(e.at)}</div>
                </div>
              </li>
            ))}
          </ol>
        </details>
      </div>
      <aside className="composer-side">
        <RepliesPanel filter={{ noteId: note.id }} title="Replies to this note" showNote={false} />
        <ChecksPanel result={result} contactId={note.contactId} recipientName={note.recipientName} otherLabels={otherLabels} onShowPassage={showPassage} />
      </aside>
      {savingTemplate ? <SaveAsTemplateDialog note={note} subject={draft.subject} body={draft.body} onClose={() => setSavingTemplate(false)} /> : null}
      {confirm ? (
        <ConfirmDialog
          title={confirm.title}
          message={confirm.message}
          confirmLabel={confirm.label}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const c = confirm;
            setConfirm(null);
            void run(c.run);
          }}
        />
      ) : null}
    </div>
  );
}
