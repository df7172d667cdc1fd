// The composer's merge-field picker: a button that opens a list of the fields. Browsing (arrow keys or the
// pointer) shows the sentence as it will read with the value fitted in; only Enter or a click inserts, so
// nothing lands in the note by accident (a native <select> inserted on every arrow key). Esc closes and
// puts the cursor back where it was.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { MERGE_FIELDS, previewInsert, type MergeData } from '../../../electron/shared/merge';

type Selection = { start: number; end: number };

export interface MergeFieldPickerProps {
  body: string;
  data: MergeData;
  disabled: boolean;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** The new body and where the cursor goes. */
  onInsert: (body: string, cursor: number) => void;
}

/** What inserting `key` at `sel` does: the fitted value, or `{{key}}` to fill in when the value is not known. */
export function insertion(body: string, sel: Selection, key: string, data: MergeData) {
  const p = previewInsert(body, sel, key, data);
  if (p) return { ...p, known: true };
  const inserted = `{{${key}}}`;
  const next = body.slice(0, sel.start) + inserted + body.slice(sel.end);
  return { inserted, body: next, sentence: '', cursor: sel.start + inserted.length, known: false };
}

export function MergeFieldPicker({ body, data, disabled, textareaRef, onInsert }: MergeFieldPickerProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [sel, setSel] = useState<Selection>({ start: body.length, end: body.length });
  const listRef = useRef<HTMLUListElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) listRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active]);

  function show() {
    const ta = textareaRef.current;
    // The cursor (or selection) as the person left it: focus moves to the list, the insertion goes there.
    setSel(ta ? { start: ta.selectionStart, end: ta.selectionEnd } : { start: body.length, end: body.length });
    setActive(0);
    setOpen(true);
  }

  function close(toTextarea: boolean) {
    setOpen(false);
    if (!toTextarea) return;
    const ta = textareaRef.current;
    requestAnimationFrame(() => {
      ta?.focus();
      ta?.setSelectionRange(sel.start, sel.end);
    });
  }

  function insert(index: number) {
    const r = insertion(body, sel, MERGE_FIELDS[index].key, data);
    setOpen(false);
    onInsert(r.body, r.cursor);
    const ta = textareaRef.current;
    requestAnimationFrame(() => {
      ta?.focus();
      ta?.setSelectionRange(r.cursor, r.cursor);
    });
  }

  function onKeyDown(e: KeyboardEvent) {
    const last = MERGE_FIELDS.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(last, active + 1), ArrowUp: Math.max(0, active - 1), Home: 0, End: last, PageDown: Math.min(last, active + 5), PageUp: Math.max(0, active - 5) };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      insert(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  }

  const current = open ? insertion(body, sel, MERGE_FIELDS[active].key, data) : null;
  const field = MERGE_FIELDS[active];

  return (
    <div
      className="merge-picker"
      ref={rootRef}
      onBlur={(e) => {
        // Focus left the picker altogether (a click elsewhere): close without moving focus back.
        if (open && !rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="merge-picker-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? `${id}-list` : undefined}
        disabled={disabled}
        onClick={() => (open ? close(true) : show())}
      >
        Insert a merge field…
      </button>
      {open && current ? (
        <div className="merge-picker-pop">
          <ul
            id={`${id}-list`}
            ref={listRef}
            role="listbox"
            aria-label="Insert a merge field"
            aria-activedescendant={`${id}-opt-${active}`}
            aria-describedby={`${id}-preview`}
            tabIndex={0}
            onKeyDown={onKeyDown}
          >
            {MERGE_FIELDS.map((f, i) => {
              const r = insertion(body, sel, f.key, data);
              return (
                <li
                  key={f.key}
                  id={`${id}-opt-${i}`}
                  data-index={i}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  title={f.description}
                  onMouseMove={() => i !== active && setActive(i)}
                  // Keep focus in the list, so the blur handler does not close it before the click lands.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => insert(i)}
                >
                  <span className="merge-picker-label">{f.label}</span>
                  <span className={`merge-picker-value ${r.known ? '' : 'muted'}`}>{r.known ? clip(r.inserted) : 'not known yet'}</span>
                </li>
              );
            })}
          </ul>
          <div className="merge-picker-preview" id={`${id}-preview`} aria-live="polite">
            <div className="muted small">{field.description}</div>
            {current.known ? (
              <p>
                <span className="muted">Will read: </span>
                <q>{current.sentence || current.inserted}</q>
              </p>
            ) : (
              <p>
                <span className="muted">Not known yet: inserts </span>
                <code>{current.inserted}</code>
                <span className="muted"> for you to fill in.</span>
              </p>
            )}
            <div className="muted small">Enter inserts · Esc closes</div>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function clip(s: string) {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 48 ? one.slice(0, 47) + '…' : one;
}
