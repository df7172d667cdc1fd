// Hash routes: #/pipeline, #/applications/12. Small on purpose: a handful of screens, no nesting.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'pipeline' }
  | { name: 'application'; id: number }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [head, arg] = parts;
  const id = Number(arg);
  switch (head) {
    case 'applications':
      if (Number.isInteger(id) && id > 0) return { name: 'application', id };
      return { name: 'pipeline' };
    case 'settings':
      return { name: 'settings' };
    default:
      return { name: 'pipeline' };
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'application':
      return `#/applications/${route.id}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route) {
  window.location.hash = href(route);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
