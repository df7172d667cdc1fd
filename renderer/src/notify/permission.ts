// The system's permission for desktop notices, as a small store: read from the web Notification API
// (the Electron window and a browser alike), and read again when it may have changed (after asking, when
// the window comes back, when the browser says so), so a change in the site settings shows at once.
import { useSyncExternalStore } from 'react';

export type Permission = NotificationPermission | 'unsupported';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;
const read = (): Permission => (supported() ? Notification.permission : 'unsupported');
// Kept between the moments it may change: each read is a synchronous round trip to the browser
// process, and React reads a store's value on every render of every component that uses it.
let cached: Permission | undefined;
const current = (): Permission => (cached ??= read());

const listeners = new Set<() => void>();
const changed = () => {
  cached = read();
  listeners.forEach((l) => l());
};

function subscribe(listener: () => void) {
  const cb = () => {
    cached = read();
    listener();
  };
  listeners.add(listener);
  window.addEventListener('focus', cb);
  document.addEventListener('visibilitychange', cb);
  let status: PermissionStatus | undefined;
  navigator.permissions
    ?.query({ name: 'notifications' })
    .then((s) => {
      status = s;
      s.addEventListener('change', cb);
    })
    .catch(() => {});
  return () => {
    listeners.delete(listener);
    // Unwatched, it may change unseen: the next reader asks the system again.
    if (!listeners.size) cached = undefined;
    window.removeEventListener('focus', cb);
    document.removeEventListener('visibilitychange', cb);
    status?.removeEventListener('change', cb);
  };
}

export function usePermission(): Permission {
  return useSyncExternalStore(subscribe, current);
}

/** Asks the system; only ever called from a button the person pressed (a reason is on screen). */
export async function askPermission(): Promise<Permission> {
  if (!supported()) return 'unsupported';
  const answer = await Notification.requestPermission();
  changed();
  return answer;
}
