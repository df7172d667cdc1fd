// The command palette (Ctrl+K / ⌘K): screens, the main actions, and applications and contacts by name
// (found by the same full-text search as their screens). A combobox over a listbox: focus stays in the
// text field, arrows move the active option (aria-activedescendant), Enter runs it, Escape closes.
import { useDeferredValue, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { GO_SCREENS, SHORTCUTS, type CommandId } from '../../../electron/shared/shortcuts';
import { useApi } from '../lib/hooks';
import { requestIntent } from '../lib/intents';
import { navigate, type Route } from '../lib/router';
import { useModalDialog } from '../ui/Modal';
import { Keys } from './ShortcutsHelp';
import { takeTypeAhead } from './typeAhead';

interface Item {
  key: string;
  group: 'Actions' | 'Go to' | 'Applications' | 'Contacts';
  label: string;
  /** Words it is also found by. */
  also?: string;
  hint?: string;
  shortcut?: CommandId;
  run: () => void;
}

const shortcutOf = (id: CommandId) => SHORTCUTS.find((s) => s.id === id)?.keys;
const LIMIT = 6;

export function Palette({ onClose, showShortcuts }: { onClose: () => void; showShortcuts: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const open = useModalDialog(ref);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  // Focus and the keys typed on the way in one step, before the browser can deliver another key.
  useLayoutEffect(() => {
    if (!open) return;
    input.current?.focus();
    const typed = takeTypeAhead();
    if (typed) setQuery(typed);
  }, [open]);
  const q = useDeferredValue(query.trim());
  const searching = q.length > 0;
  const apps = useApi('applications.list', { search: q, limit: LIMIT, includeArchived: true }, { enabled: searching, placeholderData: (p) => p });
  const people = useApi('contacts.list', { search: q, limit: LIMIT }, { enabled: searching, placeholderData: (p) => p });

  const go = (route: Route) => () => navigate(route);
  const fixed: Item[] = [
    { key: 'new-application', group: 'Actions', label: 'New application', also: 'add create job role', shortcut: 'new-application', run: () => requestIntent('new-application') },
    { key: 'new-contact', group: 'Actions', label: 'New contact', also: 'add create person', run: () => requestIntent('new-contact') },
    { key: 'import-csv', group: 'Actions', label: 'Import applications from a spreadsheet (CSV)', also: 'excel sheets notion', run: () => requestIntent('import-csv') },
    { key: 'import-vcard', group: 'Actions', label: 'Import contacts from a vCard file', also: 'vcf address book', run: () => requestIntent('import-vcard') },
    { key: 'profile', group: 'Actions', label: 'Set up your profile', also: 'name address signature settings', run: go({ name: 'settings' }) },
    { key: 'shortcuts', group: 'Actions', label: 'Keyboard shortcuts', also: 'keys help', shortcut: 'shortcuts', run: showShortcuts },
    ...GO_SCREENS.map((s): Item => ({ key: `go-${s.screen}`, group: 'Go to', label: s.label, also: 'go screen', shortcut: `go-${s.screen}`, run: go({ name: s.screen } as Route) })),
  ];
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const found = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const items: Item[] = [
    ...fixed.filter((i) => found(`${i.label} ${i.also ?? ''} ${i.group}`)),
    ...(searching
      ? // An earlier query's answer stays on screen while the new one is asked; what it holds that the typed
        // words do not match is left out, so Enter never opens a result of letters no longer there.
        (apps.data?.items ?? []).filter((a) => !apps.isPlaceholderData || found(`${a.company} ${a.role}`)).map((a): Item => ({
          key: `a${a.id}`,
          group: 'Applications',
          label: `${a.company} — ${a.role}`,
          hint: a.archivedAt ? 'archived' : undefined,
          run: go({ name: 'application', id: a.id }),
        }))
      : []),
    ...(searching
      ? (people.data?.items ?? []).filter((c) => !people.isPlaceholderData || found(`${c.name} ${c.company ?? ''}`)).map((c): Item => ({ key: `c${c.id}`, group: 'Contacts', label: c.name, hint: c.company ?? undefined, run: go({ name: 'contact', id: c.id }) }))
      : []),
  ];
  const current = Math.min(active, items.length - 1);
  const optionId = (i: number) => `${id}-o${i}`;

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = items.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(items[current]);
    }
  };

  const groups = (['Actions', 'Go to', 'Applications', 'Contacts'] as const).map((g) => ({ g, rows: items.map((it, i) => ({ it, i })).filter((r) => r.it.group === g) }));
  const busy = searching && (apps.isFetching || people.isFetching);
  return (
    <dialog ref={ref} className="modal palette" aria-label="Command palette" onCancel={(e) => (e.preventDefault(), onClose())}>
      {open ? (
        <>
          <input
            ref={input}
            className="palette-input"
            role="combobox"
            aria-expanded="true"
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={current >= 0 ? optionId(current) : undefined}
            aria-label="Go to a screen, an application or a contact, or run an action"
            placeholder="Type a screen, a company, a person or an action…"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => (setQuery(e.target.value), setActive(0))}
            onKeyDown={onKeyDown}
          />
          <div className="palette-list" id={`${id}-list`} role="listbox" aria-label="Results">
            {groups.map(({ g, rows }) =>
              rows.length ? (
                <div key={g} role="group" aria-labelledby={`${id}-${g}`}>
                  <div className="palette-group" id={`${id}-${g}`} role="presentation">
                    {g}
                  </div>
                  {rows.map(({ it, i }) => (
                    <div
                      key={it.key}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === current}
                      className="palette-option"
                      onMouseMove={() => i !== current && setActive(i)}
                      onClick={() => choose(it)}
                    >
                      <span>{it.label}</span>
                      {it.hint ? <span className="muted">{it.hint}</span> : null}
                      {it.shortcut && shortcutOf(it.shortcut) ? <Keys keys={shortcutOf(it.shortcut)!} /> : null}
                    </div>
                  ))}
                </div>
              ) : null,
            )}
          </div>
          <p className="palette-status muted" aria-live="polite">
            {busy ? 'Searching…' : items.length === 0 ? `Nothing matches “${query.trim()}”.` : ''}
          </p>
        </>
      ) : null}
    </dialog>
  );
}
