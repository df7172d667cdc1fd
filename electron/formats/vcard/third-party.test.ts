// Real exports from other address books (provenance in fixtures/third-party/README.md): each is
// imported whole, its fields come through, and the warnings name every property left behind.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseVCards, type VCardContact } from '.';

const raw = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'third-party', name), 'utf8');

function one(name: string): { contact: VCardContact; warnings: string[] } {
  const r = parseVCards(raw(name));
  expect(r.errors).toEqual([]);
  expect(r.cards).toHaveLength(1);
  return r.cards[0];
}

/** A channel as one readable string: `value (label[, pref n][, custom label])`. */
const ch = (c: { value: string; label: string; pref: number | null; customLabel: string | null }) =>
  `${c.value} (${[c.label, c.pref ? `pref ${c.pref}` : '', c.customLabel ?? ''].filter(Boolean).join(', ')})`;

const adr = (c: VCardContact) => c.addresses.map((a) => [a.lines, a.city, a.region, a.postalCode, a.country, a.label, a.pref].join(' | '));

describe('third-party vCards', () => {
  it('iPhone (iOS 5, CR CR LF line endings, folded PHOTO): the whole card comes through', () => {
    const text = raw('John_Doe_IPHONE.vcf');
    expect(text.startsWith('BEGIN:VCARD\r\r\nVERSION:3.0\r\r\n')).toBe(true); // the fixture really has CR CR LF
    const { contact: c, warnings } = one('John_Doe_IPHONE.vcf');
    expect(c).toMatchObject({
      version: '3.0',
      name: 'Mr. John Richter James Doe Sr.',
      n: { family: 'Doe', given: 'John', additional: 'Richter James', prefixes: 'Mr.', suffixes: 'Sr.' },
      nameOrder: 'given_first',
      org: { name: 'IBM', units: ['Accounting'] },
      title: 'Money Counter',
      urls: [{ value: 'http://www.ibm.com', customLabel: 'HomePage', pref: 1 }],
      birthday: '2012-06-06',
      extras: [{ property: 'NICKNAME', label: 'Nickname', value: 'Johny' }],
    });
    expect(c.emails.map(ch)).toEqual(['john.doe@ibm.com (other, pref 1)']);
    expect(c.phones.map(ch)).toEqual([
      '905-555-1234 (mobile, pref 1)',
      '905-666-1234 (home)',
      '905-777-1234 (work)',
      '905-888-1234 (home)',
      '905-999-1234 (work)',
      '905-111-1234 (other)',
      '905-222-1234 (other, AssistantPhone)',
    ]);
    expect(c.phones[3].types).toContain('fax');
    expect(adr(c)).toEqual([
      'Silicon Alley 5 | New York | New York | 12345 | United States of America | home | 1',
      'Street4\nBuilding 6\nFloor 8 | New York |  | 12345 | USA | work | ',
    ]);
    expect(warnings).toEqual(['PHOTO not imported']);
  });

  it('Apple Mac Address Book (unindented-looking PHOTO, X-ABUID, phonetic names)', () => {
    const { contact: c, warnings } = one('John_Doe_MAC_ADDRESS_BOOK.vcf');
    expect(c).toMatchObject({ name: 'Mr. John Richter,James Doe Sr.', org: { name: 'IBM', units: ['Accounting'] }, birthday: '2012-06-06' });
    expect(c.emails.map(ch)).toEqual(['john.doe@ibm.com (work, pref 1)']);
    expect(c.phones.map(ch)[0]).toBe('905-777-1234 (work, pref 1)');
    expect(c.notes).toHaveLength(1);
    expect(warnings).toEqual(['X-PHONETIC-FIRST-NAME ignored', 'X-PHONETIC-LAST-NAME ignored', 'PHOTO not imported', 'X-ABRELATEDNAMES ignored', 'X-ABUID ignored']);
  });

  it('Google Contacts (Gmail export: whole address in one component, Apple-style extras)', () => {
    const { contact: c, warnings } = one('John_Doe_GMAIL.vcf');
    expect(c).toMatchObject({
      name: 'Mr. John Richter, James Doe Sr.',
      n: { family: 'Doe', given: 'John', additional: 'Richter, James' },
      org: { name: 'IBM', units: [] },
      title: 'Money Counter',
      birthday: '1980-03-22',
      urls: [{ value: 'http://www.ibm.com', types: ['work'] }],
    });
    expect(c.emails.map(ch)).toEqual(['john.doe@ibm.com (home)']);
    expect(c.phones.map(ch)).toEqual(['905-555-1234 (mobile)', '905-666-1234 (home)']);
    expect(adr(c)).toEqual(['Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\nUnited States of America |  |  |  |  | home | ']);
    expect(c.notes[0]).toMatch(/^THIS SOFTWARE IS PROVIDED .* CONTRIBUTORS "AS IS" AND .*\nFavotire Color: Blue$/s); // Google's \" escapes
    expect(warnings).toEqual(['X-PHONETIC-FIRST-NAME ignored', 'X-PHONETIC-LAST-NAME ignored', 'X-ABDATE ignored', 'X-ABRELATEDNAMES ignored']);
  });

  it('Outlook (2.1: LANGUAGE parameter, ROLE, BDAY in basic format, LABEL next to ADR)', () => {
    const { contact: c, warnings } = one('John_Doe_MS_OUTLOOK.vcf');
    expect(c).toMatchObject({
      version: '2.1',
      name: 'Mr. John Richter James Doe Sr.',
      n: { family: 'Doe', given: 'John', additional: 'Richter,James' }, // 2.1: the comma is literal
      org: { name: 'IBM', units: ['Accounting'] },
      birthday: '1980-03-22',
      extras: [
        { property: 'NICKNAME', label: 'Nickname', value: 'Johny' },
        { property: 'ROLE', label: 'Role', value: 'Counting Money' },
      ],
    });
    expect(c.emails.map(ch)).toEqual(['john.doe@ibm.cm (other, pref 1)']);
    expect(c.phones.map(ch)).toEqual(['(905) 555-1234 (work)', '(905) 666-1234 (home)']);
    expect(adr(c)).toEqual([
      'Cresent moon drive | Albaney | New York | 12345 | United States of America | work | 1',
      'Silicon Alley 5, | New York | New York | 12345 | United States of America | home | ',
    ]);
    expect(warnings).toEqual([
      'LABEL not imported (2 lines; the address is read from ADR)',
      'X-MS-OL-DEFAULT-POSTAL-ADDRESS ignored',
      'X-MS-ANNIVERSARY ignored',
      'X-MS-IMADDRESS ignored',
      'PHOTO not imported',
      'X-MS-OL-DESIGN ignored',
      'X-MS-MANAGER ignored',
      'X-MS-ASSISTANT ignored',
    ]);
  });

  it('Outlook 2007 (QUOTED-PRINTABLE note with us-ascii CHARSET, empty KEY and PHOTO blocks)', () => {
    const { contact: c, warnings } = one('outlook-2007.vcf');
    expect(c).toMatchObject({ name: 'Mr. Michael Angstadt Jr.', org: { name: 'TheCompany', units: ['TheDepartment'] }, title: 'TheJobTitle', birthday: '1922-03-10' });
    expect(c.notes[0]).toMatch(/^This is the NOTE field\t\nI assume it encodes .*\nIt does not preserve the formatting$/s);
    expect(c.phones.map(ch)).toEqual(['(111) 555-1111 (work)', '(111) 555-2222 (home)', '(111) 555-4444 (mobile)', '(111) 555-3333 (work)']);
    expect(adr(c)).toEqual(['222 Broadway\nTheOffice | New York | NY | 99999 | USA | work | 1']);
    expect(c.urls.map((u) => u.value)).toEqual(['http://mikeangstadt.name']); // HOME and WORK give the same link
    expect(warnings).toContain('KEY not imported');
    expect(warnings).toContain('FBURL not imported');
    expect(warnings).toContain('X-MS-SPOUSE ignored');
  });

  it('Android (2.1, several cards, QUOTED-PRINTABLE names, two ORG lines, bare-domain URL)', () => {
    const r = parseVCards(raw('John_Doe_ANDROID.vcf'));
    expect(r.errors).toEqual([]);
    expect(r.cards.map((c) => c.contact.name)).toEqual(['John Doe', 'Jane Doe', 'Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ', 'Ñ Ñ Ñ Ñ', 'ÑÑÑÑ']);
    expect(r.cards[0].warnings).toEqual(['No name; used "John Doe" from the e-mail address', 'CATEGORIES not imported']);
    const bob = r.cards[4];
    expect(bob.contact.emails.map(ch)).toEqual(['bob@company.com (work, pref 1)', 'ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ (other, pref 1)']);
    // the same number again as work and as work fax is one phone, kept with its preferred label
    expect(bob.contact.phones.map(ch)).toEqual(['123456 (mobile, pref 1)']);
    expect(bob.contact.urls.map((u) => u.value)).toEqual(['www.company.com', 'http://www.company.com']);
    expect(bob.warnings).toEqual(['1 more ORG not imported: ÑÑÑÑÑÑÑÑÑÑÑÑ', 'PHOTO not imported']);
    expect(r.cards[3].contact.notes).toHaveLength(2);
  });

  it('Thunderbird (MoreFunctionsForAddressBook: TYPE lists, five emails, two URLs)', () => {
    const { contact: c, warnings } = one('thunderbird-MoreFunctionsForAddressBook-extension.vcf');
    expect(c).toMatchObject({
      name: 'John Doe',
      n: { family: 'Doe', given: 'John' },
      org: { name: 'TheOrganization', units: ['TheDepartment'] },
      title: 'TheTitle',
      birthday: '1970-09-21',
      urls: [{ value: 'http://www.private-webpage.com', types: ['home'] }, { value: 'http://www.work-webpage.com', types: ['work'] }],
    });
    expect(c.emails.map(ch)).toEqual([
      'doe.john@hotmail.com (other, pref 1)',
      'additional-email@company.com (other)',
      'additional-email1@company.com (other)',
      'additional-email2@company.com (other)',
      'additional-email3@company.com (other)',
    ]);
    expect(c.phones.map(ch)).toEqual(['555-555-1111 (work)', '555-555-2222 (home)', '555-555-5555 (mobile)', '555-555-3333 (other)', '555-555-4444 (other)']);
    expect(adr(c)).toEqual(['Suite 100\n222 Broadway | New York | NY | 98765 | USA | work | ', 'Apt 10\n123 Main St | Austin | TX | 12345 | USA | home | ']);
    expect(c.notes).toEqual(['This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the "note" field; even curse words.']);
    expect(warnings).toEqual(['CATEGORIES not imported', 'X-SPOUSE ignored', 'X-ANNIVERSARY ignored', 'PHOTO not imported']);
  });

  it('Evolution (CouchDB UUID parameters, three-level ORG, PO box)', () => {
    const { contact: c, warnings } = one('John_Doe_EVOLUTION.vcf');
    expect(c).toMatchObject({ name: 'Mr. John Richter, James Doe Sr.', org: { name: 'IBM', units: ['Accounting', 'Dungeon'] }, birthday: '1980-03-22', urls: [{ value: 'http://www.ibm.com' }] });
    expect(c.emails.map(ch)).toEqual(['john.doe@ibm.com (work)']);
    expect(c.phones.map(ch)).toEqual(['905-666-1234 (mobile)', '905-555-1234 (work)']);
    expect(adr(c)).toEqual(['15 Crescent moon drive\nASB-123 | Albaney | New York | 12345 | United States of America | home | ']);
    expect(warnings).toEqual([
      'X-COUCHDB-APPLICATION-ANNOTATIONS ignored',
      'X-AIM ignored',
      'UID not imported',
      'X-EVOLUTION-FILE-AS ignored',
      'X-EVOLUTION-SPOUSE ignored',
      'X-EVOLUTION-MANAGER ignored',
      'X-EVOLUTION-ASSISTANT ignored',
      'CATEGORIES not imported',
      'X-EVOLUTION-ANNIVERSARY ignored',
    ]);
  });
});
