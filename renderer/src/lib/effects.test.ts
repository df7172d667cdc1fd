import { describe, expect, it } from 'vitest';
import { DOMAINS, domainOf, staleAfter } from './effects';

describe('what a write makes stale', () => {
  it('names the domain by the part before the dot', () => {
    expect(domainOf('notes.get')).toBe('notes');
    expect(domainOf('applications.moveStage')).toBe('applications');
  });
  it('refreshes the screens built from notes when a note changes, and leaves the rest alone', () => {
    const stale = staleAfter('notes.markSent');
    for (const d of ['notes', 'today', 'applications', 'interviews', 'contacts', 'insights', 'stationery'] as const) expect(stale).toContain(d);
    for (const d of ['templates', 'settings', 'backups', 'system'] as const) expect(stale).not.toContain(d);
  });
  it('covers cross-domain writes: mailing a card uses stationery, an interview owes notes', () => {
    expect(staleAfter('notes.advance')).toContain('stationery');
    expect(staleAfter('interviews.create')).toContain('notes');
    expect(staleAfter('interviews.create')).toContain('today');
    expect(staleAfter('templates.delete')).toContain('notes');
    expect(staleAfter('templates.update')).not.toContain('today');
  });
  it('refreshes everything after settings, a restore or a clock change, and nothing after a download', () => {
    const all = new Set(DOMAINS);
    expect(staleAfter('settings.update')).toEqual(all);
    expect(staleAfter('backups.restore')).toEqual(all);
    expect(staleAfter('contacts.exportVcf').size).toBe(0);
    expect(staleAfter('print.cardText').size).toBe(0);
  });
  it('only ever goes stale by the domains it knows', () => {
    for (const d of staleAfter('notes.update')) expect(DOMAINS).toContain(d);
    expect(DOMAINS).toContain('stationery');
  });
});
