// Actions that open something on another screen (the palette's "Import a spreadsheet", the checklist's
// "Add your first application", `N`): the request is kept here, the app goes to that screen, and the
// screen runs it when it mounts (or at once when it is already shown). One pending request at a time.
import { useEffect, useRef } from 'react';
import { navigate, parseRoute, type Route } from './router';

export type Intent = 'new-application' | 'import-csv' | 'new-contact' | 'import-vcard';

const HOME: Record<Intent, Route['name']> = {
  'new-application': 'pipeline',
  'import-csv': 'pipeline',
  'new-contact': 'contacts',
  'import-vcard': 'contacts',
};

let pending: Intent | null = null;
const listeners = new Set<() => void>();

export function requestIntent(intent: Intent) {
  pending = intent;
  if (parseRoute(window.location.hash).name !== HOME[intent]) navigate({ name: HOME[intent] } as Route);
  for (const l of listeners) l();
}

/** Runs `run` when `intent` is requested while this screen is shown (or was requested just before it opened). */
export function useIntent(intent: Intent, run: () => void) {
  const ref = useRef(run);
  useEffect(() => {
    ref.current = run;
  });
  useEffect(() => {
    const check = () => {
      if (pending !== intent) return;
      pending = null;
      ref.current();
    };
    check();
    listeners.add(check);
    return () => void listeners.delete(check);
  }, [intent]);
}
