import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldContentLine, parseVCards, toVCard, type VCardExportContact } from '.';

const fixture = (name: string) =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');

function only<T>(items: T[], index: number): T {
  expect(items.length).toBeGreaterThan(index);
  return items[index];
}

describe('parseVCards fixtures', () => {
  it('reads an Apple Contacts 3.0 export (grouped ADR, X-ABLabel, skipped PHOTO)', () => {
    const r = parseVCards(fixture('apple-contacts-3.0.vcf'));
    expect(r.errors).toEqual([]);
    expect(r.cards.map((c) => c.index)).toEqual([0, 1]);
    const johnny = only(r.cards, 0);
    expect(johnny.warnings).toEqual([]);
    expect(johnny.contact).toEqual({
      name: 'Johnny Appleseed',
      title: 'Senior Technical Recruiter',
      company: 'Orchard Labs',
      emails: ['johnny@orchardlabs.example', 'johnny.appleseed@mac.example'], // type=pref first
      phones: ['(408) 555-0123', '(408) 555-0199'],
      addresses: [
        { lines: '1 Orchard Way\nBuilding 3', city: 'Cupertino', region: 'CA', postalCode: '95014', country: 'United States', type: 'work' },
        { lines: '22 Elm St, Apt 4', city: 'Sunnyvale', region: 'CA', postalCode: '94086', country: 'United States', type: 'home' },
        { lines: 'Lindenstraße 5', city: 'München', region: 'Bayern', postalCode: '80331', country: 'Germany', type: 'Conference hotel' },
      ],
      url: 'https://orchardlabs.example/careers?team=platform&src=vcard',
      note: "Met at the SF tech fair; said they're hiring for platform roles, remote OK.\nFollow up in March – mention the caching talk.",
    });
    const company = only(r.cards, 1).contact;
    expect(company.name).toBe('Initech Talent Team');
    expect(company.company).toBe('Initech');
    expect(company.emails).toEqual(['talent@initech.example']);
    expect(company.url).toBe('http://initech.example/jobs'); // `http\://` unescaped
  });

  it('reads a Google Contacts 3.0 export with several cards and an e-mail-only card', () => {
    const r = parseVCards(fixture('google-contacts-3.0.vcf'));
    expect(r.errors).toEqual([]);
    expect(r.cards).toHaveLength(3);
    expect(r.cards[0].contact).toEqual({
      name: 'Priya Raman',
      title: 'Staff Engineer, Infrastructure',
      company: 'Acme Corp',
      emails: ['priya.raman@acme.example', 'priya.r@gmail.example'],
      phones: ['+1 415-555-0142'],
      addresses: [{ lines: '500 Market St, Floor 3', city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US', type: 'work' }],
      url: 'https://www.linkedin.com/in/priyaraman',
      note: 'Interviewer for round 2. Asked about distributed caching, mentioned the team is migrating to Kafka.',
    });
    expect(r.cards[1].contact.name).toBe("Marcus O'Neil");
    expect(r.cards[1].contact.phones).toEqual(['(212) 555-0188', '(917) 555-0101']);
    expect(r.cards[1].contact.url).toBe('https://recruit.example');
    const sam = r.cards[2];
    expect(sam.contact.name).toBe('Sam Lee');
    expect(sam.contact.emails).toEqual(['sam.lee@startup.example']);
    expect(sam.warnings).toHaveLength(1);
    expect(sam.warnings[0]).toMatch(/e-mail/);
  });

  it('reads an Outlook 2.1 export (BOM, QUOTED-PRINTABLE, CHARSET, soft breaks, bare params)', () => {
    const text = fixture('outlook-2.1.vcf');
    expect(text.charCodeAt(0)).toBe(0xfeff); // the fixture really has a BOM
    const r = parseVCards(text);
    expect(r.errors).toEqual([]);
    expect(r.cards).toHaveLength(2);
    const j = r.cards[0];
    expect(j.warnings).toEqual([]);
    expect(j.contact).toEqual({
      name: 'Jürgen Müller',
      title: 'Head of Platform',
      company: 'Globex GmbH',
      emails: ['juergen.mueller@globex.example', 'j.mueller@gmx.example'], // bare PREF first
      phones: ['+49 30 1234567', '+49 170 7654321'],
      addresses: [
        // postal code and street were split by soft line breaks; =0D=0A became a newline
        { lines: 'Friedrichstraße 123\nAufgang B', city: 'Berlin', region: null, postalCode: '10117', country: 'Deutschland', type: 'work' },
      ],
      url: 'http://www.globex.example/',
      // a soft break fell between the two UTF-8 bytes of "ü"
      note: 'Met at the Berlin job fair (stand 12, hall B).\nFollow up re: platform team; hiring in Q3. Grüße an Jürgen!',
    });
    const f = r.cards[1];
    expect(f.contact.name).toBe('Françoise Dupré'); // CHARSET=Windows-1252
    expect(f.contact.company).toBe('Société Fictive, SA'); // 2.1 commas are literal
    expect(f.contact.addresses).toEqual([
      { lines: '12, rue de la Paix\n3e étage', city: 'Paris', region: 'Île-de-France', postalCode: '75002', country: 'France', type: 'home' },
    ]);
    expect(f.warnings.some((w) => /Windows-1252/.test(w))).toBe(true); // no CHARSET on that ADR
  });

  it('reads a vCard 4.0 file (PREF=n, TYPE lists, tel: URIs, UTF-8 names)', () => {
    const r = parseVCards(fixture('vcard-4.0.vcf'));
    expect(r.errors).toEqual([]);
    expect(r.cards).toHaveLength(2);
    expect(r.cards[0].contact).toEqual({
      name: 'Zoë Ångström',
      title: 'Head of Design',
      company: 'Nordlys AB',
      emails: ['zoe.angstrom@nordlys.example', 'design@nordlys.example', 'zoe@personal.example'],
      phones: ['+46-70-123-45-67', '+46-8-555-010;ext=12'],
      addresses: [{ lines: 'Sveavägen 44', city: 'Stockholm', region: null, postalCode: '111 34', country: 'Sweden', type: 'work' }],
      url: 'https://nordlys.example/team/zoe',
      note: 'Met at Öresund Design Week, Malmö. Prefers email; mentioned a portfolio review: bring the Ångström case study.',
    });
    expect(r.cards[1].contact).toEqual({
      name: '李小龙',
      title: '招聘经理',
      company: '龙科技有限公司',
      emails: ['xiaolong.li@longtech.example'],
      phones: ['+86 10 5555 0100'],
      addresses: [{ lines: '朝阳区建国路88号', city: '北京', region: '北京市', postalCode: '100022', country: '中国', type: 'work' }],
      url: null,
      note: 'Speaks English and Mandarin.\nFollow-up call agreed for Friday (北京时间 10:00).',
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
    expect(r.cards[0].contact.phones).toEqual(['010-5555-0100']);
  });
});

const full: VCardExportContact = {
  name: 'Zoë Ångström-李',
  title: 'Head of Design, Platform; EMEA',
  company: 'Nordlys AB; Design, Research',
  email: 'zoe.angstrom@nordlys.example',
  phone: '+46 (70) 123-45-67, ext. 12',
  addressLines: 'Sveavägen 44\nc/o Nordlys; 3rd floor',
  city: 'Stockholm, Norrmalm',
  region: 'Stockholms län',
  postalCode: '111 34',
  country: 'Sverige',
  url: 'https://nordlys.example/team?who=zoe,ada;lang=sv',
  notes: 'First line, with a comma; and a semicolon.\nSecond line: back\\slash and "quotes".\r\nThird line 李小龙 🎉',
};

function expectedContact(c: VCardExportContact) {
  return {
    name: c.name,
    title: c.title ?? null,
    company: c.company ?? null,
    emails: c.email ? [c.email] : [],
    phones: c.phone ? [c.phone] : [],
    addresses: c.city
      ? [{ lines: c.addressLines ?? null, city: c.city, region: c.region ?? null, postalCode: c.postalCode ?? null, country: c.country ?? null, type: null }]
      : [],
    url: c.url ?? null,
    note: c.notes ? c.notes.replace(/\r\n/g, '\n') : null,
  };
}

describe('toVCard', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`round-trips every field through vCard ${version}`, () => {
      const minimal: VCardExportContact = { name: 'Marcus O\'Neil', email: 'marcus@recruit.example' };
      const text = toVCard([full, minimal], version);
      expect(text).toMatch(new RegExp(`^BEGIN:VCARD\r\nVERSION:${version.replace('.', '\\.')}\r\n`));
      expect(text.endsWith('END:VCARD\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only
      const r = parseVCards(text);
      expect(r.errors).toEqual([]);
      expect(r.cards.map((c) => c.contact)).toEqual([expectedContact(full), expectedContact(minimal)]);
      expect(r.cards.flatMap((c) => c.warnings)).toEqual([]);
    });
  }

  it('accepts a single contact and escapes text values', () => {
    const text = toVCard({ name: 'Doe, Jane', notes: 'a;b,c\\d\ne' });
    expect(text).toContain('FN:Doe\\, Jane\r\n');
    expect(text).toContain('NOTE:a\\;b\\,c\\\\d\\ne\r\n');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const notes = 'Zoë Ångström 李小龙 🎉 '.repeat(20);
    const text = toVCard([{ ...full, notes }], '4.0');
    const physical = text.split('\r\n').slice(0, -1);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$/); // no surrogate pair cut in half
      expect(line).not.toMatch(/^ ?[\uDC00-\uDFFF]/);
      expect(line).not.toContain('\uFFFD');
    }
    expect(parseVCards(text).cards[0].contact.note).toBe(notes);
  });

  it('foldContentLine packs lines to exactly the limit where possible', () => {
    const folded = foldContentLine('x'.repeat(75 + 74 + 10));
    expect(folded.split('\r\n').map((l) => l.length)).toEqual([75, 75, 11]);
    // 'é' is two octets: 37 of them fill 74 octets, the 38th would exceed 75
    expect(foldContentLine('é'.repeat(40)).split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([74, 7]);
    expect(foldContentLine('short')).toBe('short');
  });
});
