import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { buildEml } from './eml';

const DATE = new Date('2025-03-04T05:06:07Z');

function headerBlock(raw: Buffer): string {
  const s = raw.toString('latin1');
  return s.slice(0, s.indexOf('\r\n\r\n'));
}

describe('buildEml', () => {
  const longLine = Array.from({ length: 260 }, (_, i) => `word${i}`).join(' '); // ~1,900 chars, one line
  const body = [
    'Dear Zoë,',
    '',
    'Thank you for the conversation about the data platform migration — it was a pleasure. 🙏',
    longLine,
    '',
    '  Indented line with trailing spaces   ',
    'Ångström, naïve café, 日本語, ½ € “quotes”',
    '.',
    'From the team,',
    'Sam',
  ].join('\n');

  it('round-trips through a real MIME parser', async () => {
    const raw = await buildEml({
      from: { name: 'Zoë Ångström', email: 'zoe@example.com' },
      to: { name: 'Dana Lee-Øster', email: 'dana@example.org' },
      subject: 'Thank you — merci 🙏 für das Gespräch',
      body,
      date: DATE,
    });
    const mail = await PostalMime.parse(raw);

    expect(mail.from).toEqual({ name: 'Zoë Ångström', address: 'zoe@example.com' });
    expect(mail.to).toEqual([{ name: 'Dana Lee-Øster', address: 'dana@example.org' }]);
    expect(mail.subject).toBe('Thank you — merci 🙏 für das Gespräch');
    // A final line break is added when the body lacks one; everything else comes back unchanged.
    expect(mail.text).toBe(`${body}\n`);
    expect(mail.date).toBe(DATE.toISOString());
    expect(mail.html).toBeUndefined();
    expect(mail.attachments).toEqual([]);
    expect(mail.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
    expect(mail.headers.some((h) => h.key === 'bcc')).toBe(false);
  });

  it('writes a valid RFC 5322 message: CRLF, ASCII-only headers, lines of at most 998 octets, UTF-8 text', async () => {
    const raw = await buildEml({
      from: { name: 'Zoë Ångström', email: 'zoe@example.com' },
      to: { name: 'Dana Lee', email: 'dana@example.org' },
      subject: 'Gespräch 🙏',
      body,
      date: DATE,
    });
    const text = raw.toString('latin1');
    expect(text).not.toMatch(/[^\r]\n/); // no bare LF
    expect(text).not.toMatch(/\r(?!\n)/); // no bare CR
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect([...raw].every((b) => b < 0x80)).toBe(true); // the whole file is 7-bit: non-ASCII is encoded

    const headers = headerBlock(raw);
    expect(headers).toMatch(/^X-Unsent: 1$/m);
    expect(headers).toMatch(/^Date: Tue, 04 Mar 2025 05:06:07 \+0000$/m);
    expect(headers).toMatch(/^MIME-Version: 1\.0$/m);
    expect(headers).toMatch(/^Content-Type: text\/plain; charset=utf-8$/im);
    expect(headers).toMatch(/^Content-Transfer-Encoding: (quoted-printable|base64)$/m);
    expect(headers).toMatch(/^Message-ID: <[^>\s]+@example\.com>$/m);
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers).not.toMatch(/^X-Mailer:/im);
  });

  it('keeps a body that already ends with a line break exactly, and a plain ASCII body readable as is', async () => {
    const plain = 'Hi Dana,\n\nThanks again.\n\nSam\n';
    const raw = await buildEml({ to: { name: 'Dana Lee', email: 'dana@example.org' }, subject: 'Thanks', body: plain, date: DATE });
    expect((await PostalMime.parse(raw)).text).toBe(plain);
    expect(headerBlock(raw)).toMatch(/^Content-Transfer-Encoding: 7bit$/m);
    expect(raw.toString('latin1')).toContain('\r\n\r\nHi Dana,\r\n\r\nThanks again.\r\n');
  });

  it('omits From when there is no sender address, and uses a given Message-ID', async () => {
    for (const from of [undefined, null, { name: 'Sam', email: null }]) {
      const raw = await buildEml({
        from,
        to: { name: null, email: 'dana@example.org' },
        subject: 'Hi',
        body: 'Hello',
        date: DATE,
        messageId: 'note-42@courtesy.local',
      });
      const mail = await PostalMime.parse(raw);
      expect(mail.from).toBeUndefined();
      expect(mail.to).toEqual([{ name: '', address: 'dana@example.org' }]);
      expect(mail.messageId).toBe('<note-42@courtesy.local>');
    }
  });

  it('cannot be tricked into extra headers by line breaks in names or the subject', async () => {
    const raw = await buildEml({
      from: { name: 'Sam\r\nBcc: evil@example.com', email: 'sam@example.com' },
      to: { name: 'Dana\nBcc: evil@example.com', email: 'dana@example.org' },
      subject: 'Hi\r\nBcc: evil@example.com',
      body: 'Hello',
      date: DATE,
      messageId: '<id@x>\r\nBcc: evil@example.com',
    });
    const headers = headerBlock(raw);
    expect(headers).not.toMatch(/^Bcc:/im);
    const mail = await PostalMime.parse(raw);
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe('Hi Bcc: evil@example.com');
    expect(mail.to).toEqual([{ name: 'Dana Bcc: evil@example.com', address: 'dana@example.org' }]);
  });
});
