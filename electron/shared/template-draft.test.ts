import { describe, expect, it } from 'vitest';
import { fieldKind, previewSegments, templateFromNote } from './template-draft';

const DANA = { recipientName: 'Dana Lee', firstName: 'Dana' };

describe('previewSegments', () => {
  it('splits the template into text, filled fields and unfilled fields, in order', () => {
    const segs = previewSegments('Dear {{contact.firstName}}, about {{ interview.challenge }}: {{your idea}}.', {
      contact: { name: 'Dana Lee' },
      interview: { challenge: null },
    });
    expect(segs).toEqual([
      { text: 'Dear ', kind: 'text' },
      { text: 'Dana', kind: 'filled', field: 'contact.firstName' },
      { text: ', about ', kind: 'text' },
      { text: '{{interview.challenge}}', kind: 'unfilled', field: 'interview.challenge' },
      { text: ': ', kind: 'text' },
      { text: '{{your idea}}', kind: 'unfilled', field: 'your idea' },
      { text: '.', kind: 'text' },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('Dear Dana, about {{interview.challenge}}: {{your idea}}.');
  });
  it('is the plain text when there is no field', () => {
    expect(previewSegments('Thank you.', {})).toEqual([{ text: 'Thank you.', kind: 'text' }]);
    expect(previewSegments('', {})).toEqual([]);
  });
});

describe('fieldKind', () => {
  it('tells known fields, misspelt field names and prompts apart', () => {
    expect(fieldKind('contact.firstName')).toBe('known');
    expect(fieldKind('Contact.FirstName')).toBe('known');
    expect(fieldKind('contact.frstName')).toBe('unknown');
    expect(fieldKind('your question')).toBe('prompt');
    expect(fieldKind('how you would meet that challenge, with one concrete example')).toBe('prompt');
  });
});

describe('templateFromNote', () => {
  it('replaces the first name in the greeting, and only there', () => {
    const r = templateFromNote({ subject: 'Thank you, Dana', body: '\nDear Dana,\n\nDana, your point about on-call stayed with me.\n\nBest,\nJordan', ...DANA });
    expect(r.body).toBe('\nDear {{contact.firstName}},\n\nDana, your point about on-call stayed with me.\n\nBest,\nJordan');
    expect(r.subject).toBe('Thank you, Dana');
    expect(r.replaced).toEqual([{ from: 'Dana', to: '{{contact.firstName}}' }]);
    expect(r.greetingKept).toBeNull();
    expect(r.nameElsewhere).toBe(2);
  });
  it('knows the common greetings, any case, with or without punctuation', () => {
    for (const [line, out] of [
      ['Hi Dana!', 'Hi {{contact.firstName}}!'],
      ['hello dana', 'hello {{contact.firstName}}'],
      ['Good morning Dana —', 'Good morning {{contact.firstName}} —'],
      ['Dear Dana.', 'Dear {{contact.firstName}}.'],
      ['Hello Dana, thanks again for Tuesday.', 'Hello {{contact.firstName}}, thanks again for Tuesday.'],
    ]) {
      expect(templateFromNote({ subject: null, body: `${line}\n\nText.`, ...DANA }).body).toBe(`${out}\n\nText.`);
    }
  });
  it('replaces the full name with the full-name field', () => {
    const r = templateFromNote({ subject: null, body: 'Dear Dana Lee,\n\nText.', ...DANA });
    expect(r.body).toBe('Dear {{contact.name}},\n\nText.');
    expect(r.replaced).toEqual([{ from: 'Dana Lee', to: '{{contact.name}}' }]);
  });
  it('keeps a greeting that is not the recipient’s first or full name, and says so', () => {
    const r = templateFromNote({ subject: null, body: 'Dear Dr. Lee,\n\nText.', ...DANA });
    expect(r.body).toBe('Dear Dr. Lee,\n\nText.');
    expect(r.replaced).toEqual([]);
    expect(r.greetingKept).toBe('Dr. Lee');
  });
  it('leaves a text without a greeting, or one already templated, as written', () => {
    expect(templateFromNote({ subject: null, body: 'Thanks, Dana!', ...DANA })).toMatchObject({ body: 'Thanks, Dana!', replaced: [], greetingKept: null, nameElsewhere: 1 });
    expect(templateFromNote({ subject: null, body: 'Dear {{contact.firstName}},', ...DANA })).toMatchObject({ replaced: [], greetingKept: null });
    // A name inside another word is not the name.
    expect(templateFromNote({ subject: null, body: 'Hi team,\n\nDanae and Dana.', ...DANA })).toMatchObject({ greetingKept: 'team', nameElsewhere: 1 });
  });
  it('does nothing to the greeting without a recipient', () => {
    const r = templateFromNote({ subject: null, body: 'Dear Dana,', recipientName: null, firstName: null });
    expect(r).toMatchObject({ body: 'Dear Dana,', replaced: [], greetingKept: 'Dana', nameElsewhere: 0 });
  });
});
