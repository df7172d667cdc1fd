// The note composer: #/compose/interview/{id} (a tab per person met), #/compose/note/{id} (one note),
// #/compose/application/{id} and #/compose/contact/{id} (start a new note).
import { useState, type KeyboardEvent } from 'react';
import { checkNote } from '../../../electron/shared/checks';
import type { NoteT } from '../../../electron/api/contract/notes';
import { formatInZone } from '../../../electron/shared/time';
import { NewNote } from './NewNote';
import { useDraftStore, type DraftStore } from './ComposerDrafts';
import { NoteEditor } from './NoteEditor';
import { useApi, useNow } from '../lib/hooks';
import { href, navigate, type ComposeTarget } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';

export function ComposerScreen({ target, id }: { target: ComposeTarget; id: number }) {
  if (target === 'interview') return <InterviewComposer interviewId={id} />;
  if (target === 'note') return <SingleNoteComposer noteId={id} />;
  return <NewNote target={target} id={id} />;
}

/** Settings, templates, stationery and the clock every editor needs. */
function useEditorData() {
  const settings = useApi('settings.get', {});
  const templates = useApi('templates.list', {});
  const stationery = useApi('stationery.list', {});
  const now = useNow();
  return { settings: settings.data, templates: templates.data?.items ?? [], stationery: stationery.data?.items, now };
}

/** The other notes to compare with: the server's list, with the text as currently typed in this screen. */
function liveOthers(note: NoteT, store: DraftStore, extra: NoteT[] = []) {
  const out = note.others.map((o) => ({ ...o, body: store.get(o.id)?.body ?? o.body }));
  // Tabs whose text was empty when loaded are missing from the server's list; same rules as the server.
  for (const n of extra) {
    if (n.id === note.id || out.some((o) => o.id === n.id)) continue;
    if (n.contactId !== null && n.contactId === note.contactId) continue;
    if (n.followsNoteId === note.id || note.followsNoteId === n.id) continue;
    const body = store.get(n.id)?.body ?? n.body;
    if (body.trim()) out.push({ id: n.id, label: n.recipientName ?? 'someone else', body });
  }
  return out;
}

/** The names of the checks that fail for a tab's text as typed (a tab shows them without being opened). */
function failingChecks(note: NoteT, body: string, subject: string | undefined, others: { id: number; label: string; body: string }[], now: number, cardWordLimit: number) {
  const r = checkNote({
    body,
    subject: note.delivery === 'email' ? (subject ?? note.subject ?? '') : undefined,
    delivery: note.delivery,
    recipient: note.recipient,
    context: note.context,
    dueAt: note.dueAt,
    now,
    status: note.status,
    others,
    cardWordLimit,
  });
  return r.checks.filter((c) => c.verdict === 'fail').map((c) => c.title.toLowerCase());
}

function Failure({ message }: { message: string }) {
  return (
    <div className="page">
      <ErrorBanner>
        {message}
      </ErrorBanner>
      <a href={href({ name: 'today' })}>Back to Today</a>
    </div>
  );
}

// The composer always starts from the server's latest copy: a cached one may predate the last save
// (made as the previous screen closed), so it waits for a fetch made after it mounted.
const FRESH = { refetchOnWindowFocus: false, refetchOnMount: 'always', staleTime: 0 } as const;

/** The tab last open for an interview, so coming back to the composer reopens it. */
const tabKey = (interviewId: number) => `courtesy.composer.tab.${interviewId}`;
function rememberedTab(interviewId: number): number | null {
  const v = Number(sessionStorage.getItem(tabKey(interviewId)));
  return Number.isInteger(v) && v > 0 ? v : null;
}

function InterviewComposer({ interviewId }: { interviewId: number }) {
  const q = useApi('notes.forInterview', { interviewId }, FRESH);
  const data = useEditorData();
  const store = useDraftStore();
  const [active, setActive] = useState<number | null>(() => rememberedTab(interviewId));

  if (q.error) return <Failure message={q.error.message} />;
  if (!q.data || !q.isFetchedAfterMount || !data.settings) return <div className="page muted">Loading…</div>;
  const settings = data.settings;
  const { interview, entries } = q.data;
  const tabs = entries.flatMap((e) => e.notes.map((n) => ({ note: n, label: n.followsNoteId ? `${e.name} · card` : e.name })));
  const current = tabs.find((t) => t.note.id === active) ?? tabs[0];
  const allNotes = tabs.map((t) => t.note);
  for (const n of allNotes) store.sync(n);

  const select = (id: number) => {
    if (current) void store.flush(current.note.id);
    sessionStorage.setItem(tabKey(interviewId), String(id));
    setActive(id);
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = tabs[(next + tabs.length) % tabs.length];
    select(t.note.id);
    document.getElementById(`note-tab-${t.note.id}`)?.focus();
  };

  return (
    <div className="page composer">
      <div className="page-header">
        <a href={href({ name: 'interview', id: interview.id })} className="button ghost">
          ← Interview
        </a>
        <h1>
          Thank-yous <span className="muted">· {interview.company}, {interview.role}</span>
        </h1>
        <span className="muted">
          {interview.round ? `${interview.round} · ` : ''}
          {formatInZone(interview.startAt, interview.timeZone)}
        </span>
      </div>
      {tabs.length === 0 ? (
        <div className="empty-state">
          <h2>No one to thank yet</h2>
          <p>Add the people you met on the interview page; each gets their own note.</p>
        </div>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Notes">
            {tabs.map((t, i) => {
              const d = store.get(t.note.id);
              const selected = t.note.id === current.note.id;
              const failing = failingChecks(t.note, d?.body ?? t.note.body, d?.subject, liveOthers(t.note, store, allNotes), data.now, settings.cardWordLimit);
              return (
                <button
                  key={t.note.id}
                  id={`note-tab-${t.note.id}`}
                  type="button"
                  role="tab"
                  aria-selected={selected}
                  aria-controls="note-panel"
                  tabIndex={selected ? 0 : -1}
                  className="tab"
                  onClick={() => select(t.note.id)}
                  onKeyDown={(e) => onKey(e, i)}
                >
                  <span>{t.label}</span>
                  <span className={`badge ${t.note.status === 'draft' ? '' : t.note.status === 'sent' || t.note.status === 'mailed' ? 'ok' : 'due'}`}>
                    {t.note.delivery === 'email' ? 'email' : 'card'} · {t.note.status}
                  </span>
                  {failing.length > 0 && !t.note.readOnly ? (
                    <span className="tab-check" title={`Needs attention: ${failing.join(', ')}`} aria-label={`Needs attention: ${failing.join(', ')}`}>
                      !
                    </span>
                  ) : null}
                  {d?.state === 'conflict' ? (
                    <span className="unsaved-dot" title="Changed elsewhere: choose what to keep">
                      ⇄
                    </span>
                  ) : d && d.state !== 'saved' ? (
                    <span className="unsaved-dot" title="Unsaved changes">
                      •
                    </span>
                  ) : null}
                </button>
              );
            })}
          </div>
          <div id="note-panel" role="tabpanel" aria-labelledby={`note-tab-${current.note.id}`}>
            <NoteEditor
              key={current.note.id}
              note={current.note}
              store={store}
              others={liveOthers(current.note, store, allNotes)}
              settings={data.settings}
              now={data.now}
              templates={data.templates}
              stationery={data.stationery}
              onCardCreated={(card) => {
                sessionStorage.setItem(tabKey(interviewId), String(card.id));
                setActive(card.id);
              }}
            />
          </div>
        </>
      )}
    </div>
  );
}

function SingleNoteComposer({ noteId }: { noteId: number }) {
  const q = useApi('notes.get', { id: noteId, compose: true }, FRESH);
  const data = useEditorData();
  const store = useDraftStore();
  if (q.error) return <Failure message={q.error.message} />;
  if (!q.data || !q.isFetchedAfterMount || !data.settings) return <div className="page muted">Loading…</div>;
  const note = q.data;
  store.sync(note);
  return (
    <div className="page composer">
      <div className="page-header">
        {note.applicationId ? (
          <a href={href({ name: 'application', id: note.applicationId })} className="button ghost">
            ← {note.company ?? 'Application'}
          </a>
        ) : note.contactId ? (
          <a href={href({ name: 'contact', id: note.contactId })} className="button ghost">
            ← {note.recipientName}
          </a>
        ) : null}
        <h1>
          {note.delivery === 'email' ? 'Email' : 'Card'} to {note.recipientName ?? 'someone'}
          {note.company ? <span className="muted"> · {note.company}</span> : null}
        </h1>
        {note.interviewId ? <a href={href({ name: 'compose', target: 'interview', id: note.interviewId })}>All thank-yous for this interview</a> : null}
      </div>
      <NoteEditor
        note={note}
        store={store}
        others={liveOthers(note, store)}
        settings={data.settings}
        now={data.now}
        templates={data.templates}
        stationery={data.stationery}
        onCardCreated={(card) => navigate({ name: 'compose', target: 'note', id: card.id })}
      />
    </div>
  );
}
