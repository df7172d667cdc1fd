import { describe, expect, it } from 'vitest';
import { MERGE_FIELDS, findUnfilled, firstNameOf, previewInsert, renderTemplate, type MergeData } from './merge';
import { isClause } from './fit';

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

describe('fitting values to where they stand', () => {
  const d = (interview: MergeData['interview'], extra: Partial<MergeData> = {}): MergeData => ({ contact: { name: 'Jordan Blake' }, company: { name: 'Globex' }, interview, ...extra });
  const r = (tpl: string, data: MergeData) => renderTemplate(tpl, data).text;

  it('trims trailing punctuation the sentence already supplies', () => {
    expect(r('We discussed {{interview.topics}}.', d({ topics: 'on-call load.' }))).toBe('We discussed on-call load.');
    expect(r('We discussed {{interview.topics}}, mostly.', d({ topics: 'on-call load;  ' }))).toBe('We discussed on-call load, mostly.');
  });

  it('lowers a leading capital mid-sentence, but not a name, an acronym or "I"', () => {
    expect(r('About {{interview.challenge}}.', d({ challenge: 'Moving off the monolith' }))).toBe('About moving off the monolith.');
    expect(r('About {{interview.challenge}}.', d({ challenge: 'Globex billing' }))).toBe('About Globex billing.');
    expect(r('About {{interview.challenge}}.', d({ challenge: 'ICU staffing' }))).toBe('About ICU staffing.');
    expect(r('About {{interview.challenge}}.', d({ challenge: 'iOS crash rates' }))).toBe('About iOS crash rates.');
    // Capitalised mid-sentence elsewhere in the debrief: a name ("Heroku"), so it keeps its capital.
    expect(r('About {{interview.challenge}}.', d({ challenge: 'Heroku costs', topics: 'moving off Heroku' }))).toBe('About Heroku costs.');
    // Another person in the interview, passed as a name.
    expect(r('About {{interview.challenge}}.', d({ challenge: 'Priya wants a second opinion' }, { names: ['Priya Raman'] }))).toBe('About how Priya wants a second opinion.');
  });

  it('capitalises a value that starts a sentence', () => {
    expect(r('Thanks. {{interview.topics}} came up twice.', d({ topics: 'data contracts' }))).toBe('Thanks. Data contracts came up twice.');
  });

  it('joins lines, semicolons and bullets as a readable list', () => {
    expect(r('We covered {{interview.topics}}.', d({ topics: 'data contracts; on-call rotation; Snowflake cost control' }))).toBe('We covered data contracts, on-call rotation, and Snowflake cost control.');
    expect(r('We covered {{interview.topics}}.', d({ topics: '1. Pricing\n2. Churn' }))).toBe('We covered pricing and churn.');
  });

  it('keeps a value standing on its own line as written', () => {
    expect(r('Topics:\n{{interview.topics}}\n', d({ topics: '- Pricing\n- Churn' }))).toBe('Topics:\n- Pricing\n- Churn\n');
  });

  it('gives a full sentence a lead-in that takes a clause, speaking to the recipient', () => {
    expect(r('I liked hearing about {{participant.talkedAbout}}.', { ...d({}), participant: { talkedAbout: 'Jordan runs the frontend platform and wants to multiply its impact.' } })).toBe(
      'I liked hearing that you run the frontend platform and want to multiply its impact.',
    );
    expect(r('The hard part is {{interview.challenge}}.', d({ challenge: 'The night shift has no float nurse.' }))).toBe('The hard part is that the night shift has no float nurse.');
    expect(r('I keep thinking about {{interview.challenge}}.', d({ challenge: "Jordan's team carries the pager alone." }))).toBe('I keep thinking about how your team carries the pager alone.');
    // More sentences than one sentence can carry follow it.
    expect(r('I liked hearing about {{participant.talkedAbout}}. Next.', { ...d({}), participant: { talkedAbout: 'He runs payroll. He hates spreadsheets. He wants one tool. He has no budget.' } })).toBe(
      'I liked hearing that you run payroll. You hate spreadsheets. You want one tool. You have no budget. Next.',
    );
  });

  it('tells a sentence from a phrase', () => {
    const ctx = { names: new Set(['jordan']), recipient: ['jordan'] };
    expect(isClause('Jordan runs the frontend platform', ctx)).toBe(true);
    expect(isClause('Their design system has drifted', ctx)).toBe(true);
    expect(isClause('Migrating 400 legacy Airflow DAGs to dbt', ctx)).toBe(false);
    expect(isClause('the frontend platforms of six teams', ctx)).toBe(false);
    expect(isClause('Snowflake cost control', ctx)).toBe(false);
    expect(isClause('Weekend night shifts go unfilled', ctx, true)).toBe(true);
  });

  it('keeps one sign-off: the template closing goes when the signature has its own', () => {
    const tpl = 'Thanks.\n\nBest regards,\n{{profile.signature}}';
    expect(r(tpl, { profile: { signature: 'Warmly,\nMaya' } })).toBe('Thanks.\n\nWarmly,\nMaya');
    expect(r(tpl, { profile: { signature: 'Maya Chen\n+1 555 0100' } })).toBe('Thanks.\n\nBest regards,\nMaya Chen\n+1 555 0100');
    // A signature line that only ends in a comma is not a closing.
    expect(r(tpl, { profile: { signature: 'Maya Chen, RN' } })).toBe('Thanks.\n\nBest regards,\nMaya Chen, RN');
  });
});

describe('previewInsert', () => {
  const data: MergeData = { contact: { name: 'Jordan Blake' }, participant: { talkedAbout: 'Jordan runs the frontend platform.' }, interview: { topics: 'Pricing\nChurn' } };

  it('shows the sentence as it will read, and the note after inserting', () => {
    const body = 'Dear Jordan,\n\nThanks again. I especially appreciated hearing about . See you soon.';
    const at = body.indexOf(' . ') + 1;
    const p = previewInsert(body, { start: at, end: at }, 'participant.talkedAbout', data)!;
    expect(p.sentence).toBe('I especially appreciated hearing that you run the frontend platform.');
    expect(p.body).toBe('Dear Jordan,\n\nThanks again. I especially appreciated hearing that you run the frontend platform. See you soon.');
    expect(p.body.slice(0, p.cursor).endsWith('frontend platform')).toBe(true);
  });

  it('replaces a selection and returns null for a field without a value', () => {
    const p = previewInsert('We covered X.', { start: 11, end: 12 }, 'interview.topics', data)!;
    expect(p.body).toBe('We covered pricing and churn.');
    expect(p.inserted).toBe('pricing and churn');
    expect(previewInsert('Hi ', { start: 3, end: 3 }, 'company.name', data)).toBeNull();
  });
});
