import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { UndoOffer } from '../../../electron/shared/undo';
import { UNDO_TOAST_MS } from '../../../electron/shared/undo-timing';
import { call } from '../lib/api';
import { invalidateAfter } from '../lib/hooks';

type Kind = 'info' | 'error';
type Toast = { id: number; text: string; kind: Kind; undo?: UndoOffer };
/** Shows a message; with `undo`, an Undo button (and Ctrl+Z / ⌘Z) that puts the action back. */
type Show = (text: string, kind?: Kind, opts?: { undo?: UndoOffer }) => void;
const ToastContext = createContext<Show>(() => {});

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl+Z in a text field undoes typing there: the toast's shortcut leaves those alone. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'radio', 'submit'].includes((el as HTMLInputElement).type)));
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [toast, setToast] = useState<Toast | null>(null);
  // While the pointer or focus is on the toast its timer waits (a person reading or reaching for Undo).
  const [held, setHeld] = useState(false);
  const busy = useRef(false);
  const show = useCallback<Show>((text, kind = 'info', opts) => {
    setToast({ id: Date.now() + Math.random(), text, kind, undo: opts?.undo });
  }, []);

  useEffect(() => {
    if (!toast || held) return;
    const ms = toast.undo ? UNDO_TOAST_MS : toast.kind === 'error' ? 8000 : 3500;
    const t = setTimeout(() => setToast((cur) => (cur?.id === toast.id ? null : cur)), ms);
    return () => clearTimeout(t);
  }, [toast, held]);

  const undo = useCallback(
    async (offer: UndoOffer) => {
      if (busy.current) return;
      busy.current = true;
      try {
        await call('undo.apply', { token: offer.token });
        await invalidateAfter(qc, 'undo.apply');
        setHeld(false);
        show(`Undone: ${offer.label.charAt(0).toLowerCase()}${offer.label.slice(1)}.`);
      } catch (err) {
        setHeld(false);
        show(err instanceof Error ? err.message : String(err), 'error');
      } finally {
        busy.current = false;
      }
    },
    [qc, show],
  );

  // A new toast starts its own timer, whatever the pointer was doing over the last one.
  const id = toast?.id;
  useEffect(() => setHeld(false), [id]);

  const offer = toast?.undo;
  useEffect(() => {
    if (!offer) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || e.shiftKey || e.altKey || !(isMac ? e.metaKey : e.ctrlKey) || typingIn(e.target)) return;
      e.preventDefault();
      void undo(offer);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [offer, undo]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" role="status">
        {toast ? (
          <div
            key={toast.id}
            className={`toast ${toast.kind}`}
            onMouseEnter={() => setHeld(true)}
            onMouseLeave={() => setHeld(false)}
            onFocus={() => setHeld(true)}
            onBlur={() => setHeld(false)}
          >
            <span>{toast.text}</span>
            {toast.undo ? (
              <button type="button" className="toast-action" aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'} onClick={() => void undo(toast.undo!)}>
                Undo <kbd>{isMac ? '⌘Z' : 'Ctrl+Z'}</kbd>
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
