// Settings → Desktop notices: the on/off setting (saved at once) and, quietly, what the system allows.
import { useState, type ReactNode } from 'react';
import { useApi, useCall } from '../lib/hooks';
import { useToast } from '../ui/Toast';
import { askPermission, usePermission, type Permission } from './permission';

const STATUS: Record<Permission, ReactNode> = {
  granted: null,
  default: 'Your browser has not been asked yet whether Courtesy may show notices.',
  denied: 'Your browser or system blocks notices from Courtesy. Allow them in its site or notification settings to get them.',
  unsupported: 'This browser cannot show desktop notices.',
};

export function NoticesPanel() {
  const settings = useApi('settings.get', {});
  const save = useCall('settings.update');
  const toast = useToast();
  const permission = usePermission();
  // The box follows the click at once (the saved setting catches up a moment later).
  const [clicked, setClicked] = useState<boolean | null>(null);
  const on = clicked ?? settings.data?.notifications ?? false;

  const toggle = async (next: boolean) => {
    setClicked(next);
    try {
      // Asked from the click itself (browsers refuse to ask otherwise); a refusal still saves the setting,
      // and the line below says the system blocks them.
      if (next && permission === 'default') await askPermission();
      await save.mutateAsync({ notifications: next });
      toast(next ? 'Desktop notices turned on.' : 'Desktop notices turned off.');
    } catch (err) {
      toast((err as Error).message, 'error');
    } finally {
      setClicked(null);
    }
  };

  return (
    <section className="panel" aria-label="Desktop notices">
      <h2>Desktop notices</h2>
      <p className="muted">A few hours before a thank-you is due and when it is late, when a reminder comes due, when an email could not be sent, and when a reply arrives.</p>
      <label className="row">
        <input type="checkbox" checked={on} disabled={!settings.data} onChange={(e) => void toggle(e.target.checked)} /> Show desktop notices
      </label>
      {on && STATUS[permission] ? (
        <p className="muted notice-status" role="status">
          {STATUS[permission]}
          {permission === 'default' ? (
            <>
              {' '}
              <button type="button" onClick={() => void askPermission()}>
                Allow now
              </button>
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
