// Text in = text out: what poppler's pdftotext (software nobody here wrote) extracts from the printed
// PDFs is exactly what was typed, in every script the shipped fonts cover.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { missingTool, pdfToText } from '../../testing/external';
import { cardTextPdf, envelopePdf, type PostalAddress } from './pdf';
import { fontLibrary } from './font-files';
import { Typesetter } from './fonts';

const fonts = fontLibrary(path.resolve(__dirname, '../../../resources/fonts'));
const skip = missingTool('pdftotext');
// -raw: in drawing order; pdftotext's layout analysis splits a line where the emoji font's metrics change.
const lines = (pdf: Uint8Array) =>
  pdfToText(pdf, '-raw')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const HOME: PostalAddress = { name: 'Alex Kim', lines: '9 Elm Street', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' };

describe.skipIf(skip)('pdftotext reads back what was typed', () => {
  const envelopes: Array<[string, PostalAddress, string[]]> = [
    [
      'Polish',
      { name: 'Łucja Żółkiewska-Śliwińska', lines: 'ul. Świętokrzyska 31/33', city: 'Kraków', region: null, postalCode: '00-049', country: 'Polska' },
      ['Łucja Żółkiewska-Śliwińska', 'ul. Świętokrzyska 31/33', '00-049 Kraków', 'POLAND'],
    ],
    [
      'Greek',
      { name: 'Γιώργος Παπαδόπουλος', lines: 'Οδός Ερμού 15', city: 'Αθήνα', region: null, postalCode: '105 63', country: 'GR' },
      ['Γιώργος Παπαδόπουλος', 'Οδός Ερμού 15', '105 63 Αθήνα', 'GREECE'],
    ],
    [
      'Cyrillic',
      { name: 'Анна Иванова', lines: 'ул. Тверская, д. 7, кв. 12', city: 'Москва', region: null, postalCode: '125009', country: 'Россия' },
      ['Анна Иванова', 'ул. Тверская, д. 7, кв. 12', 'Москва', '125009', 'RUSSIA'],
    ],
    [
      'Japanese',
      { name: '山田 太郎', lines: '丸の内1-1-1', city: '千代田区', region: '東京都', postalCode: '100-0005', country: 'Japan' },
      ['〒100-0005', '東京都千代田区', '丸の内1-1-1', '山田 太郎', 'JAPAN'],
    ],
    [
      'Chinese',
      { name: '王小明', lines: '建国路88号', city: '北京市', region: '朝阳区', postalCode: '100022', country: 'China' },
      ['100022', '朝阳区', '北京市', '建国路88号', '王小明', 'CHINA'],
    ],
    [
      'Korean',
      { name: '김민준', lines: '세종대로 110', city: '서울특별시', region: '중구', postalCode: '04524', country: 'KR' },
      ['김민준', '중구 서울특별시 세종대로 110', '04524', 'SOUTH KOREA'],
    ],
  ];

  it.each(envelopes)('%s envelope', async (_script, to, expected) => {
    const { pdf, replacedCharacters } = await envelopePdf({ from: HOME, to, size: 'no10', fonts });
    expect(replacedCharacters).toEqual([]);
    const got = lines(pdf);
    // Mail abroad: the return address ends with the country of origin.
    expect(got.slice(0, 4)).toEqual(['Alex Kim', '9 Elm Street', 'Portland, OR 97201', 'UNITED STATES']);
    expect(got.slice(4)).toEqual(expected);
  });

  it('card text in every covered script, with emoji, extracts exactly', async () => {
    const body = [
      'Dziękuję bardzo! Zażółć gęślą jaźń.',
      'Ευχαριστώ πολύ για τη συνάντηση.',
      'Спасибо за интересную беседу.',
      'ありがとうございました。山田 太郎',
      '非常感谢您的时间。',
      '시간 내주셔서 감사합니다.',
      'Thanks 😀 🎉 👍🏽 ❤️ 👩‍💻 🇯🇵',
      '— “quotes” €5 Tiếng Việt',
    ];
    const { pdf, replacedCharacters } = await cardTextPdf({ recipientName: 'Łucja Żak', body: body.join('\n'), fonts });
    expect(replacedCharacters).toEqual([]);
    const got = lines(pdf);
    expect(got[0]).toBe('Card for Łucja Żak');
    for (const l of body) expect(got, JSON.stringify(got)).toContain(l);
  });

  it('draws ink for every glyph, not only text for extraction', async () => {
    // A glyph can extract right and draw nothing (a broken subset): poppler rasterises each sample alone.
    const samples = ['😀', '👍🏽', '🎉', '山田', '谢', '감', 'Ł', 'Ω', 'Ж', 'ặ', 'דנה', 'ليلى', 'لا'];
    const doc = await PDFDocument.create();
    const ts = new Typesetter(doc, fonts, { cjk: 'ja' });
    for (const sample of samples) ts.draw(doc.addPage([60, 40]), await ts.prepare(sample), { x: 10, y: 12, size: 20 });
    const pgm = execFileSync('/usr/bin/pdftoppm', ['-gray', '-r', '72', '-'], { input: await doc.save(), maxBuffer: 1 << 24 });
    // pdftoppm writes one binary PGM per page, back to back: "P5\n60 40\n255\n" then the pixels.
    const inked: number[] = [];
    for (let at = 0; at < pgm.length; ) {
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(at, at + 30).toString('latin1'))!;
      const start = at + header[0].length;
      const size = Number(header[1]) * Number(header[2]);
      inked.push(pgm.subarray(start, start + size).filter((v) => v < 128).length);
      at = start + size;
    }
    expect(inked).toHaveLength(samples.length);
    samples.forEach((sample, i) => expect(inked[i], sample).toBeGreaterThan(10));
  });
});
