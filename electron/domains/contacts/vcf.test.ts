// vCard import and export through the API, on a real database: the real exports of other address
// books import with every kept field and a warning for each dropped property, and importing our
// own export back into the same contacts changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';
import { missingTool, runPython } from '../../testing/external';
import { VOBJECT_DUMP, type VoProp } from '../../formats/vcard/vobject-dump';

const THIRD_PARTY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'formats', 'vcard', 'fixtures', 'third-party');
const NOW = Date.UTC(2026, 2, 10, 15, 0);

let core: TestCore;
afterEach(() => core?.close());

describe('vCard import of real exports', () => {
  it('imports every third-party fixture without a card error or a field error', async () => {
    core = await testCore({ now: NOW });
    const files = readdirSync(THIRD_PARTY).filter((f) => f.endsWith('.vcf'));
    expect(files).toHaveLength(8);
    for (const f of files) {
      const preview = await core.api('contacts.importPreview', { text: readFileSync(join(THIRD_PARTY, f), 'utf8') });
      expect(preview.fileErrors, f).toEqual([]);
      expect(
        preview.cards.filter((c) => c.error || Object.keys(c.fieldErrors).length),
        f,
      ).toEqual([]);
    }
  });

  it('keeps what the iPhone card holds: every channel with its label, extras in labelled notes, and names what it drops', async () => {
    core = await testCore({ now: NOW });
    const preview = await core.api('contacts.importPreview', { text: readFileSync(join(THIRD_PARTY, 'John_Doe_IPHONE.vcf'), 'utf8') });
    const [card] = preview.cards;
    expect(card.contact).toMatchObject({
      name: 'John Doe',
      givenName: 'John',
      familyName: 'Doe',
      nameOrder: 'given_first',
      company: 'IBM',
      title: 'Money Counter',
      emails: [{ address: 'john.doe@ibm.com', label: 'other', isPrimary: true }],
      phones: [
        { number: '905-555-1234', label: 'mobile', isPrimary: true },
        { number: '905-666-1234', label: 'home', isPrimary: false },
        { number: '905-777-1234', label: 'work', isPrimary: false },
        { number: '905-222-1234', label: 'other', isPrimary: false },
      ],
      addresses: [
        { lines: 'Silicon Alley 5', city: 'New York', region: 'New York', postalCode: '12345', country: 'United States of America', label: 'home', isPrimary: true },
        { lines: 'Street4\nBuilding 6\nFloor 8', city: 'New York', region: null, postalCode: '12345', country: 'USA', label: 'work', isPrimary: false },
      ],
      url: 'http://www.ibm.com',
      metHow: null,
    });
    expect(card.contact!.notes).toBe(
      [
        'Name on the card: Mr. John Richter James Doe Sr.',
        'Department: Accounting',
        'Birthday: 2012-06-06',
        'Nickname: Johny',
        'Fax and pager: 905-888-1234 (home fax), 905-999-1234 (work fax), 905-111-1234 (pager)',
      ].join('\n'),
    );
    expect(card.warnings).toEqual([
      'PHOTO not imported',
      'Name saved as “John Doe” from its parts; the card’s full name “Mr. John Richter James Doe Sr.” is kept in notes',
      'Label “AssistantPhone” of 905-222-1234 saved as other',
      'Kept in notes: the department, the birthday, 3 fax or pager numbers, and nickname',
    ]);
    expect(card.fieldErrors).toEqual({});
    expect(await core.api('contacts.importCommit', { cards: [{ contact: card.contact!, action: 'create' }] })).toEqual({ created: 1, merged: 0, skipped: 0 });
    const saved = await core.api('contacts.get', { id: (await core.api('contacts.list', {})).items[0].id });
    expect(saved).toMatchObject({ name: 'John Doe', givenName: 'John', familyName: 'Doe', email: 'john.doe@ibm.com', phone: '905-555-1234', city: 'New York' });
    expect(saved.phones.map((p) => `${p.number} ${p.label}${p.isPrimary ? ' primary' : ''}`)).toEqual([
      '905-555-1234 mobile primary',
      '905-666-1234 home',
      '905-777-1234 work',
      '905-222-1234 other',
    ]);
  });

  it('keeps a full name whole when N holds only one part of it', async () => {
    core = await testCore({ now: NOW });
    const text = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Initech Talent Team', 'N:Initech;;;;', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:Cher', 'N:;Cher;;;', 'END:VCARD', ''].join('\r\n');
    const cards = (await core.api('contacts.importPreview', { text })).cards;
    expect(cards.map((c) => [c.contact!.name, c.contact!.givenName, c.contact!.familyName, c.warnings])).toEqual([
      ['Initech Talent Team', null, null, []],
      ['Cher', 'Cher', null, []],
    ]);
  });

  it('keeps a CJK name family first, as the card has it', async () => {
    core = await testCore({ now: NOW });
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\nEMAIL;TYPE=INTERNET,WORK:taro@example.jp\r\nEND:VCARD\r\n';
    const [card] = (await core.api('contacts.importPreview', { text })).cards;
    expect(card.contact).toMatchObject({ name: '山田 太郎', givenName: '太郎', familyName: '山田', nameOrder: 'family_first' });
    expect(card.warnings).toEqual([]);
    await core.api('contacts.importCommit', { cards: [{ contact: card.contact!, action: 'create' }] });
    const out = await core.api('contacts.exportVcf', {});
    expect(out.content).toContain('\r\nFN:山田 太郎\r\nN:山田;太郎;;;\r\n');
  });
});

describe('vCard export → import-merge → export', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`changes nothing when our own ${version} export is merged back (no doubled notes or how-we-met)`, async () => {
      core = await testCore({ now: NOW });
      await core.api('contacts.create', {
        givenName: 'Chloé',
        familyName: 'Martin',
        title: 'Directrice, Design',
        company: 'Atelier Martin',
        emails: [
          { address: 'chloe.perso@example.fr', label: 'home' },
          { address: 'chloe@atelier.example', label: 'work', isPrimary: true },
          { address: 'c.martin@other.example', label: 'other' },
        ],
        phones: [
          { number: '+33 4 72 00 00 00', label: 'work' },
          { number: '+33 6 00 00 00 00', label: 'mobile', isPrimary: true },
          { number: '+33 4 72 00 00 01', label: 'home' },
        ],
        addresses: [
          { lines: '3 rue Haute\nBâtiment B', city: 'Lyon', postalCode: '69001', country: 'France', label: 'work' },
          { lines: '8 quai Saint-Vincent', city: 'Lyon', postalCode: '69001', country: 'France', label: 'home' },
        ],
        url: 'https://atelier.example/équipe?a=1,b=2',
        metHow: 'Design week panel; then coffee',
        notes: 'Line one\nLine two, with a comma; and a semicolon',
      });
      await core.api('contacts.create', { name: '山田 太郎', email: 'taro@example.jp', metHow: 'Tokyo meetup' });
      await core.api('contacts.create', { name: 'Ben Okafor' });
      const first = await core.api('contacts.exportVcf', { version });

      const preview = await core.api('contacts.importPreview', { text: first.content });
      expect(preview.cards.map((c) => [c.suggested, c.warnings])).toEqual([
        ['merge', []],
        ['merge', []],
        ['merge', []],
      ]);
      const r = await core.api('contacts.importCommit', {
        cards: preview.cards.map((c) => ({ contact: c.contact!, action: c.suggested, targetId: c.duplicate?.id })),
      });
      expect(r).toEqual({ created: 0, merged: 3, skipped: 0 });

      const second = await core.api('contacts.exportVcf', { version });
      expect(second.content).toBe(first.content);
      const chloe = (await core.api('contacts.list', { search: 'chloe' })).items[0];
      const saved = await core.api('contacts.get', { id: chloe.id });
      expect(saved.notes).toBe('Line one\nLine two, with a comma; and a semicolon');
      expect(saved.metHow).toBe('Design week panel; then coffee');
      expect(saved.emails.map((e) => `${e.address} ${e.label}${e.isPrimary ? ' primary' : ''}`)).toEqual([
        'chloe@atelier.example work primary',
        'chloe.perso@example.fr home',
        'c.martin@other.example other',
      ]);
      expect(saved.phones).toHaveLength(3);
      expect(saved.addresses.map((a) => a.label)).toEqual(['work', 'home']);
      expect(first.content).toContain('\r\nN:山田;太郎;;;\r\n');

      // Software nobody here wrote reads the same export: names, every channel with its type, X- fields.
      if (missingTool('vobject')) return;
      const cards = JSON.parse(runPython(VOBJECT_DUMP, first.content)) as VoProp[][];
      const card = cards.find((c) => c.some((p) => p.name === 'FN' && p.value === 'Chloé Martin'))!;
      const values = (name: string) =>
        card.filter((p) => p.name === name).map((p) => `${JSON.stringify(p.value)} ${[...(p.params.TYPE ?? []).filter((t) => t !== 'internet' && t !== 'voice'), ...(p.params.PREF ? ['pref'] : [])].join(',')}`.trim());
      expect(values('N')).toEqual(['{"family":"Martin","given":"Chloé","additional":"","prefix":"","suffix":""}']);
      expect(values('ORG')).toEqual(['["Atelier Martin"]']);
      expect(values('EMAIL')).toEqual(['"chloe@atelier.example" work,pref', '"chloe.perso@example.fr" home', '"c.martin@other.example"']);
      expect(values('TEL')).toEqual(['"+33 6 00 00 00 00" cell,pref', '"+33 4 72 00 00 00" work', '"+33 4 72 00 00 01" home']);
      expect(card.filter((p) => p.name === 'ADR').map((p) => (p.value as { street: string }).street)).toEqual(['3 rue Haute\nBâtiment B', '8 quai Saint-Vincent']);
      expect(values('URL')).toEqual(['"https://atelier.example/équipe?a=1,b=2"']);
      expect(values('X-COURTESY-MET-HOW')).toEqual(['"Design week panel; then coffee"']);
      expect(values('NOTE')).toEqual(['"Line one\\nLine two, with a comma; and a semicolon"']);
    });
  }
});
