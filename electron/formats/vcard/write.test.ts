// The writer: every field round-trips through our parser, and Debian's python3-vobject (software
// nobody here wrote) reads the same names, channels with their types, addresses, ORG and X- fields.
import { describe, expect, it } from 'vitest';
import { missingTool, runPython } from '../../testing/external';
import { foldContentLine, parseVCards, splitName, toVCard, type VCardExportContact } from '.';
import { VOBJECT_DUMP, type VoProp } from './vobject-dump';

const full: VCardExportContact = {
  name: 'Zoë Ångström-李',
  givenName: 'Zoë',
  familyName: 'Ångström-李',
  title: 'Head of Design, Platform; EMEA',
  company: 'Nordlys AB; Design, Research',
  orgUnits: ['Design; UX', 'Research'],
  emails: [
    { value: 'zoe@personal.example', label: 'home' },
    { value: 'zoe.angstrom@nordlys.example', label: 'work', primary: true },
    { value: 'zoe@other.example', label: 'other' },
  ],
  phones: [
    { value: '+46 (70) 123-45-67, ext. 12', label: 'mobile', primary: true },
    { value: '+46 8 555 010', label: 'work' },
    { value: '+46 8 555 011', label: 'home' },
    { value: '+46 8 555 012', label: 'other' },
  ],
  addresses: [
    { lines: 'Sveavägen 44\nc/o Nordlys; 3rd floor', city: 'Stockholm, Norrmalm', region: 'Stockholms län', postalCode: '111 34', country: 'Sverige', label: 'work', primary: true },
    { lines: 'Hemgatan 1', city: 'Uppsala', label: 'home' },
  ],
  urls: ['https://nordlys.example/team?who=zoe,ada;lang=sv', 'https://zoe.example/'],
  birthday: '1984-02-29',
  notes: 'First line, with a comma; and a semicolon.\nSecond line: back\\slash and "quotes".\r\nThird line 李小龙 🎉',
  app: { metHow: 'Design Week, Malmö; booth 12\nthen coffee' },
};

const yamada: VCardExportContact = {
  name: '山田 太郎',
  givenName: '太郎',
  familyName: '山田',
  nameOrder: 'family_first',
  emails: [{ value: 'taro.yamada@example.jp', label: 'work', primary: true }],
  birthday: '--03-22',
};

const minimal: VCardExportContact = { name: "Marcus O'Neil", emails: [{ value: 'marcus@recruit.example' }] };

const ch = (c: { value: string; label: string; pref: number | null }) => `${c.value} (${c.label}${c.pref ? ', pref' : ''})`;

describe('toVCard', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`round-trips every field through vCard ${version}`, () => {
      const text = toVCard([full, yamada, minimal], version);
      expect(text).toMatch(new RegExp(`^BEGIN:VCARD\r\nVERSION:${version.replace('.', '\\.')}\r\n`));
      expect(text.endsWith('END:VCARD\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only
      expect(text).not.toMatch(/NOTE:[^\r]*Malmö/); // how we met is not inside NOTE
      const r = parseVCards(text);
      expect(r.errors).toEqual([]);
      expect(r.cards.flatMap((c) => c.warnings)).toEqual([]);
      const [z, y, m] = r.cards.map((c) => c.contact);
      expect(z).toMatchObject({
        name: full.name,
        n: { family: 'Ångström-李', given: 'Zoë', additional: '', prefixes: '', suffixes: '' },
        nameOrder: 'given_first',
        title: full.title,
        org: { name: full.company, units: full.orgUnits },
        urls: full.urls!.map((value) => ({ value })),
        birthday: '1984-02-29',
        notes: [full.notes!.replace(/\r\n/g, '\n')],
        app: { metHow: full.app!.metHow },
      });
      expect(z.emails.map(ch)).toEqual(['zoe.angstrom@nordlys.example (work, pref)', 'zoe@personal.example (home)', 'zoe@other.example (other)']);
      expect(z.phones.map(ch)).toEqual(['+46 (70) 123-45-67, ext. 12 (mobile, pref)', '+46 8 555 010 (work)', '+46 8 555 011 (home)', '+46 8 555 012 (other)']);
      expect(z.addresses).toMatchObject([
        { lines: 'Sveavägen 44\nc/o Nordlys; 3rd floor', city: 'Stockholm, Norrmalm', region: 'Stockholms län', postalCode: '111 34', country: 'Sverige', label: 'work', pref: 1 },
        { lines: 'Hemgatan 1', city: 'Uppsala', region: null, postalCode: null, country: null, label: 'home', pref: null },
      ]);
      expect(y).toMatchObject({ name: '山田 太郎', n: { family: '山田', given: '太郎' }, nameOrder: 'family_first', birthday: '--03-22' });
      expect(m).toMatchObject({ name: "Marcus O'Neil", n: { family: "O'Neil", given: 'Marcus' }, org: null, birthday: null, app: { metHow: null } });
      expect(m.emails.map(ch)).toEqual(['marcus@recruit.example (other)']);
    });
  }

  it('writes family and given names as entered: 山田 太郎 is N:山田;太郎', () => {
    expect(toVCard(yamada)).toContain('\r\nN:山田;太郎;;;\r\n');
    // Without structured names (a contact saved before they existed) the order decides, CJK family-first.
    expect(toVCard({ name: '山田 太郎' })).toContain('\r\nN:山田;太郎;;;\r\n');
    expect(toVCard({ name: 'Nagy Béla', nameOrder: 'family_first' })).toContain('\r\nN:Nagy;Béla;;;\r\n');
    expect(toVCard({ name: 'Mary Ann Lee' })).toContain('\r\nN:Lee;Mary Ann;;;\r\n');
    expect(splitName('Cher')).toEqual({ family: 'Cher', given: '' });
  });

  it('marks the primary channel preferred in the style of each version', () => {
    const c: VCardExportContact = { name: 'Kim', emails: [{ value: 'a@x.example', label: 'work', primary: true }], phones: [{ value: '1', label: 'mobile' }] };
    expect(toVCard(c, '3.0')).toContain('\r\nEMAIL;TYPE=INTERNET,WORK,PREF:a@x.example\r\nTEL;TYPE=CELL:1\r\n');
    expect(toVCard(c, '4.0')).toContain('\r\nEMAIL;TYPE=work;PREF=1:a@x.example\r\nTEL;VALUE=text;TYPE=cell:1\r\n');
  });

  it('writes birthdays without a year as each version can', () => {
    expect(toVCard({ name: 'Kim', birthday: '--03-22' }, '4.0')).toContain('\r\nBDAY:--0322\r\n');
    expect(toVCard({ name: 'Kim', birthday: '--03-22' }, '3.0')).toContain('\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-03-22\r\n');
    expect(toVCard({ name: 'Kim', birthday: 'someday' }, '3.0')).not.toContain('BDAY');
  });

  it('accepts a single contact and escapes text values', () => {
    const text = toVCard({ name: 'Doe, Jane', notes: 'a;b,c\\d\ne' });
    expect(text).toContain('FN:Doe\\, Jane\r\n');
    expect(text).toContain('NOTE:a\\;b\\,c\\\\d\\ne\r\n');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const notes = 'Zoë Ångström 李小龙 🎉 '.repeat(20);
    const text = toVCard([{ ...full, notes, app: { metHow: notes } }], '4.0');
    const physical = text.split('\r\n').slice(0, -1);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$/); // no surrogate pair cut in half
      expect(line).not.toMatch(/^ ?[\uDC00-\uDFFF]/);
      expect(line).not.toContain('\uFFFD');
    }
    const back = parseVCards(text).cards[0].contact;
    expect(back.notes).toEqual([notes]);
    expect(back.app.metHow).toBe(notes);
  });

  it('foldContentLine packs lines to exactly the limit where possible', () => {
    const folded = foldContentLine('x'.repeat(75 + 74 + 10));
    expect(folded.split('\r\n').map((l) => l.length)).toEqual([75, 75, 11]);
    // 'é' is two octets: 37 of them fill 74 octets, the 38th would exceed 75
    expect(foldContentLine('é'.repeat(40)).split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([74, 7]);
    expect(foldContentLine('short')).toBe('short');
  });
});

const skipVobject = missingTool('vobject');

describe.skipIf(skipVobject)('toVCard read by python3-vobject', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`vobject reads names, channels with types, addresses, ORG and X- fields (vCard ${version})`, () => {
      const cards = JSON.parse(runPython(VOBJECT_DUMP, toVCard([full, yamada], version))) as VoProp[][];
      expect(cards).toHaveLength(2);
      const [z, y] = cards;
      const get = (card: VoProp[], name: string) => card.filter((p) => p.name === name);
      const value = (card: VoProp[], name: string) => get(card, name).map((p) => p.value);
      // The labels vobject sees, in the form each version writes them.
      const kinds = (p: VoProp) => {
        const types = (p.params.TYPE ?? []).filter((t) => t !== 'internet' && t !== 'voice');
        return [...types, ...(p.params.PREF ? ['pref'] : [])].join(',');
      };

      expect(value(z, 'FN')).toEqual([full.name]);
      expect(value(z, 'N')).toEqual([{ family: 'Ångström-李', given: 'Zoë', additional: '', prefix: '', suffix: '' }]);
      expect(value(z, 'ORG')).toEqual([['Nordlys AB; Design, Research', 'Design; UX', 'Research']]);
      expect(value(z, 'TITLE')).toEqual([full.title]);
      expect(get(z, 'EMAIL').map((p) => `${String(p.value)} ${kinds(p)}`)).toEqual([
        'zoe.angstrom@nordlys.example work,pref',
        'zoe@personal.example home',
        'zoe@other.example ',
      ]);
      expect(get(z, 'TEL').map((p) => `${String(p.value)} ${kinds(p)}`)).toEqual([
        '+46 (70) 123-45-67, ext. 12 cell,pref',
        '+46 8 555 010 work',
        '+46 8 555 011 home',
        '+46 8 555 012 ',
      ]);
      expect(get(z, 'ADR').map((p) => [p.value, kinds(p)])).toEqual([
        [{ box: '', extended: '', street: 'Sveavägen 44\nc/o Nordlys; 3rd floor', city: 'Stockholm, Norrmalm', region: 'Stockholms län', code: '111 34', country: 'Sverige' }, 'work,pref'],
        [{ box: '', extended: '', street: 'Hemgatan 1', city: 'Uppsala', region: '', code: '', country: '' }, 'home'],
      ]);
      expect(value(z, 'URL')).toEqual(full.urls);
      expect(value(z, 'NOTE')).toEqual([full.notes!.replace(/\r\n/g, '\n')]);
      expect(value(z, 'X-COURTESY-MET-HOW')).toEqual([full.app!.metHow]);
      expect(value(z, 'BDAY')).toEqual([version === '3.0' ? '1984-02-29' : '19840229']);

      expect(value(y, 'FN')).toEqual(['山田 太郎']);
      expect(value(y, 'N')).toEqual([{ family: '山田', given: '太郎', additional: '', prefix: '', suffix: '' }]);
      expect(get(y, 'BDAY').map((p) => [p.value, p.params['X-APPLE-OMIT-YEAR'] ?? []])).toEqual([version === '3.0' ? ['1604-03-22', ['1604']] : ['--0322', []]]);
    });
  }
});
