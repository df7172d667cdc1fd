// What the user types in the composer lives here, outside React state, so switching tabs or screens never
// loses it: every change is saved after a short pause (and at once on leaving), and mirrored to
// localStorage so even a closed window gives it back on the next visit.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { NoteT } from '../../../electron/api/contract/notes';
import type { MethodInput } from '../../../electron/api/contract';
import { useCall } from '../lib/hooks';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';
export type Draft = {
  subject: string;
  body: string;
  /** What the server holds, as far as we know. */
  savedSubject: string;
  savedBody: string;
  state: SaveState;
  error: string | null;
  /** True when the text came back from a local backup the server never got. */
  restored: boolean;
};

type Backup = { subject: string; body: string; baseSubject: string; baseBody: string };

const SAVE_DELAY = 700;
const backupKey = (id: number) => `courtesy.draft.${id}`;

function readBackup(id: number): Backup | null {
  try {
    const raw = localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}
function writeBackup(id: number, b: Backup | null) {
  try {
    if (b) localStorage.setItem(backupKey(id), JSON.stringify(b));
    else localStorage.removeItem(backupKey(id));
  } catch {
    // Storage full or disabled: the autosave still runs.
  }
}

export class DraftStore {
  private drafts = new Map<number, Draft>();
  private timers = new Map<number, ReturnType<typeof setTimeout>>();
  private inFlight = new Map<number, Promise<void>>();
  private listeners = new Set<() => void>();
  private version = 0;

  /** `save` sends the text to the server (a notes.update mutation, so what shows the note refreshes). */
  constructor(private readonly save: (input: MethodInput<'notes.update'>) => Promise<unknown>) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getVersion = () => this.version;
  private emit() {
    this.version++;
    for (const l of this.listeners) l();
  }

  get(id: number): Draft | undefined {
    return this.drafts.get(id);
  }

  /** First sight of a note: take the server text, unless a local backup of unsaved typing is newer. */
  ensure(note: NoteT) {
    if (this.drafts.has(note.id)) return;
    const subject = note.subject ?? '';
    const d: Draft = { subject, body: note.body, savedSubject: subject, savedBody: note.body, state: 'saved', error: null, restored: false };
    const b = readBackup(note.id);
    if (b && !note.readOnly && b.baseBody === note.body && b.baseSubject === subject && (b.body !== note.body || b.subject !== subject)) {
      Object.assign(d, { subject: b.subject, body: b.body, state: 'dirty', restored: true });
      this.drafts.set(note.id, d);
      this.schedule(note.id);
    } else {
      if (b) writeBackup(note.id, null);
      this.drafts.set(note.id, d);
    }
    // Called while rendering: no emit, the caller reads the draft right away.
  }

  /** The server changed the text (a template applied): it wins over what was typed. */
  reset(note: NoteT) {
    const t = this.timers.get(note.id);
    if (t) clearTimeout(t);
    this.timers.delete(note.id);
    const subject = note.subject ?? '';
    this.drafts.set(note.id, { subject, body: note.body, savedSubject: subject, savedBody: note.body, state: 'saved', error: null, restored: false });
    writeBackup(note.id, null);
    this.emit();
  }

  edit(id: number, patch: { subject?: string; body?: string }) {
    const d = this.drafts.get(id);
    if (!d) return;
    const next: Draft = { ...d, ...patch, state: 'dirty', error: null };
    this.drafts.set(id, next);
    writeBackup(id, { subject: next.subject, body: next.body, baseSubject: next.savedSubject, baseBody: next.savedBody });
    this.schedule(id);
    this.emit();
  }

  private schedule(id: number) {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.set(
      id,
      setTimeout(() => void this.flush(id), SAVE_DELAY),
    );
  }

  /** Saves now if anything is unsaved; resolves when the server has it (or the save failed). */
  async flush(id: number): Promise<void> {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.delete(id);
    const running = this.inFlight.get(id);
    if (running) await running;
    const d = this.drafts.get(id);
    if (!d || (d.body === d.savedBody && d.subject === d.savedSubject)) {
      if (d && d.state !== 'saved' && d.state !== 'error') this.set(id, { state: 'saved' });
      return;
    }
    const sent = { subject: d.subject, body: d.body };
    this.set(id, { state: 'saving' });
    const p = (async () => {
      try {
        await this.save({ id, body: sent.body, ...(sent.subject !== d.savedSubject ? { subject: sent.subject } : {}) });
        const cur = this.drafts.get(id)!;
        const clean = cur.body === sent.body && cur.subject === sent.subject;
        this.set(id, { savedBody: sent.body, savedSubject: sent.subject, state: clean ? 'saved' : 'dirty', restored: false });
        if (clean) writeBackup(id, null);
        else this.schedule(id);
      } catch (err) {
        this.set(id, { state: 'error', error: err instanceof Error ? err.message : String(err) });
      }
    })();
    this.inFlight.set(id, p);
    await p;
    this.inFlight.delete(id);
  }

  flushAll(): Promise<void> {
    return Promise.all([...this.drafts.keys()].map((id) => this.flush(id))).then(() => undefined);
  }

  private set(id: number, patch: Partial<Draft>) {
    const d = this.drafts.get(id);
    if (!d) return;
    this.drafts.set(id, { ...d, ...patch });
    this.emit();
  }
}

/** One store per composer screen; everything unsaved is saved when the screen goes away or the page hides. */
export function useDraftStore(): DraftStore {
  // mutateAsync belongs to the mutation observer, which lives as long as this component.
  const update = useCall('notes.update');
  const [store] = useState(() => new DraftStore(update.mutateAsync));
  useSyncExternalStore(store.subscribe, store.getVersion);
  useEffect(() => {
    const save = () => void store.flushAll();
    window.addEventListener('pagehide', save);
    window.addEventListener('beforeunload', save);
    return () => {
      window.removeEventListener('pagehide', save);
      window.removeEventListener('beforeunload', save);
      save();
    };
  }, [store]);
  return store;
}
