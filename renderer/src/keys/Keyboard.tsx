// The global shortcuts (table and key rules: electron/shared/shortcuts.ts). Keys are read on the window;
// the Electron menu sends the same command ids. Nothing runs while a dialog is open or (for single keys)
// while focus is in a text field, so typing is never taken.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { IDLE, matchKey, type CommandId, type KeyState } from '../../../electron/shared/shortcuts';
import { requestIntent } from '../lib/intents';
import { navigate, type Route } from '../lib/router';
// Both load on first use, not with the first screen; what is typed meanwhile waits in the type-ahead.
const loadPalette = () => import('./Palette');
const Palette = lazy(() => loadPalette().then((m) => ({ default: m.Palette })));
const ShortcutsHelp = lazy(() => import('./ShortcutsHelp').then((m) => ({ default: m.ShortcutsHelp })));
import { keepTypeAhead, startTypeAhead, takeTypeAhead } from './typeAhead';
import './keys.css';

declare global {
  interface Window {
    /** The Electron menu's commands (preload); absent in browser mode. */
    courtesyMenu?: { onCommand(cb: (id: CommandId) => void): () => void };
  }
}

function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  // A widget with its own keys (the merge-field list) keeps letters for itself.
  if (el.closest('[role="listbox"], [role="menu"], [role="grid"], [role="combobox"]')) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(el.type);
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/** Focus on the current screen's search field; false when the screen has none. */
function focusSearch(): boolean {
  const field = document.querySelector<HTMLInputElement>('main input[type="search"]');
  if (!field) return false;
  field.focus();
  field.select();
  return true;
}

export function Keyboard() {
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  const state = useRef<KeyState>(IDLE);

  useEffect(() => {
    const openPalette = () => {
      startTypeAhead();
      setOpen('palette');
    };
    const run = (id: CommandId) => {
      if (dialogOpen()) return;
      if (id === 'new-application') requestIntent('new-application');
      else if (id === 'search') {
        if (!focusSearch()) openPalette();
      } else if (id === 'palette') openPalette();
      else if (id === 'shortcuts') setOpen('shortcuts');
      else {
        navigate({ name: id.slice(3) } as Route);
        // Tab goes on from the new screen, not from the link or field focused before.
        requestAnimationFrame(() => document.getElementById('content')?.focus({ preventScroll: true }));
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || keepTypeAhead(e) || e.isComposing || e.repeat) return;
      if (dialogOpen()) {
        state.current = IDLE;
        return;
      }
      const r = matchKey(state.current, { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, typing: isTextField(e.target), time: e.timeStamp });
      state.current = r.state;
      if (r.swallow) e.preventDefault();
      if (r.command) run(r.command);
    };
    window.addEventListener('keydown', onKey);
    const off = window.courtesyMenu?.onCommand(run);
    // Fetched once the first screen is up, so the first Ctrl+K rarely waits for the network. Only a head
    // start: if it fails (browser mode while its server restarts), the first Ctrl+K fetches it again.
    const preload = setTimeout(() => loadPalette().catch(() => undefined), 3000);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearTimeout(preload);
      off?.();
    };
  }, []);

  const close = () => {
    takeTypeAhead();
    setOpen(null);
  };
  if (open === 'palette')
    return (
      <Suspense fallback={null}>
        <Palette onClose={close} showShortcuts={() => setOpen('shortcuts')} />
      </Suspense>
    );
  if (open === 'shortcuts')
    return (
      <Suspense fallback={null}>
        <ShortcutsHelp onClose={close} />
      </Suspense>
    );
  return null;
}
