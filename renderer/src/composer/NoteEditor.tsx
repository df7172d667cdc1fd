// One note in the composer: template, merge fields, delivery, subject and body (with unfilled fields and
// shared passages highlighted behind the text), the live checks beside it, and the send / card actions.
import { useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import type { NoteT } from '../../../electron/api/contract/notes';
import { checkNote, countWords, type CheckResult, type Passage } from '../../../electron/shared/checks';
import { CARD_STEPS, NOTE_KINDS, NOTE_KIND_LABELS, type Delivery, type NoteKind, type NoteStatus } from '../../../electron/shared/domain';
import { MERGE_FIELDS, renderTemplate, type MergeData } from '../../../electron/shared/merge';
import { addBusinessDays, instantToLocal, localToInstant } from '../../../electron/shared/time';
import { ApiError, call } from '../lib/api';
import { base64ToBytes, downloadFile } from '../lib/download';
import { formatDate, formatDateTime, relative } from '../lib/format';
import { href } from '../lib/router';
import { ChecksPanel } from './ChecksPanel';
import type { DraftStore, SaveState } from './ComposerDrafts';
import { ConfirmDialog } from '../ui/Modal';
import { SaveAsTemplateDialog } from './SaveAsTemplate';
import { useToast } from '../ui/Toast';

type Settings = MethodOutput<'settings.get'>;
type Template = MethodOutput<'templates.list'>['items'][number];
type StockItem = MethodOutput<'stationery.list'>['items'][number];
type Other = { id: number; label: string; body: string };

const STEP_LABEL: Record<NoteStatus, string> = { draft: 'Drafted', sent: 'Sent', written: 'Written', addressed: 'Addressed', stamped: 'Stamped', mailed: 'Mailed' };
const SAVE_LABEL: Record<SaveState, string> = { saved: 'Saved', dirty: 'Unsaved changes…', saving: 'Saving…', error: 'Not saved' };

// ---------------------------------------------------------------- highlighted editor

type Mark = { start: number; end: number; cls: string; rank: number };

/** Text split at mark boundaries; where marks overlap, the most important one wins. */
function highlight(text: string, marks: Mark[]): ReactNode[] {
  if (marks.length === 0) return [text];
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const pts = [...cuts].sort((a, b) => a - b);
  // Runs of the same class become one <mark>, so a highlight has no seams where other marks begin or end.
  const runs: Array<{ start: number; end: number; cls: string | null }> = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    let best: Mark | null = null;
    for (const m of marks) if (m.start <= a && m.end >= b && (!best || m.rank > best.rank)) best = m;
    const cls = best?.cls ?? null;
    const last = runs[runs.length - 1];
    if (last && last.cls === cls) last.end = b;
    else runs.push({ start: a, end: b, cls });
  }
  const out: ReactNode[] = runs.map((r) =>
    r.cls ? (
      <mark key={r.start} className={r.cls} data-start={r.start}>
        {text.slice(r.start, r.end)}
      </mark>
    ) : (
      text.slice(r.start, r.end)
    ),
  );
  return out;
}

function HighlightedTextarea({
  value,
  marks,
  readOnly,
  label,
  onChange,
  textareaRef,
  backdropRef,
}: {
  value: string;
  marks: Mark[];
  readOnly: boolean;
  label: string;
  onChange: (v: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  backdropRef: RefObject<HTMLDivElement | null>;
}) {
  // The backdrop, in the flow, sizes the box; the transparent textarea lies on top of it with the same metrics.
  return (
    <div className={`hl-editor ${readOnly ? 'readonly' : ''}`}>
      <div className="hl-text hl-backdrop" ref={backdropRef} aria-hidden="true">
        {highlight(value, marks)}{' '}
      </div>
      <textarea ref={textareaRef} className="hl-text hl-input" aria-label={label} value={value} readOnly={readOnly} spellCheck onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

// ---------------------------------------------------------------- the editor

export interface NoteEditorProps {
  note: NoteT;
  store: DraftStore;
  /** The other notes to compare with, with the text as currently typed. */
  others: Other[];
  settings: Settings;
  now: number;
  templates: Template[];
  stationery: StockItem[] | undefined;
  /** Refresh server data after a status change. */
  onChanged: () => void;
  onCardCreated: (card: NoteT) => void;
}

export function NoteEditor(props: NoteEditorProps) {
  const { note, store, settings, now } = props;
  store.ensure(note);
  const draft = store.get(note.id)!;
  const toast = useToast();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<{ title: string; message: ReactNode; label: string; run: () => Promise<void> } | null>(null);
  const [templateOffer, setTemplateOffer] = useState<Template | null>(null);
  const [mailedOn, setMailedOn] = useState(() => instantToLocal(now, settings.timeZone).slice(0, 10));
  // The sizes of the cards and envelopes in the drawer rarely change: remember the last ones used.
  const [cardSize, setCardSizeState] = useState<'a2' | 'a7'>(() => (localStorage.getItem('courtesy.cardSize') === 'a7' ? 'a7' : 'a2'));
  const [envelopeSize, setEnvelopeSizeState] = useState<'no10' | 'a2' | 'a7'>(() => {
    const saved = localStorage.getItem('courtesy.envelopeSize');
    return saved === 'no10' || saved === 'a7' ? saved : 'a2';
  });
  const setCardSize = (v: 'a2' | 'a7') => (localStorage.setItem('courtesy.cardSize', v), setCardSizeState(v));
  const setEnvelopeSize = (v: 'no10' | 'a2' | 'a7') => (localStorage.setItem('courtesy.envelopeSize', v), setEnvelopeSizeState(v));
  const [lastUse, setLastUse] = useState<string | null>(null);
  const [savingTemplate, setSavingTemplate] = useState(false);

  const isEmail = note.delivery === 'email';
  const readOnly = note.readOnly;
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

  const currentTemplate = props.templates.find((t) => t.id === note.templateId) ?? null;
  const isPristine = (t: Template | null) => draft.body.trim() === '' || (!!t && renderTemplate(t.body, note.merge as MergeData).text === draft.body);
  const templateFor = (kind: NoteKind, delivery: Delivery) =>
    props.templates.find((t) => t.kind === kind && t.delivery === delivery && t.builtIn) ?? props.templates.find((t) => t.kind === kind && t.delivery === delivery) ?? null;

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

  function insertField(key: string) {
    const ta = textareaRef.current;
    const [obj, field] = key.split('.');
    const value = ((note.merge as Record<string, Record<string, string | null | undefined> | undefined>)[obj]?.[field] ?? '').trim();
    const text = value || `{{${key}}}`;
    const at = ta ? ta.selectionStart : draft.body.length;
    const end = ta ? ta.selectionEnd : at;
    store.edit(note.id, { body: draft.body.slice(0, at) + text + draft.body.slice(end) });
    requestAnimationFrame(() => {
      ta?.focus();
      ta?.setSelectionRange(at + text.length, at + text.length);
    });
  }

  /** Runs an action, reporting failures; `quiet` errors are handled by the caller. */
  async function run(fn: () => Promise<void>) {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      setBusy(false);
    }
  }

  /** Unfilled fields would go out as raw {{…}}: ask first, never block. */
  function guarded(label: string, fn: () => Promise<void>) {
    const fields = [...new Set(unfilled.map((p) => p.text))];
    if (fields.length === 0) return void run(fn);
    setConfirm({
      title: 'Unfilled merge fields',
      message: (
        <p>
          {fields.length === 1 ? 'This field is' : 'These fields are'} still in the note and would go out as written: <strong>{fields.join(', ')}</strong>. Fill{' '}
          {fields.length === 1 ? 'it' : 'them'} in first, or continue anyway?
        </p>
      ),
      label,
      run: fn,
    });
  }

  async function applyTemplate(t: Template) {
    await store.flush(note.id);
    const updated = await call('notes.update', { id: note.id, templateId: t.id });
    store.reset(updated);
    setTemplateOffer(null);
    props.onChanged();
  }

  function chooseTemplate(id: number) {
    const t = props.templates.find((x) => x.id === id);
    if (!t) return;
    if (isPristine(currentTemplate)) return void run(() => applyTemplate(t));
    setConfirm({
      title: 'Replace your text?',
      message: <p>Applying “{t.name}” replaces the subject and the text you have written in this note.</p>,
      label: 'Replace with template',
      run: () => applyTemplate(t),
    });
  }

  async function switchDelivery(to: Delivery) {
    if (to === note.delivery) return;
    const pristine = isPristine(currentTemplate);
    await store.flush(note.id);
    await call('notes.update', { id: note.id, delivery: to });
    const t = templateFor(note.kind, to);
    if (t && t.id !== note.templateId) {
      // Untouched template text follows the delivery; typed text is never replaced without asking.
      if (pristine) await applyTemplate(t);
      else setTemplateOffer(t);
    }
    props.onChanged();
  }

  async function changeKind(kind: NoteKind) {
    await store.flush(note.id);
    await call('notes.update', { id: note.id, kind });
    props.onChanged();
  }

  async function openInMail() {
    await store.flush(note.id);
    const d = await call('notes.emailDraft', { id: note.id });
    if (d.mailto) {
      window.open(d.mailto, '_blank', 'noopener');
      toast('Opened in your mail app. Come back and mark it as sent once it has gone.');
    } else {
      downloadFile(d.eml.filename, base64ToBytes(d.eml.base64), 'message/rfc822');
      toast(`Too long for a mail link (${d.mailtoLength} characters), so it was saved as an .eml draft instead: open it in your mail app.`);
    }
  }

  async function saveEml() {
    await store.flush(note.id);
    const d = await call('notes.emailDraft', { id: note.id });
    downloadFile(d.eml.filename, base64ToBytes(d.eml.base64), 'message/rfc822');
    toast('Saved an .eml draft: open it in your mail app to send.');
  }

  async function copyText() {
    const text = isEmail && draft.subject ? `${draft.subject}\n\n${draft.body}` : draft.body;
    try {
      await navigator.clipboard.writeText(text);
      toast(isEmail ? 'Copied the subject and text.' : 'Copied the text.');
    } catch {
      toast('The clipboard is not available here; select the text and copy it instead.', 'error');
    }
  }

  async function markSent() {
    await store.flush(note.id);
    if (store.get(note.id)?.state === 'error') throw new Error('The latest text is not saved yet; try again.');
    await call('notes.markSent', { id: note.id });
    toast('Marked as sent.');
    props.onChanged();
  }

  async function advance(status: 'written' | 'addressed' | 'stamped' | 'mailed', allowNegativeStock = false) {
    await store.flush(note.id);
    let mailedAt: number | undefined;
    if (status === 'mailed') {
      const today = instantToLocal(now, settings.timeZone).slice(0, 10);
      // Today means now; an earlier day means around midday that day.
      mailedAt = mailedOn && mailedOn !== today ? (localToInstant(`${mailedOn}T12:00`, settings.timeZone) ?? undefined) : undefined;
    }
    try {
      const res = await call('notes.advance', { id: note.id, status, mailedOn: mailedAt, allowNegativeStock });
      if (status === 'mailed') {
        const left = res.stationery.map((s) => `${s.onHandAfter} ${s.kind}${s.onHandAfter === 1 ? '' : 's'}`).join(', ');
        const msg = left ? `Mailed. Used one of each; left on hand: ${left}.` : 'Mailed.';
        setLastUse([msg, ...res.warnings].join(' '));
        toast(msg);
      } else toast(`Marked ${status}.`);
      props.onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && err.fields.stock) {
        setConfirm({
          title: 'Not enough stationery on hand',
          message: (
            <p>
              {err.fields.stock} Use one anyway? The count goes below zero until you record a purchase or a correction in{' '}
              <a href={href({ name: 'stationery' })}>Stationery</a>.
            </p>
          ),
          label: 'Use anyway',
          run: () => advance(status, true),
        });
        return;
      }
      throw err;
    }
  }

  async function print(kind: 'card' | 'envelope') {
    await store.flush(note.id);
    const res = kind === 'card' ? await call('print.cardText', { noteId: note.id, cardSize }) : await call('print.envelope', { noteId: note.id, size: envelopeSize });
    downloadFile(res.filename, base64ToBytes(res.base64), 'application/pdf');
    if (res.replacedCharacters.length > 0) {
      toast(`Saved ${res.filename}. The PDF font lacks ${res.replacedCharacters.join(' ')}: write ${res.replacedCharacters.length === 1 ? 'it' : 'them'} in by hand.`);
    } else toast(`Saved ${res.filename}.`);
  }

  async function followWithCard() {
    const card = await call('notes.followWithCard', { id: note.id });
    props.onCardCreated(card);
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
  const firstAt = (s: NoteStatus) => note.events.find((e) => e.status === s)?.at ?? null;
  const cardStep = CARD_STEPS.indexOf(note.status);
  const arrivalIfToday = addBusinessDays(now, settings.mailBusinessDays, settings.timeZone);
  const todayLocal = instantToLocal(now, settings.timeZone).slice(0, 10);
  const followers = note.followedBy.filter((f) => f.delivery === 'handwritten');

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
                {isEmail ? <span className="muted"> · {note.recipient?.email ?? 'no email address'}</span> : null}
                {!isEmail ? <span className="muted"> · {note.recipient?.hasPostalAddress ? 'postal address on file' : 'no postal address'}</span> : null}
              </div>
              <div className="muted small">
                {note.company ? `${note.role} at ${note.company}` : null}
                {note.dueAt && note.status === 'draft' ? <> · due {relative(note.dueAt, now)}</> : null}
              </div>
            </div>
            <span className={`save-state save-${draft.state}`} role="status" aria-live="polite" title={draft.error ?? undefined}>
              {readOnly ? 'Read-only' : SAVE_LABEL[draft.state]}
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
                {templateGroups.map(([group, list]) => (
                  <optgroup key={group} label={group}>
                    {list.map((t) => (
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
              {lowStock.map((s) => `${s.name} (${s.onHand} left)`).join(', ')}. <a href={href({ name: 'stationery' })}>Stationery</a>
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
              <button type="button" disabled={busy} onClick={() => void run(async () => (await store.flush(note.id), await call('notes.lock', { id: note.id }), props.onChanged()))}>
                Done editing
              </button>
            </div>
          ) : null}
          {draft.restored ? <div className="banner info">Brought back text you typed earlier that had not been saved yet.</div> : null}

          {isEmail ? (
            <label className="field">
              <span className="field-label">Subject</span>
              <input
                ref={subjectRef}
                aria-label="Subject"
                className={byId.merge.passages.some((p) => p.where === 'subject') ? 'has-field' : ''}
                value={draft.subject}
                readOnly={readOnly}
                onChange={(e) => store.edit(note.id, { subject: e.target.value })}
              />
            </label>
          ) : null}
          <div className="field">
            <div className="body-label-row">
              <span className="field-label">{isEmail ? 'Message' : 'Card text'}</span>
              <select aria-label="Insert a merge field" value="" disabled={readOnly} onChange={(e) => e.target.value && insertField(e.target.value)}>
                <option value="">Insert a merge field…</option>
                {MERGE_FIELDS.map((f) => {
                  const [obj, field] = f.key.split('.');
                  const v = (note.merge as Record<string, Record<string, string | null | undefined> | undefined>)[obj]?.[field];
                  return (
                    <option key={f.key} value={f.key} title={f.description}>
                      {f.label}
                      {v ? ` — ${v.length > 40 ? v.slice(0, 39) + '…' : v}` : ' (not known yet)'}
                    </option>
                  );
                })}
              </select>
            </div>
            <HighlightedTextarea
              value={draft.body}
              marks={marks}
              readOnly={readOnly}
              label={isEmail ? 'Message' : 'Card text'}
              onChange={(v) => store.edit(note.id, { body: v })}
              textareaRef={textareaRef}
              backdropRef={backdropRef}
            />
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

        {isEmail ? (
          <div className="panel composer-actions" aria-label="Email actions" role="group">
            <h2>Send</h2>
            {note.status === 'draft' || note.reopened ? (
              <div className="row">
                <button type="button" disabled={busy} onClick={() => guarded('Open anyway', openInMail)}>
                  Open in mail app
                </button>
                <button type="button" disabled={busy} onClick={() => guarded('Copy anyway', copyText)}>
                  Copy
                </button>
                <button type="button" disabled={busy} onClick={() => guarded('Save anyway', saveEml)}>
                  Save .eml draft
                </button>
                {note.status === 'draft' ? (
                  <button type="button" className="primary" disabled={busy} onClick={() => guarded('Mark as sent', markSent)}>
                    Mark as sent
                  </button>
                ) : null}
              </div>
            ) : (
              <div className="row">
                <span className="badge ok">Sent {formatDateTime(note.sentAt)}</span>
                <span className="muted">Kept as it went out.</span>
                <button type="button" disabled={busy} onClick={() => void run(async () => (await call('notes.reopen', { id: note.id }), props.onChanged()))}>
                  Reopen
                </button>
                <button type="button" disabled={busy} onClick={() => void run(copyText)}>
                  Copy
                </button>
              </div>
            )}
            {note.status === 'sent' && note.kind === 'thank_you' ? (
              followers.length > 0 ? (
                <p className="muted">
                  A handwritten card follows this email ({followers[0].status}).{' '}
                  <a href={href({ name: 'compose', target: 'note', id: followers[0].id })}>Open the card</a>
                </p>
              ) : (
                <div className="follow-offer">
                  <p>
                    A handwritten card can follow this email to {note.recipientName ?? 'them'}: written and mailed today, it arrives in a few days.
                  </p>
                  <button type="button" disabled={busy} onClick={() => void run(followWithCard)}>
                    Follow with a handwritten card
                  </button>
                </div>
              )
            ) : null}
          </div>
        ) : (
          <div className="panel composer-actions" aria-label="Card actions" role="group">
            <h2>Card</h2>
            <ol className="steps" aria-label="Card steps">
              {CARD_STEPS.map((s, i) => {
                const done = i <= cardStep;
                const at = s === 'mailed' ? note.mailedAt : firstAt(s);
                return (
                  <li key={s} className={`step ${done ? 'done' : ''}`} data-step={s}>
                    <span className="step-dot" aria-hidden="true">
                      {done ? '✓' : i + 1}
                    </span>
                    <div className="step-body">
                      <div className="step-title">{STEP_LABEL[s]}</div>
                      <div className="step-when muted">{done ? (at ? formatDateTime(at) : 'done') : 'not yet'}</div>
                    </div>
                    {!done && s !== 'draft' && s !== 'mailed' ? (
                      <button type="button" disabled={busy || readOnly} onClick={() => void run(() => advance(s as 'written' | 'addressed' | 'stamped'))}>
                        Mark {s}
                      </button>
                    ) : null}
                    {!done && s === 'mailed' ? (
                      <div className="row">
                        <input type="date" aria-label="Mailed on" value={mailedOn} max={todayLocal} onChange={(e) => setMailedOn(e.target.value)} />
                        <button type="button" className="primary" disabled={busy || readOnly} onClick={() => guarded('Mark mailed', () => advance('mailed'))}>
                          Mark mailed
                        </button>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <p className="arrival" aria-label="Estimated arrival">
              {note.status === 'mailed' && note.expectedArrivalAt ? (
                <>
                  Should arrive around <strong>{formatDate(note.expectedArrivalAt)}</strong> ({settings.mailBusinessDays} business days).
                </>
              ) : (
                <>
                  Mailed today, it would arrive around <strong>{formatDate(arrivalIfToday)}</strong> ({settings.mailBusinessDays} business days). Mail it the same day you write it.
                </>
              )}
            </p>
            {lastUse ? <p className="muted">{lastUse}</p> : null}
            <div className="row print-row">
              <select aria-label="Card size" value={cardSize} onChange={(e) => setCardSize(e.target.value as 'a2' | 'a7')}>
                <option value="a2">A2 card</option>
                <option value="a7">A7 card</option>
              </select>
              <button type="button" disabled={busy} onClick={() => guarded('Print anyway', () => print('card'))}>
                Print card text
              </button>
              <select aria-label="Envelope size" value={envelopeSize} onChange={(e) => setEnvelopeSize(e.target.value as 'no10' | 'a2' | 'a7')}>
                <option value="no10">#10 envelope</option>
                <option value="a2">A2 envelope</option>
                <option value="a7">A7 envelope</option>
              </select>
              <button type="button" disabled={busy} onClick={() => void run(() => print('envelope'))}>
                Print envelope
              </button>
              {note.status === 'mailed' && !note.reopened ? (
                <button type="button" disabled={busy} onClick={() => void run(async () => (await call('notes.reopen', { id: note.id }), props.onChanged()))}>
                  Reopen text
                </button>
              ) : null}
            </div>
            {note.followsNoteId ? (
              <p className="muted">
                Follows <a href={href({ name: 'compose', target: 'note', id: note.followsNoteId })}>the email to {note.recipientName}</a>.
              </p>
            ) : null}
          </div>
        )}

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
