// The envelope through the API, read back by poppler's pdftotext: a Japanese address prints as typed, in
// Japanese order, with the country line only when the card leaves another country.
import { afterEach, describe, expect, it } from 'vitest';
import { tx } from '../../db/sql';
import { missingTool, pdfToText } from '../../testing/external';
import { testCore, type TestCore } from '../../testing/core';
import { createNote } from './records';

let core: TestCore;
afterEach(() => core?.close());

async function envelopeLines(senderCountry: string) {
  core = await testCore({ now: Date.UTC(2026, 6, 1, 12) });
  await core.api('settings.update', { profile: { name: 'Alex Kim', addressLines: '9 Elm Street', city: 'Portland', region: 'OR', postalCode: '97201', country: senderCountry } });
  const { id: contactId } = await core.api('contacts.create', {
    familyName: '山田',
    givenName: '太郎',
    nameOrder: 'family_first',
    addressLines: '丸の内1-1-1',
    city: '千代田区',
    region: '東京都',
    postalCode: '100-0005',
    country: '日本',
  });
  const noteId = tx(core.ctx, () => createNote(core.ctx, { kind: 'thank_you', contactId, applicationId: null, interviewId: null, delivery: 'handwritten', dueAt: null }));
  const res = await core.api('print.envelope', { noteId, size: 'no10' });
  expect(res.replacedCharacters).toEqual([]);
  return pdfToText(Buffer.from(res.base64, 'base64'), '-raw')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

describe.skipIf(missingTool('pdftotext'))('print.envelope in Japanese', () => {
  it('from abroad: the recipient block in Japanese order, then JAPAN', async () => {
    expect(await envelopeLines('USA')).toEqual(['Alex Kim', '9 Elm Street', 'Portland, OR 97201', 'UNITED STATES', '〒100-0005', '東京都千代田区', '丸の内1-1-1', '山田 太郎', 'JAPAN']);
  });

  it('at home in Japan: no country line', async () => {
    const lines = await envelopeLines('Japan');
    expect(lines.slice(-4)).toEqual(['〒100-0005', '東京都千代田区', '丸の内1-1-1', '山田 太郎']);
  });
});
