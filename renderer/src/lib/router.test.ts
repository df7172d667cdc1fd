import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './router';

describe('routes', () => {
  it('round-trip through the hash', () => {
    const routes: Route[] = [
      { name: 'today' },
      { name: 'pipeline' },
      { name: 'application', id: 4 },
      { name: 'interview', id: 9 },
      { name: 'compose', target: 'interview', id: 9 },
      { name: 'contacts' },
      { name: 'contact', id: 2 },
      { name: 'stationery' },
      { name: 'insights' },
      { name: 'offers' },
      { name: 'notes' },
      { name: 'settings' },
      { name: 'templates' },
      { name: 'templates', id: 5 },
    ];
    for (const r of routes) expect(parseRoute(href(r))).toEqual(r);
  });
  it('falls back to Today for anything unknown or malformed', () => {
    expect(parseRoute('')).toEqual({ name: 'today' });
    expect(parseRoute('#/applications/abc')).toEqual({ name: 'pipeline' });
    expect(parseRoute('#/compose/bogus/3')).toEqual({ name: 'today' });
    expect(parseRoute('#/interviews/-1')).toEqual({ name: 'today' });
    expect(parseRoute('#/templates/abc')).toEqual({ name: 'templates' });
  });
});
