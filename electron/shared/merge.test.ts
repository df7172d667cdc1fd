import { describe, expect, it } from 'vitest';
import { MERGE_FIELDS, findUnfilled, firstNameOf, renderTemplate, type MergeData } from './merge';

const FULL: MergeData = {
  contact: { name: 'Dana Lee', title: 'Engineering Manager' },
  company: { name: 'Northwind Health' },
  application: { role: 'Senior Data Engineer' },
  interview: {
    date: 'Tuesday 4 March',
    topics: 'data contracts',
    challenge: 'migrating 400 Airflow DAGs to dbt',
    lookingFor: 'someone who has led a migration',
    promises: 'the cutover checklist',
  },
  participant: { talkedAbout: 'on-call burnout' },
  profile: { name: 'Jordan Avery', signature: 'Jordan Avery\n+1 555 0100' },
};

describe('MERGE_FIELDS', () => {
  it('lists every field the brief names, once', () => {
    const keys = MERGE_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of [
      'contact.firstName',
      'contact.name',
      'company.name',
      'application.role',
      'interview.challenge',
      'interview.topics',
      'interview.lookingFor',
      'interview.date',
      'participant.talkedAbout',
      'profile.name',
      'profile.signature',
    ]) {
      expect(keys).toContain(k);
    }
    for (const f of MERGE_FIELDS) {
      expect(f.label.length).toBeGreaterThan(0);
      expect(f.description.length).toBeGreaterThan(0);
    }
  });

  it('every listed field renders when its data is present', () => {
    for (const f of MERGE_FIELDS) {
      const r = renderTemplate(`[{{${f.key}}}]`, FULL);
      expect(r.unfilled, f.key).toEqual([]);
      expect(r.text).not.toContain('{{');
      expect(r.text.length).toBeGreaterThan(2);
    }
  });
});

describe('renderTemplate', () => {
  it('fills known fields and derives the first name', () => {
    const r = renderTemplate('Dear {{contact.firstName}},\n\nThank you for explaining {{interview.challenge}}.\n\n{{profile.signature}}', FULL);
    expect(r.text).toBe('Dear Dana,\n\nThank you for explaining migrating 400 Airflow DAGs to dbt.\n\nJordan Avery\n+1 555 0100');
    expect(r.unfilled).toEqual([]);
  });

  it('prefers an explicit first name and skips honorifics when deriving one', () => {
    expect(renderTemplate('{{contact.firstName}}', { contact: { name: 'Dana Lee', firstName: 'Dee' } }).text).toBe('Dee');
    expect(renderTemplate('{{contact.firstName}}', { contact: { name: 'Dr. Amara Okafor' } }).text).toBe('Amara');
    expect(firstNameOf('  Prof Ana  Silva ')).toBe('Ana');
    expect(firstNameOf('Cher')).toBe('Cher');
    expect(firstNameOf('')).toBeNull();
  });

  it('tolerates whitespace inside the braces', () => {
    expect(renderTemplate('Hi {{ contact.firstName }}, re {{  company.name}}', FULL).text).toBe('Hi Dana, re Northwind Health');
  });

  it('leaves missing and unknown fields in place, with offsets into the OUTPUT', () => {
    const tpl = 'Dear {{contact.firstName}}, about {{ interview.challenge }} and {{foo.bar}} at {{company.name}}.';
    const r = renderTemplate(tpl, { contact: { name: 'Christopher Montgomery' }, company: { name: 'Acme' } });
    expect(r.text).toBe('Dear Christopher, about {{interview.challenge}} and {{foo.bar}} at Acme.');
    expect(r.unfilled.map((u) => u.field)).toEqual(['interview.challenge', 'foo.bar']);
    for (const u of r.unfilled) expect(r.text.slice(u.start, u.end)).toBe(`{{${u.field}}}`);
    // The first name is longer than the field it replaced, so input offsets would be wrong.
    expect(r.unfilled[0].start).not.toBe(tpl.indexOf('{{ interview.challenge }}'));
  });

  it('treats null, empty and blank values as missing', () => {
    const r = renderTemplate('{{company.name}}|{{application.role}}|{{interview.topics}}', {
      company: { name: null },
      application: { role: '' },
      interview: { topics: '   ' },
    });
    expect(r.text).toBe('{{company.name}}|{{application.role}}|{{interview.topics}}');
    expect(r.unfilled).toHaveLength(3);
  });

  it('does not expand merge syntax that appears inside a value', () => {
    const r = renderTemplate('Re: {{interview.topics}}', { interview: { topics: 'templating with {{mustache}}' } });
    expect(r.text).toBe('Re: templating with {{mustache}}');
    expect(r.unfilled).toEqual([]);
    expect(findUnfilled(r.text)).toEqual([{ field: 'mustache', start: 20, end: 32 }]);
  });

  it('keys are case-insensitive', () => {
    expect(renderTemplate('{{Contact.FirstName}}', FULL).text).toBe('Dana');
  });
});

describe('findUnfilled', () => {
  it('finds every {{...}} with its position', () => {
    const text = 'Hi {{contact.firstName}},\n{{ interview.challenge }} {not} {{}}';
    const found = findUnfilled(text);
    expect(found.map((f) => f.field)).toEqual(['contact.firstName', 'interview.challenge', '']);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['{{contact.firstName}}', '{{ interview.challenge }}', '{{}}']);
  });

  it('finds nothing in plain text', () => {
    expect(findUnfilled('Dear Dana, {single} braces and }} stray {{ are fine')).toEqual([]);
  });
});
