// Shows the desktop notices main says are due (notifications.pending): polled every minute and whenever
// the window comes back into view, only while the setting is on and the system allows notices. Each
// notice is claimed first (notifications.ack answers the keys this window won), so a second window, a
// reload or a restart never shows it again. A click brings the window forward and opens the thing itself.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MethodOutput } from '../../../electron/api/contract';
import { call } from '../lib/api';
import { invalidateAfter, useApi } from '../lib/hooks';
import { href } from '../lib/router';
import { usePermission } from './permission';

type Item = MethodOutput<'notifications.pending'>['items'][number];

const POLL_MS = 60_000;

/** Where a click on a notice goes: the note's composer, the reminder on Today, the application. */
export function noticeHref(open: Item['open']): string {
  if (open.screen === 'note') return href({ name: 'compose', target: 'note', id: open.id });
  if (open.screen === 'reminder') return `${href({ name: 'today' })}?reminder=${open.id}`;
  return href({ name: 'application', id: open.id });
}

function show(item: Item) {
  const n = new Notification(item.title, { body: item.body, tag: item.key });
  n.addEventListener('click', () => {
    window.focus();
    window.location.hash = noticeHref(item.open);
    n.close();
  });
}

export function DesktopNotices() {
  const settings = useApi('settings.get', {});
  // The permission is asked of the system (a synchronous round trip to the browser process, several ms
  // on the first screen's critical path) only once the setting is known to be on.
  return settings.data?.notifications === true ? <Notices /> : null;
}

function Notices() {
  const on = usePermission() === 'granted';
  const pending = useApi('notifications.pending', {}, { enabled: on, refetchInterval: POLL_MS, refetchIntervalInBackground: true });
  const qc = useQueryClient();
  const items = on ? (pending.data?.items ?? []) : [];
  const keys = items.map((i) => i.key).join(' ');

  useEffect(() => {
    if (!items.length) return;
    // A claim that fails shows nothing; the next poll offers the same notices again.
    call('notifications.ack', { keys: items.map((i) => i.key) })
      .then(({ claimed }) => {
        for (const item of items) if (claimed.includes(item.key)) show(item);
        // Beyond the cap, more may be waiting: ask again now rather than in a minute.
        return invalidateAfter(qc, 'notifications.ack');
      })
      .catch(() => {});
    // The keys say everything about the items; a refetch with the same ones must not claim again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys]);
  return null;
}
