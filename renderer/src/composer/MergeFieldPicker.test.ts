import { describe, expect, it } from 'vitest';
import type { MergeData } from '../../../electron/shared/merge';
import { insertion } from './MergeFieldPicker';

const data: MergeData = {
  contact: { name: 'Dana Lee', firstName: 'Dana', title: null },
  company: { name: 'Northwind Health' },
  participant: { talkedAbout: 'Priya rebuilt the billing pipeline last spring.' },
  names: ['Priya Raman'],
};

describe('merge-field insertion', () => {
  it('fits a known value to the sentence at the cursor and previews that sentence', () => {
    const body = 'Dear Dana,\n\nI enjoyed hearing how \n\nBest regards,';
    const at = body.indexOf('how ') + 4;
    const r = insertion(body, { start: at, end: at }, 'participant.talkedAbout', data);
    expect(r.known).toBe(true);
    expect(r.body).toBe('Dear Dana,\n\nI enjoyed hearing how Priya rebuilt the billing pipeline last spring\n\nBest regards,');
    expect(r.sentence).toBe('I enjoyed hearing how Priya rebuilt the billing pipeline last spring');
    expect(r.body.slice(0, r.cursor).endsWith('last spring')).toBe(true);
    // Without the other people's names, the same value is taken for a sentence start and lowered.
    expect(insertion(body, { start: at, end: at }, 'participant.talkedAbout', { ...data, names: [] }).inserted).toBe('priya rebuilt the billing pipeline last spring');
  });

  it('replaces the selection, and inserts {{key}} to fill in when the value is not known', () => {
    const body = 'Thank you for your time at ACME.';
    const start = body.indexOf('ACME');
    const r = insertion(body, { start, end: start + 4 }, 'company.name', data);
    expect(r.body).toBe('Thank you for your time at Northwind Health.');
    const u = insertion(body, { start: 0, end: 0 }, 'contact.title', data);
    expect(u).toMatchObject({ known: false, inserted: '{{contact.title}}', body: '{{contact.title}}' + body, cursor: 17 });
  });
});
