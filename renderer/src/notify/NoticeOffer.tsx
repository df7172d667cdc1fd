// The offer of desktop notices, made where the reason is plain (Today with notes due, the interview just
// scheduled) rather than on load. "Turn on" asks the system where it has not been asked (a browser; the
// desktop app allows notices itself) and switches the setting on; "Not now" is remembered (a setting)
// and the offer is not made again; Settings can still turn them on.
import { useApi, useCall } from '../lib/hooks';
import { useToast } from '../ui/Toast';
import { askPermission, usePermission } from './permission';

export function NoticeOffer({ reason }: { reason: string }) {
  const permission = usePermission();
  const settings = useApi('settings.get', {});
  const save = useCall('settings.update');
  const toast = useToast();
  const s = settings.data;
  if (!s || s.notifications || s.notificationsOfferDismissed || permission === 'denied' || permission === 'unsupported') return null;

  const turnOn = async () => {
    const answer = permission === 'granted' ? permission : await askPermission();
    if (answer === 'denied') return toast('Your browser or system blocked notices. Settings says how to allow them.', 'error');
    if (answer !== 'granted') return;
    try {
      await save.mutateAsync({ notifications: true });
      toast('Desktop notices are on. You can turn them off in Settings.');
    } catch (err) {
      toast((err as Error).message, 'error');
    }
  };
  const notNow = () => save.mutateAsync({ notificationsOfferDismissed: true }).catch((err: Error) => toast(err.message, 'error'));

  return (
    <section className="panel notice-offer" aria-labelledby="notice-offer-title">
      <div className="item-main">
        <h2 id="notice-offer-title">Get a desktop notice when a thank-you is due?</h2>
        <p className="muted">{reason}</p>
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={() => void turnOn()} disabled={save.isPending}>
          Turn on
        </button>
        <button type="button" onClick={() => void notNow()} disabled={save.isPending}>
          Not now
        </button>
      </div>
    </section>
  );
}
