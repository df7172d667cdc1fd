import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseVCards } from '.';

const fixture = (name: string) =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');

function only<T>(items: T[], index: number): T {
  expect(items.length).toBeGreaterThan(index);
  return items[index];
}

/** A channel as one readable string: `value (label[, pref n][, custom label])`. */
function ch(c: { value: string; label: string; pref: number | null; customLabel: string | null }): string {
  return `${c.value} (${[c.label, c.pref ? `pref ${c.pref}` : '', c.customLabel ?? ''].filter(Boolean).join(', ')})`;
}

describe('parseVCards fixtures', () => {
  it('reads an Apple Contacts 3.0 export (grouped ADR, X-ABLabel, skipped PHOTO named)', () => {
    const r = parseVCards(fixture('apple-contacts-3.0.vcf'));
    expect(r.errors).toEqual([]);
    expect(r.cards.map((c) => c.index)).toEqual([0, 1]);
    const johnny = only(r.cards, 0);
    expect(johnny.warnings).toEqual(['PHOTO not imported', 'X-ABUID ignored']);
    const c = johnny.contact;
    expect(c).toMatchObject({
      version: '3.0',
      name: 'Johnny Appleseed',
      n: { family: 'Appleseed', given: 'Johnny', additional: 'Q.', prefixes: 'Mr.', suffixes: '' },
      nameOrder: 'given_first',
      title: 'Senior Technical Recruiter',
      org: { name: 'Orchard Labs', units: ['Talent Acquisition'] },
      urls: [{ value: 'https://orchardlabs.example/careers?team=platform&src=vcard', customLabel: 'HomePage', pref: 1 }],
      notes: ["Met at the SF tech fair; said they're hiring for platform roles, remote OK.\nFollow up in March – mention the caching talk."],
      birthday: null,
      app: { metHow: null },
    });
    expect(c.emails.map(ch)).toEqual(['johnny@orchardlabs.example (work, pref 1)', 'johnny.appleseed@mac.example (home)']); // type=pref first
    expect(c.phones.map(ch)).toEqual(['(408) 555-0123 (mobile, pref 1)', '(408) 555-0199 (work)']);
    expect(c.addresses.map((a) => ({ ...a, types: undefined }))).toEqual([
      { lines: '1 Orchard Way\nBuilding 3', city: 'Cupertino', region: 'CA', postalCode: '95014', country: 'United States', label: 'work', pref: 1, customLabel: null, types: undefined },
      { lines: '22 Elm St, Apt 4', city: 'Sunnyvale', region: 'CA', postalCode: '94086', country: 'United States', label: 'home', pref: null, customLabel: null, types: undefined },
      { lines: 'Lindenstraße 5', city: 'München', region: 'Bayern', postalCode: '80331', country: 'Germany', label: 'other', pref: null, customLabel: 'Conference hotel', types: undefined },
    ]);
    const company = only(r.cards, 1);
    expect(company.contact.name).toBe('Initech Talent Team');
    expect(company.contact.n).toBeNull();
    expect(company.contact.org).toEqual({ name: 'Initech', units: [] });
    expect(company.contact.emails.map(ch)).toEqual(['talent@initech.example (other, pref 1)']); // _$!<Other>!$_
    expect(company.contact.urls).toEqual([{ value: 'http://initech.example/jobs', types: [], customLabel: 'jobs page', pref: null }]); // `http\://` unescaped
    expect(company.warnings).toEqual(['X-ABSHOWAS ignored', 'X-ABUID ignored']);
  });

  it('reads a Google Contacts 3.0 export with several cards and an e-mail-only card', () => {
    const r = parseVCards(fixture('google-contacts-3.0.vcf'));
    expect(r.errors).toEqual([]);
    expect(r.cards).toHaveLength(3);
    const priya = r.cards[0];
    expect(priya.contact).toMatchObject({
      name: 'Priya Raman',
      n: { family: 'Raman', given: 'Priya' },
      title: 'Staff Engineer, Infrastructure',
      org: { name: 'Acme Corp', units: [] },
      addresses: [{ lines: '500 Market St, Floor 3', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', label: 'work' }],
      urls: [{ value: 'https://www.linkedin.com/in/priyaraman', types: ['profile'] }],
      notes: ['Interviewer for round 2. Asked about distributed caching, mentioned the team is migrating to Kafka.'],
    });
    expect(priya.contact.emails.map(ch)).toEqual(['priya.raman@acme.example (work)', 'priya.r@gmail.example (home)']);
    expect(priya.contact.phones.map(ch)).toEqual(['+1 415-555-0142 (mobile)']);
    expect(priya.warnings).toEqual(['CATEGORIES not imported']);
    expect(r.cards[1].contact.name).toBe("Marcus O'Neil");
    expect(r.cards[1].contact.phones.map(ch)).toEqual(['(212) 555-0188 (work)', '(917) 555-0101 (mobile)']);
    expect(r.cards[1].contact.urls.map((u) => [u.value, u.customLabel])).toEqual([['https://recruit.example', 'Company']]);
    const sam = r.cards[2];
    expect(sam.contact.name).toBe('Sam Lee');
    expect(sam.contact.emails.map(ch)).toEqual(['sam.lee@startup.example (other)']);
    expect(sam.warnings).toEqual(['No name; used "Sam Lee" from the e-mail address', 'CATEGORIES not imported']);
  });

  it('reads an Outlook 2.1 export (BOM, QUOTED-PRINTABLE, CHARSET, soft breaks, bare params)', () => {
    const text = fixture('outlook-2.1.vcf');
    expect(text.charCodeAt(0)).toBe(0xfeff); // the fixture really has a BOM
    const r = parseVCards(text);
    expect(r.errors).toEqual([]);
    expect(r.cards).toHaveLength(2);
    const j = r.cards[0];
    expect(j.warnings).toEqual([
      'LABEL not imported (the address is read from ADR)',
      'X-MS-OL-DEFAULT-POSTAL-ADDRESS ignored',
      'PHOTO not imported',
      'X-MS-OL-DESIGN ignored',
    ]);
    expect(j.contact).toMatchObject({
      version: '2.1',
      name: 'Jürgen Müller',
      n: { family: 'Müller', given: 'Jürgen' },
      title: 'Head of Platform',
      org: { name: 'Globex GmbH', units: ['Platform Engineering'] },
      // postal code and street were split by soft line breaks; =0D=0A became a newline
      addresses: [{ lines: 'Friedrichstraße 123\nAufgang B', city: 'Berlin', region: null, postalCode: '10117', country: 'Deutschland', label: 'work', pref: 1 }],
      urls: [{ value: 'http://www.globex.example/', types: ['work'] }],
      // a soft break fell between the two UTF-8 bytes of "ü"
      notes: ['Met at the Berlin job fair (stand 12, hall B).\nFollow up re: platform team; hiring in Q3. Grüße an Jürgen!'],
    });
    expect(j.contact.emails.map(ch)).toEqual(['juergen.mueller@globex.example (other, pref 1)', 'j.mueller@gmx.example (other)']); // bare PREF first
    expect(j.contact.phones.map(ch)).toEqual(['+49 30 1234567 (work)', '+49 170 7654321 (mobile)']);
    const f = r.cards[1];
    expect(f.contact.name).toBe('Françoise Dupré'); // CHARSET=Windows-1252
    expect(f.contact.org).toEqual({ name: 'Société Fictive, SA', units: [] }); // 2.1 commas are literal
    expect(f.contact.addresses).toMatchObject([
      { lines: '12, rue de la Paix\n3e étage', city: 'Paris', region: 'Île-de-France', postalCode: '75002', country: 'France', label: 'home' },
    ]);
    expect(f.warnings.some((w) => /Windows-1252/.test(w))).toBe(true); // no CHARSET on that ADR
  });

  it('reads a vCard 4.0 file (PREF=n, TYPE lists, tel: URIs, UTF-8 names, family-first CJK)', () => {
    const r = parseVCards(fixture('vcard-4.0.vcf'));
    expect(r.errors).toEqual([]);
    expect(r.cards).toHaveLength(2);
    const zoe = r.cards[0];
    expect(zoe.contact).toMatchObject({
      version: '4.0',
      name: 'Zoë Ångström',
      nameOrder: 'given_first',
      title: 'Head of Design',
      org: { name: 'Nordlys AB', units: ['Design'] },
      addresses: [{ lines: 'Sveavägen 44', city: 'Stockholm', region: null, postalCode: '111 34', country: 'Sweden', label: 'work' }],
      urls: [{ value: 'https://nordlys.example/team/zoe' }],
      notes: ['Met at Öresund Design Week, Malmö. Prefers email; mentioned a portfolio review: bring the Ångström case study.'],
    });
    expect(zoe.contact.emails.map(ch)).toEqual(['zoe.angstrom@nordlys.example (work, pref 1)', 'design@nordlys.example (work, pref 2)', 'zoe@personal.example (home)']);
    expect(zoe.contact.phones.map(ch)).toEqual(['+46-70-123-45-67 (mobile, pref 1)', '+46-8-555-010;ext=12 (work)']);
    expect(zoe.warnings).toEqual(['KIND not imported', 'GENDER not imported', 'LANG not imported']);
    expect(r.cards[1].contact).toMatchObject({
      name: '李小龙',
      n: { family: '李', given: '小龙' },
      nameOrder: 'family_first',
      title: '招聘经理',
      org: { name: '龙科技有限公司', units: [] },
      addresses: [{ lines: '朝阳区建国路88号', city: '北京', region: '北京市', postalCode: '100022', country: '中国', label: 'work' }],
      urls: [],
      notes: ['Speaks English and Mandarin.\nFollow-up call agreed for Friday (北京时间 10:00).'],
    });
  });

  it('reports broken cards with index and excerpt and still parses the others', () => {
    const r = parseVCards(fixture('broken-among-good.vcf'));
    expect(r.cards.map((c) => [c.index, c.contact.name])).toEqual([
      [0, 'Ana Silva'],
      [2, 'Ben Okafor'],
      [6, 'Chloé Martin'], // an unparsable vendor X- line is ignored, not fatal
    ]);
    expect(r.errors.map((e) => e.index)).toEqual([1, 3, 4, 5]);
    const [unterminated, garbage, nameless, quote] = r.errors;
    expect(unterminated.message).toMatch(/END:VCARD/);
    expect(unterminated.excerpt).toContain('Truncated Person');
    expect(garbage.excerpt).toBe('this line was pasted from somewhere else');
    expect(nameless.message).toMatch(/no name/i);
    expect(nameless.excerpt).toContain('+1 555 0100');
    expect(quote.excerpt).toContain('quote@example.com');
  });
});

describe('parseVCards edge cases', () => {
  it('builds the name from N when FN is missing, and reports a file with no card', () => {
    const r = parseVCards('BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;Q;Dr.;PhD\nEND:VCARD\n');
    expect(r.cards[0].contact.name).toBe('Dr. Jane Q Doe PhD');
    expect(r.cards[0].contact.n).toEqual({ family: 'Doe', given: 'Jane', additional: 'Q', prefixes: 'Dr.', suffixes: 'PhD' });
    expect(r.cards[0].warnings).toHaveLength(1);
    expect(parseVCards('hello, this is not a vCard').errors).toEqual([
      { index: -1, message: expect.stringMatching(/No vCard/), excerpt: 'hello, this is not a vCard' },
    ]);
    expect(parseVCards('')).toEqual({ cards: [], errors: [] });
  });

  it('skips 2.1 base64 photo data that continues without indentation', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Kim;Min-jun',
      'PHOTO;JPEG;ENCODING=BASE64:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsL',
      'DBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgN',
      'DRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=',
      '',
      'TEL;CELL:010-5555-0100',
      'END:VCARD',
    ].join('\r\n');
    const r = parseVCards(text);
    expect(r.errors).toEqual([]);
    expect(r.cards[0].contact.name).toBe('Min-jun Kim');
    expect(r.cards[0].contact.phones.map(ch)).toEqual(['010-5555-0100 (mobile)']);
    expect(r.cards[0].warnings).toEqual(['No FN; name built from N', 'PHOTO not imported']);
  });
});


describe('parseVCards line endings', () => {
  // One card with a folded NOTE, a 2.1-style QUOTED-PRINTABLE soft break and a blank line.
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Ana Silva',
    'N:Silva;Ana;;;',
    'NOTE:Folded across',
    '  two lines',
    'TITLE;ENCODING=QUOTED-PRINTABLE:Head of Pe=',
    'ople',
    'EMAIL;TYPE=WORK:ana@example.com',
    'END:VCARD',
    '',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Ben Okafor',
    'END:VCARD',
  ];
  const endings: Record<string, string> = { CRLF: '\r\n', LF: '\n', CR: '\r', 'CR CR LF (iPhone)': '\r\r\n' };
  for (const [label, eol] of Object.entries(endings)) {
    it(`reads ${label} line endings, with folded lines and soft breaks`, () => {
      const r = parseVCards(lines.join(eol) + eol);
      expect(r.errors).toEqual([]);
      expect(r.cards.map((c) => c.contact.name)).toEqual(['Ana Silva', 'Ben Okafor']);
      expect(r.cards[0].contact).toMatchObject({ notes: ['Folded across two lines'], title: 'Head of People' });
      expect(r.cards[0].contact.emails.map(ch)).toEqual(['ana@example.com (work)']);
      expect(r.cards[0].warnings).toEqual([]);
    });
  }

  it('reads a file whose lines end in a mix of all of them', () => {
    const mixed = lines.map((l, i) => l + Object.values(endings)[i % 4]).join('');
    const r = parseVCards(mixed);
    expect(r.errors).toEqual([]);
    expect(r.cards[0].contact).toMatchObject({ name: 'Ana Silva', notes: ['Folded across two lines'], title: 'Head of People' });
    expect(r.cards[1].contact.name).toBe('Ben Okafor');
  });
});

describe('parseVCards properties', () => {
  const card = (...body: string[]) => parseVCards(['BEGIN:VCARD', 'VERSION:4.0', 'FN:Kim', ...body, 'END:VCARD'].join('\r\n')).cards[0];

  it('reads birthdays with and without a year', () => {
    expect(card('BDAY:19800322').contact.birthday).toBe('1980-03-22');
    expect(card('BDAY:1980-03-22').contact.birthday).toBe('1980-03-22');
    expect(card('BDAY:1980-03-22T00:00:00Z').contact.birthday).toBe('1980-03-22');
    expect(card('BDAY:--0322').contact.birthday).toBe('--03-22'); // 4.0 without a year
    expect(card('BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-22').contact.birthday).toBe('--03-22'); // Apple without a year
    expect(card('BDAY;VALUE=text:circa 1980').contact.birthday).toBe('circa 1980');
  });

  it('reads labels and preference in 2.1, 3.0 and 4.0 styles', () => {
    const v = (version: string, line: string) =>
      parseVCards(`BEGIN:VCARD\r\nVERSION:${version}\r\nFN:Kim\r\n${line}\r\nEND:VCARD\r\n`).cards[0].contact.emails.map(ch)[0];
    expect(v('2.1', 'EMAIL;WORK;PREF;INTERNET:a@x.example')).toBe('a@x.example (work, pref 1)');
    expect(v('3.0', 'EMAIL;TYPE=INTERNET,HOME,PREF:a@x.example')).toBe('a@x.example (home, pref 1)');
    expect(v('3.0', 'EMAIL;type=INTERNET;type=WORK;type=pref:a@x.example')).toBe('a@x.example (work, pref 1)');
    expect(v('4.0', 'EMAIL;TYPE=work;PREF=3:a@x.example')).toBe('a@x.example (work, pref 3)');
    expect(v('4.0', 'EMAIL;TYPE="home,work":a@x.example')).toBe('a@x.example (work)');
    expect(v('3.0', 'item1.EMAIL:a@x.example\r\nitem1.X-ABLabel:_$!<Home>!$_')).toBe('a@x.example (home)');
    expect(v('3.0', 'item1.EMAIL:a@x.example\r\nitem1.X-ABLabel:Recruiting inbox')).toBe('a@x.example (other, Recruiting inbox)');
  });

  it('keeps every URL, ORG units, NICKNAME, ROLE and the app fields; names each dropped property', () => {
    const c = card(
      'ORG:Acme;Talent;EMEA',
      'URL:https://a.example',
      'URL:https://b.example',
      'NICKNAME:Kimmy',
      'ROLE:Hiring manager',
      'X-COURTESY-MET-HOW:Career fair\\, booth 12\\nthen coffee',
      'X-COURTESY-FROM-THE-FUTURE:x',
      'PHOTO;MEDIATYPE=image/png:data:image/png;base64,AAAA',
      'X-SOCIALPROFILE;TYPE=twitter:https://twitter.example/kim',
      'X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.example/kim',
      'ANNIVERSARY:20100101',
    );
    expect(c.contact).toMatchObject({
      org: { name: 'Acme', units: ['Talent', 'EMEA'] },
      urls: [{ value: 'https://a.example' }, { value: 'https://b.example' }],
      extras: [
        { property: 'NICKNAME', label: 'Nickname', value: 'Kimmy' },
        { property: 'ROLE', label: 'Role', value: 'Hiring manager' },
      ],
      app: { metHow: 'Career fair, booth 12\nthen coffee' },
    });
    expect(c.warnings).toEqual([
      'X-COURTESY-FROM-THE-FUTURE ignored',
      'PHOTO not imported',
      'X-SOCIALPROFILE ignored (2 lines)',
      'ANNIVERSARY not imported',
    ]);
  });

  it('reads the name order from how FN relates to N', () => {
    expect(card('N:山田;太郎;;;').contact).toMatchObject({ name: 'Kim', nameOrder: 'family_first' }); // FN says nothing: CJK default
    const order = (fn: string, n: string) => parseVCards(`BEGIN:VCARD\nVERSION:3.0\nFN:${fn}\nN:${n}\nEND:VCARD\n`).cards[0].contact.nameOrder;
    expect(order('山田 太郎', '山田;太郎;;;')).toBe('family_first');
    expect(order('太郎 山田', '山田;太郎;;;')).toBe('given_first');
    expect(order('Nagy Béla', 'Nagy;Béla;;;')).toBe('family_first');
    expect(order('Béla Nagy', 'Nagy;Béla;;;')).toBe('given_first');
  });
});
