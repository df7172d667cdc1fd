// The board's dialogs load on first use (the form library with them), not with the board's first render.
// usePreloadDialogs fetches them once the board has been painted, so a click finds them ready. Each
// loads whole, its Modal included, so it opens with focus inside as before.
import { lazy, Suspense, useEffect } from 'react';

const loadNewApplication = () => import('./NewApplicationDialog');
const loadRejection = () => import('../application/RejectionDialog');
const NewApplication = lazy(() => loadNewApplication().then((m) => ({ default: m.NewApplicationDialog })));
const Rejection = lazy(() => loadRejection().then((m) => ({ default: m.RejectionDialog })));

export function usePreloadDialogs() {
  useEffect(() => {
    const id = requestIdleCallback(() => void Promise.all([loadNewApplication(), loadRejection()]).catch(() => undefined), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, []);
}

export function NewApplicationDialog(props: { onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <NewApplication {...props} />
    </Suspense>
  );
}

export function RejectionDialog(props: { applicationId: number; onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <Rejection {...props} />
    </Suspense>
  );
}
