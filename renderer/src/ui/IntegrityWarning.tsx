import { useApi } from '../lib/hooks';
import { href } from '../lib/router';

/**
 * The full integrity check runs after start-up (it takes tens of seconds on a large book); when it finds
 * damage the person is told on every screen, with the backup to restore. Asks again every few seconds
 * while the check runs, then with the app's usual 30 s tick (the same shared system.info query).
 */
export function IntegrityWarning() {
  const { data } = useApi('system.info', {}, { staleTime: 5_000, refetchInterval: (q) => (q.state.data?.integrity.state === 'checking' ? 5_000 : 30_000) });
  if (data?.integrity.state !== 'damaged') return null;
  return (
    <div className="banner error integrity-warning" role="alert">
      {data.integrity.message} <a href={href({ name: 'settings' })}>Open Settings</a>
    </div>
  );
}
