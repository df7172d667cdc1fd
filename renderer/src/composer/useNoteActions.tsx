// Everything the composer does to a note on the server: apply a template, change kind or delivery, send
// or hand off the email, move a card through its steps, print, reopen, lock. Each action saves the typed
// text first, reports failures as a toast, and asks before anything unfilled would go out as written.
import { useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import type { NoteT } from '../../../electron/api/contract/notes';
import type { Passage } from '../../../electron/shared/checks';
import type { CardSize, Delivery, EnvelopeSize, NoteKind } from '../../../electron/shared/domain';
import { renderTemplate, type MergeData } from '../../../electron/shared/merge';
import { instantToLocal, localToInstant } from '../../../electron/shared/time';
import { ApiError } from '../lib/api';
import { base64ToBytes, downloadFile } from '../lib/download';
import { list, plural, word } from '../lib/format';
import { useCall } from '../lib/hooks';
import { href } from '../lib/router';
import { useToast } from '../ui/Toast';
import type { DraftStore } from './ComposerDrafts';

type Settings = MethodOutput<'settings.get'>;
export type Template = MethodOutput<'templates.list'>['items'][number];
export type { CardSize, EnvelopeSize } from '../../../electron/shared/domain';
export type Confirm = { title: string; message: ReactNode; label: string; run: () => Promise<void> };

interface Options {
  note: NoteT;
  store: DraftStore;
  settings: Settings;
  now: number;
  templates: Template[];
  /** Unfilled merge fields in the current text. */
  unfilled: Passage[];
  onCardCreated: (card: NoteT) => void;
}

export function useNoteActions({ note, store, settings, now, templates, unfilled, onCardCreated }: Options) {
  const toast = useToast();
  const update = useCall('notes.update');
  // Drafts and PDFs change nothing on the server; they go through the query client like every call.
  const emailDraft = useCall('notes.emailDraft');
  const cardText = useCall('print.cardText');
  const envelope = useCall('print.envelope');
  const markSentCall = useCall('notes.markSent');
  const advanceCall = useCall('notes.advance');
  const followCall = useCall('notes.followWithCard');
  const reopenCall = useCall('notes.reopen');
  const lockCall = useCall('notes.lock');
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [templateOffer, setTemplateOffer] = useState<Template | null>(null);
  const [mailedOn, setMailedOn] = useState(() => instantToLocal(now, settings.timeZone).slice(0, 10));
  const [lastUse, setLastUse] = useState<string | null>(null);
  // The sizes of the cards and envelopes in the drawer rarely change: a change here is saved as a setting
  // (with the rest, in the data file, in backups and exports), so every window and the next visit start from it.
  const saveSettings = useCall('settings.update');
  const cardSize = settings.cardSize;
  const envelopeSize = settings.envelopeSize;
  const setCardSize = (v: CardSize) => void saveSettings.mutateAsync({ cardSize: v }).catch((err: Error) => toast(err.message, 'error'));
  const setEnvelopeSize = (v: EnvelopeSize) => void saveSettings.mutateAsync({ envelopeSize: v }).catch((err: Error) => toast(err.message, 'error'));

  const draft = store.get(note.id)!;
  const isEmail = note.delivery === 'email';
  const currentTemplate = templates.find((t) => t.id === note.templateId) ?? null;
  const isPristine = (t: Template | null) => draft.body.trim() === '' || (!!t && renderTemplate(t.body, note.merge as MergeData).text === draft.body);
  const templateFor = (kind: NoteKind, delivery: Delivery) =>
    templates.find((t) => t.kind === kind && t.delivery === delivery && t.builtIn) ?? templates.find((t) => t.kind === kind && t.delivery === delivery) ?? null;

  /** Runs an action, reporting failures as a toast. */
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
    const one = fields.length === 1;
    setConfirm({
      title: 'Unfilled merge fields',
      message: (
        <p>
          {one ? 'This field is' : 'These fields are'} still in the note and would go out as written: <strong>{list(fields)}</strong>. Fill {one ? 'it' : 'them'} in
          first, or continue anyway?
        </p>
      ),
      label,
      run: fn,
    });
  }

  async function applyTemplate(t: Template) {
    await store.flush(note.id);
    const updated = await update.mutateAsync({ id: note.id, revision: store.get(note.id)!.revision, templateId: t.id });
    store.reset(updated);
    setTemplateOffer(null);
  }

  function chooseTemplate(id: number) {
    const t = templates.find((x) => x.id === id);
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
    // The returned note carries the new revision: the store takes it before anything else is sent.
    store.sync(await update.mutateAsync({ id: note.id, revision: store.get(note.id)!.revision, delivery: to }));
    const t = templateFor(note.kind, to);
    if (t && t.id !== note.templateId) {
      // Untouched template text follows the delivery; typed text is never replaced without asking.
      if (pristine) await applyTemplate(t);
      else setTemplateOffer(t);
    }
  }

  /** Which of the recipient's emails / postal addresses this note goes to (null = their primary). */
  async function chooseRecipient(choice: { recipientEmailId?: number | null; addressId?: number | null }) {
    await store.flush(note.id);
    store.sync(await update.mutateAsync({ id: note.id, revision: store.get(note.id)!.revision, ...choice }));
  }

  async function changeKind(kind: NoteKind) {
    await store.flush(note.id);
    store.sync(await update.mutateAsync({ id: note.id, revision: store.get(note.id)!.revision, kind }));
  }

  async function openInMail() {
    await store.flush(note.id);
    const d = await emailDraft.mutateAsync({ id: note.id });
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
    const d = await emailDraft.mutateAsync({ id: note.id });
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
    await markSentCall.mutateAsync({ id: note.id });
    toast('Marked as sent.');
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
      const res = await advanceCall.mutateAsync({ id: note.id, status, mailedOn: mailedAt, allowNegativeStock });
      if (status === 'mailed') {
        const left = list(res.stationery.map((s) => plural(s.onHandAfter, s.kind)), 'unit');
        const several = res.stationery.filter((s) => s.count > 1 || res.stationery.filter((o) => o.kind === s.kind).length > 1).length > 0;
        const stamps = res.stationery.filter((s) => s.kind === 'stamp').reduce((n, s) => n + s.count, 0);
        const usedWhat = several ? `Used ${plural(stamps, 'stamp')} for the postage` : 'Used one of each';
        const msg = left ? `Mailed. ${usedWhat}; left on hand: ${left}.` : 'Mailed.';
        setLastUse([msg, ...res.warnings].join(' '));
        toast(msg, 'info', { undo: res.undo });
      } else toast(`Marked ${status}.`, 'info', { undo: res.undo });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict' && err.fields.stamps) {
        setConfirm({
          title: 'Not enough postage',
          message: (
            <p>
              {err.fields.stamps} Mark it mailed anyway? An international stamp is counted below zero until you record a purchase in{' '}
              <a href={href({ name: 'stationery' })}>Stationery</a>.
            </p>
          ),
          label: 'Mail anyway',
          run: () => advance(status, true),
        });
        return;
      }
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
    const res = kind === 'card' ? await cardText.mutateAsync({ noteId: note.id, cardSize }) : await envelope.mutateAsync({ noteId: note.id, size: envelopeSize });
    downloadFile(res.filename, base64ToBytes(res.base64), 'application/pdf');
    const missing = res.replacedCharacters;
    if (missing.length > 0) {
      toast(`Saved ${res.filename}. The printing fonts cannot draw ${missing.join(' ')} (scripts such as Thai or Devanagari have no font yet): write ${word(missing.length, 'it', 'them')} in by hand.`);
    } else toast(`Saved ${res.filename}.`);
  }

  async function followWithCard() {
    const card = await followCall.mutateAsync({ id: note.id });
    onCardCreated(card);
  }

  const reopen = () => run(async () => void (await reopenCall.mutateAsync({ id: note.id })));
  const lock = () => run(async () => (await store.flush(note.id), void (await lockCall.mutateAsync({ id: note.id }))));

  return {
    busy,
    run,
    guarded,
    /** Saves the text being typed, so the server (the outbox) has it. */
    flush: () => store.flush(note.id),
    confirm,
    setConfirm,
    templateOffer,
    setTemplateOffer,
    currentTemplate,
    applyTemplate,
    chooseTemplate,
    switchDelivery,
    changeKind,
    chooseRecipient,
    openInMail,
    saveEml,
    copyText,
    markSent,
    advance,
    print,
    followWithCard,
    reopen,
    lock,
    mailedOn,
    setMailedOn,
    lastUse,
    cardSize,
    setCardSize,
    envelopeSize,
    setEnvelopeSize,
  };
}

export type NoteActions = ReturnType<typeof useNoteActions>;
