// What the user types in the composer lives here, outside React state, so switching tabs or screens never
// loses it: every change is saved after a short pause (and at once on leaving), and mirrored to
// localStorage so even a closed window gives it back on the next visit.
//
// Every note carries a revision (bumped by the server on any change). A save names the revision it was
// based on; the server refuses a stale one and answers with what it holds now. Then, and whenever a newer
// copy arrives while text is unsaved, the draft goes into `conflict` and the composer shows both versions
// side by side: nothing typed and nothing saved elsewhere is dropped without the person choosing.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { NoteT } from '../../../electron/api/contract/notes';
import type { MethodInput } from '../../../electron/api/contract';
import { ApiError } from '../lib/api';
import { useCall } from '../lib/hooks';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';
/** The note as the server holds it, when that differs from unsaved text here. */
export type ServerCopy = { revision: number; subject: string; body: string; status: string };
export type Draft = {
  subject: string;
  body: string;
  /** What the server holds, as far as we know, and its revision. */
  savedSubject: string;
  savedBody: string;
  revision: number;
  state: SaveState;
  error: string | null;
  /** With a refused save: the server's message per field (subject, body), shown beside each. */
  fields?: Record<string, string>;
  /** True when the text came back from a local backup the server never got. */
  restored: boolean;
  /** Set in the `conflict` state: the newer copy saved elsewhere. */
  conflict: ServerCopy | null;
};

type Backup = { subject: string; body: string; baseSubject: string; baseBody: string; baseRevision?: number };

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

const copyOf = (n: NoteT): ServerCopy => ({ revision: n.revision, subject: n.subject ?? '', body: n.body, status: n.status });
const serverCopy = (v: unknown): ServerCopy | null => {
  const c = v as Partial<ServerCopy> | null;
  return c && typeof c.revision === 'number' && typeof c.body === 'string' ? { revision: c.revision, subject: c.subject ?? '', body: c.body, status: c.status ?? 'draft' } : null;
};
const paragraphs = (t: string) => t.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/**
 * Both versions in one text: everything of mine, then each paragraph that the other side wrote or
 * changed (in theirs, but neither in mine nor in the text both started from). A paragraph only I
 * changed stays as I wrote it; one we both changed appears in both wordings, for the person to settle.
 */
export function combine(mine: string, theirs: string, base = ''): string {
  const norm = (p: string) => p.replace(/\s+/g, ' ');
  const have = new Set([...paragraphs(mine), ...paragraphs(base)].map(norm));
  const missing = paragraphs(theirs).filter((p) => !have.has(norm(p)));
  return missing.length === 0 ? mine : [mine.trimEnd(), ...missing].filter(Boolean).join('\n\n');
}

export class DraftStore {
  private drafts = new Map<number, Draft>();
  private timers = new Map<number, ReturnType<typeof setTimeout>>();
  private inFlight = new Map<number, Promise<void>>();
  private listeners = new Set<() => void>();
  private version = 0;

  /** `save` sends the text to the server (a notes.update mutation, so what shows the note refreshes). */
  constructor(private readonly save: (input: MethodInput<'notes.update'>) => Promise<NoteT>) {}

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

  /**
   * A copy of the note from the server (first sight, or a refetch). The first time, take it, unless a
   * local backup holds typing the server never got. Later, a newer revision replaces clean text and
   * turns unsaved text into a conflict; an older or equal one is ignored (it is a stale cache entry).
   * Called while rendering: no emit, the caller reads the draft right away.
   */
  sync(note: NoteT) {
    const d = this.drafts.get(note.id);
    if (!d) return this.first(note);
    if (note.revision <= d.revision || d.state === 'saving' || d.state === 'conflict') return;
    const server = copyOf(note);
    const clean = d.body === d.savedBody && d.subject === d.savedSubject;
    if (server.body === d.savedBody && server.subject === d.savedSubject) {
      // Only something else changed (a status, the delivery): typing here still applies on top.
      this.drafts.set(note.id, { ...d, revision: server.revision });
    } else if (clean || (server.body === d.body && server.subject === d.subject)) {
      this.drafts.set(note.id, { ...d, subject: server.subject, body: server.body, savedSubject: server.subject, savedBody: server.body, revision: server.revision, state: 'saved', error: null });
      if (clean) writeBackup(note.id, null);
    } else {
      this.clearTimer(note.id);
      this.drafts.set(note.id, { ...d, state: 'conflict', conflict: server, error: null });
    }
  }

  private first(note: NoteT) {
    const server = copyOf(note);
    const d: Draft = { subject: server.subject, body: server.body, savedSubject: server.subject, savedBody: server.body, revision: server.revision, state: 'saved', error: null, restored: false, conflict: null };
    const b = readBackup(note.id);
    const differs = b && (b.body !== server.body || b.subject !== server.subject);
    if (b && differs && !note.readOnly) {
      if (b.baseRevision === server.revision || (b.baseRevision === undefined && b.baseBody === server.body && b.baseSubject === server.subject)) {
        // Typed on top of exactly what the server still holds: bring it back and save it.
        Object.assign(d, { subject: b.subject, body: b.body, state: 'dirty', restored: true });
        this.drafts.set(note.id, d);
        this.schedule(note.id);
        return;
      }
      // Typed on top of an older copy, and the server has moved on since: show both.
      Object.assign(d, { subject: b.subject, body: b.body, state: 'conflict', restored: true, conflict: server });
      this.drafts.set(note.id, d);
      return;
    }
    if (b) writeBackup(note.id, null);
    this.drafts.set(note.id, d);
  }

  /** The server changed the text (a template applied): it wins over what was typed. */
  reset(note: NoteT) {
    this.clearTimer(note.id);
    const s = copyOf(note);
    this.drafts.set(note.id, { subject: s.subject, body: s.body, savedSubject: s.subject, savedBody: s.body, revision: s.revision, state: 'saved', error: null, restored: false, conflict: null });
    writeBackup(note.id, null);
    this.emit();
  }

  edit(id: number, patch: { subject?: string; body?: string }) {
    const d = this.drafts.get(id);
    if (!d || d.state === 'conflict') return;
    const next: Draft = { ...d, ...patch, state: 'dirty', error: null, fields: undefined };
    this.drafts.set(id, next);
    writeBackup(id, { subject: next.subject, body: next.body, baseSubject: next.savedSubject, baseBody: next.savedBody, baseRevision: next.revision });
    this.schedule(id);
    this.emit();
  }

  /** Resolves a conflict: keep the text typed here, the copy saved elsewhere, or both combined. */
  resolve(id: number, choice: 'mine' | 'theirs' | 'both') {
    const d = this.drafts.get(id);
    if (!d?.conflict) return;
    const s = d.conflict;
    if (choice === 'theirs') {
      this.drafts.set(id, { ...d, subject: s.subject, body: s.body, savedSubject: s.subject, savedBody: s.body, revision: s.revision, state: 'saved', conflict: null, restored: false, error: null });
      writeBackup(id, null);
      this.emit();
      return;
    }
    const body = choice === 'mine' ? d.body : combine(d.body, s.body, d.savedBody);
    const subject = d.subject.trim() ? d.subject : s.subject;
    // The edit is now based on the copy just seen, so the save goes through (unless it moves again).
    this.drafts.set(id, { ...d, subject, body, savedSubject: s.subject, savedBody: s.body, revision: s.revision, state: 'dirty', conflict: null, restored: false, error: null });
    writeBackup(id, { subject, body, baseSubject: s.subject, baseBody: s.body, baseRevision: s.revision });
    this.emit();
    void this.flush(id);
  }

  private clearTimer(id: number) {
    const t = this.timers.get(id);
    if (t) clearTimeout(t);
    this.timers.delete(id);
  }

  private schedule(id: number) {
    this.clearTimer(id);
    this.timers.set(
      id,
      setTimeout(() => void this.flush(id), SAVE_DELAY),
    );
  }

  /** Saves now if anything is unsaved; resolves when the server has it (or the save failed or conflicted). */
  async flush(id: number): Promise<void> {
    this.clearTimer(id);
    const running = this.inFlight.get(id);
    if (running) await running;
    const d = this.drafts.get(id);
    if (!d || d.state === 'conflict') return;
    if (d.body === d.savedBody && d.subject === d.savedSubject) {
      if (d.state !== 'saved' && d.state !== 'error') this.set(id, { state: 'saved' });
      return;
    }
    const sent = { subject: d.subject, body: d.body };
    this.set(id, { state: 'saving' });
    const p = (async () => {
      try {
        const saved = await this.save({ id, revision: d.revision, body: sent.body, ...(sent.subject !== d.savedSubject ? { subject: sent.subject } : {}) });
        const cur = this.drafts.get(id)!;
        const clean = cur.body === sent.body && cur.subject === sent.subject;
        this.set(id, { savedBody: sent.body, savedSubject: sent.subject, revision: saved.revision, state: clean ? 'saved' : 'dirty', restored: false });
        if (clean) writeBackup(id, null);
        else this.schedule(id);
      } catch (err) {
        const current = err instanceof ApiError && err.code === 'conflict' ? serverCopy(err.current) : null;
        if (current && current.body === sent.body && current.subject === sent.subject) {
          // Someone saved exactly this text already (this same typing, from a screen that just closed).
          const cur = this.drafts.get(id)!;
          const clean = cur.body === sent.body && cur.subject === sent.subject;
          this.set(id, { savedBody: sent.body, savedSubject: sent.subject, revision: current.revision, state: clean ? 'saved' : 'dirty' });
          if (clean) writeBackup(id, null);
          else this.schedule(id);
        } else if (current && current.body === d.savedBody && current.subject === d.savedSubject) {
          // The text saved there is the one this edit started from (only a status or the delivery moved):
          // the edit still applies, based on the newer revision.
          this.set(id, { revision: current.revision, state: 'dirty' });
          this.schedule(id);
        } else if (current) {
          this.set(id, { state: 'conflict', conflict: current, error: null });
        } else {
          this.set(id, { state: 'error', error: err instanceof Error ? err.message : String(err), fields: err instanceof ApiError ? err.fields : undefined });
        }
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
