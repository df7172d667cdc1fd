// Hash routes: #/today, #/pipeline, #/applications/12, #/interviews/3, #/compose/interview/3, #/templates/5, ...
// Small on purpose: a handful of screens, no nesting.
import { useSyncExternalStore } from 'react';

export type ComposeTarget = 'note' | 'interview' | 'application' | 'contact';

export type Route =
  | { name: 'today' }
  | { name: 'pipeline' }
  | { name: 'application'; id: number }
  | { name: 'interview'; id: number }
  | { name: 'compose'; target: ComposeTarget; id: number }
  | { name: 'contacts' }
  | { name: 'contact'; id: number }
  | { name: 'stationery' }
  | { name: 'insights' }
  | { name: 'offers' }
  | { name: 'notes' }
  | { name: 'settings' }
  | { name: 'templates'; id?: number };

const COMPOSE_TARGETS: ComposeTarget[] = ['note', 'interview', 'application', 'contact'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean);
  const [head, a, b] = parts;
  const idOf = (v: string | undefined) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  switch (head) {
    case 'pipeline':
      return { name: 'pipeline' };
    case 'applications': {
      const id = idOf(a);
      return id ? { name: 'application', id } : { name: 'pipeline' };
    }
    case 'interviews': {
      const id = idOf(a);
      return id ? { name: 'interview', id } : { name: 'today' };
    }
    case 'compose': {
      const id = idOf(b);
      return id && COMPOSE_TARGETS.includes(a as ComposeTarget) ? { name: 'compose', target: a as ComposeTarget, id } : { name: 'today' };
    }
    case 'contacts': {
      const id = idOf(a);
      return id ? { name: 'contact', id } : { name: 'contacts' };
    }
    case 'stationery':
      return { name: 'stationery' };
    case 'insights':
      return { name: 'insights' };
    case 'offers':
      return { name: 'offers' };
    case 'notes':
      return { name: 'notes' };
    case 'settings':
      return { name: 'settings' };
    case 'templates': {
      const id = idOf(a);
      return id ? { name: 'templates', id } : { name: 'templates' };
    }
    default:
      return { name: 'today' };
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'application':
      return `#/applications/${route.id}`;
    case 'interview':
      return `#/interviews/${route.id}`;
    case 'contact':
      return `#/contacts/${route.id}`;
    case 'compose':
      return `#/compose/${route.target}/${route.id}`;
    case 'templates':
      return route.id ? `#/templates/${route.id}` : '#/templates';
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
