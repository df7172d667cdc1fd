// Templates (#/templates, #/templates/{id}): the built-in templates and your own, grouped by kind and
// delivery, beside the editor for the one chosen (TemplateEditor).
import { useCallback, useEffect, useRef, useState } from 'react';
import { DELIVERIES, NOTE_KINDS, NOTE_KIND_LABELS, type NoteKind } from '../../../electron/shared/domain';
import { useApi } from '../lib/hooks';
import { href } from '../lib/router';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { DELIVERY_LABELS, TemplateEditor, toDraft, type Draft, type Editing, type EditorState, type Template } from './TemplateEditor';
import { ErrorBanner } from '../ui/ErrorBanner';

/** Kind, then email before card, built-ins first, then by name. */
function groupTemplates(items: Template[]) {
  return NOTE_KINDS.map((kind) => ({
    kind,
    deliveries: DELIVERIES.map((delivery) => ({
      delivery,
      items: items
        .filter((t) => t.kind === kind && t.delivery === delivery)
        .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
    })).filter((d) => d.items.length > 0),
  }));
}

export function TemplatesScreen({ id }: { id?: number }) {
  const list = useApi('templates.list', {});
  const settings = useApi('settings.get', {});
  const toast = useToast();
  const [editing, setEditing] = useState<Editing | null>(null);
  // The editor's form holds the values; it reports here whether they are worth a warning before leaving.
  const editorState = useRef<EditorState | null>(null);
  const onState = useCallback((s: EditorState) => {
    editorState.current = s;
  }, []);
  const [discarding, setDiscarding] = useState('');
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [missing, setMissing] = useState(false);
  // Each opened template (or new one) gets a fresh editor: no errors or focus carried over.
  const seq = useRef(0);
  const groups = groupTemplates(list.data?.items ?? []);
  const ordered = groups.flatMap((g) => g.deliveries.flatMap((d) => d.items));

  const open = (t: Template) => setEditing({ seq: ++seq.current, id: t.id, builtIn: t.builtIn, copyOf: null, saved: toDraft(t) });
  const startNew = (kind: NoteKind = 'thank_you') => {
    const blank: Draft = { kind, delivery: settings.data?.defaultDelivery ?? 'email', name: '', subject: '', body: '' };
    setEditing({ seq: ++seq.current, id: null, builtIn: false, copyOf: null, saved: blank });
  };
  const duplicate = (from: Draft) => {
    const draft = { ...from, name: `${from.name.trim() || 'Untitled'} (copy)`.slice(0, 100) };
    setEditing({ seq: ++seq.current, id: null, builtIn: false, copyOf: from.name || 'Untitled', saved: draft });
  };
  /** Unsaved changes are not dropped silently. */
  const guard = (next: () => void) => {
    const state = editorState.current;
    if (editing && state?.unsaved) {
      setDiscarding(state.draft.name.trim());
      setPending(() => next);
    } else next();
  };

  // First visit: the template in the address (#/templates/5), else the first one.
  useEffect(() => {
    if (editing || !list.data) return;
    const wanted = id ? list.data.items.find((t) => t.id === id) : undefined;
    if (id && !wanted) setMissing(true);
    const first = wanted ?? ordered[0];
    if (first) open(first);
    else startNew();
    // Runs once the list is in; `ordered` follows list.data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.data, editing, id]);

  if (list.error) {
    return (
      <div className="page">
        <ErrorBanner error={list.error} />
      </div>
    );
  }

  return (
    <div className="page templates-page">
      <div className="page-header">
        <a href={href({ name: 'settings' })} className="button ghost">
          ← Settings
        </a>
        <h1>Templates</h1>
        <button type="button" className="primary" onClick={() => guard(() => startNew())}>
          New template
        </button>
      </div>
      <p className="muted page-intro">
        A starting point for each note: the composer fills in the fields, and its checks still ask you to build on the conversation.
      </p>
      {missing ? (
        <div className="banner warn" role="note">
          That template no longer exists; here are the others.
        </div>
      ) : null}
      <div className="templates-grid">
        <nav className="panel template-list" aria-label="Templates">
          {!list.data ? <p className="muted">Loading…</p> : null}
          {list.data
            ? groups.map((g) => (
                <section key={g.kind} className="template-group" aria-labelledby={`tg-${g.kind}`}>
                  <h2 id={`tg-${g.kind}`}>{NOTE_KIND_LABELS[g.kind]}</h2>
                  {g.deliveries.length === 0 ? (
                    <p className="muted small template-none">
                      None yet.{' '}
                      <button type="button" className="link-button" onClick={() => guard(() => startNew(g.kind))}>
                        Add one
                      </button>
                    </p>
                  ) : (
                    g.deliveries.map((d) => (
                      <div key={d.delivery}>
                        <h3>{DELIVERY_LABELS[d.delivery]}</h3>
                        <ul>
                          {d.items.map((t) => (
                            <li key={t.id}>
                              <button
                                type="button"
                                className="template-item"
                                aria-current={editing?.id === t.id ? 'true' : undefined}
                                onClick={() => (editing?.id === t.id ? undefined : guard(() => open(t)))}
                              >
                                <span className="template-item-name">{t.name}</span>
                                {t.builtIn ? <span className="badge">Built-in</span> : null}
                              </button>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ))
                  )}
                </section>
              ))
            : null}
        </nav>
        {editing ? (
          <TemplateEditor
            key={editing.seq}
            editing={editing}
            profile={settings.data?.profile}
            cardWordLimit={settings.data?.cardWordLimit ?? 80}
            onState={onState}
            onSaved={(t) => {
              open(t);
              setMissing(false);
            }}
            onDuplicate={(draft) => guard(() => duplicate(draft))}
            onDeleted={() => {
              const next = ordered.find((t) => t.id !== editing.id);
              if (next) open(next);
              else startNew();
              toast(`Deleted “${editing.saved.name}”.`);
            }}
            onCancelNew={() => (ordered[0] ? open(ordered[0]) : startNew())}
          />
        ) : null}
      </div>
      {pending ? (
        <ConfirmDialog
          title="Discard your changes?"
          message={<p>The changes to “{discarding || 'this template'}” are not saved yet.</p>}
          confirmLabel="Discard changes"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const next = pending;
            setPending(null);
            next();
          }}
        />
      ) : null}
    </div>
  );
}
