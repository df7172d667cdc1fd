// A reminder opened from a desktop notice (#/today?reminder=12): once Today has drawn it, it is scrolled
// into view, outlined and focused, so the person lands on the very item the notice was about.
import { useEffect } from 'react';
import { useRoute } from '../lib/router';

export function useNoticeTarget(ready: boolean) {
  // The route ignores the query, so the same Today screen stays mounted; the hash is read here.
  const route = useRoute();
  const id = /[?&]reminder=(\d+)/.exec(window.location.hash)?.[1];
  useEffect(() => {
    if (!ready || route.name !== 'today' || !id) return;
    const el = document.querySelector<HTMLElement>(`[data-reminder="${id}"]`);
    if (!el) return;
    el.classList.add('notice-target');
    el.tabIndex = -1;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return () => el.classList.remove('notice-target');
  }, [ready, route.name, id]);
}
