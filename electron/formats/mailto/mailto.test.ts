import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { buildMailto, MAILTO_MAX_LENGTH } from './mailto';
import { safeExternalUrl } from '../../host/security';

function urlOf(r: ReturnType<typeof buildMailto>): string {
  if (!('url' in r)) throw new Error(`expected a url, got tooLong (${r.length})`);
  return r.url;
}

describe('buildMailto', () => {
  it('encodes subject and body per RFC 6068 and round-trips through a URL parser', () => {
    const subject = 'Thank you — 1+1=2 & more #1 ?';
    const body = 'Hi Zoë,\n\nThanks for today 🙏.\r\nBest,\rSam 100% sure';
    const url = urlOf(buildMailto({ to: 'dana.lee@example.com', subject, body }));

    expect(url.startsWith('mailto:dana.lee@example.com?')).toBe(true);
    expect(url).toContain('%0D%0A');
    expect(url).not.toMatch(/[\s+]/); // spaces are %20, never "+" (clients differ on "+")
    expect(url).not.toMatch(/[^\x21-\x7e]/); // ASCII only

    const parsed = new URL(url);
    expect(parsed.protocol).toBe('mailto:');
    expect(parsed.pathname).toBe('dana.lee@example.com');
    expect(parsed.searchParams.get('subject')).toBe(subject);
    expect(parsed.searchParams.get('body')).toBe('Hi Zoë,\r\n\r\nThanks for today 🙏.\r\nBest,\r\nSam 100% sure');
    expect([...parsed.searchParams.keys()]).toEqual(['subject', 'body']);
  });

  it('survives the shell.openExternal safety check unchanged', () => {
    const url = urlOf(buildMailto({ to: 'a@example.com', subject: 'Hello "there" <you>', body: "It's {ok} | `x` ^ ~" }));
    expect(safeExternalUrl(url)).toBe(url);
  });

  it('puts cc addresses first, deduplicated, comma-separated', () => {
    const url = urlOf(buildMailto({ to: 'a@example.com', subject: 'S', body: 'B', cc: ['b@example.com', ' c@example.org ', 'b@example.com', ''] }));
    expect(url).toBe('mailto:a@example.com?cc=b@example.com,c@example.org&subject=S&body=B');
  });

  it('folds line breaks in the subject into spaces', () => {
    const url = urlOf(buildMailto({ to: 'a@example.com', subject: 'One\r\nBcc: evil@example.com', body: '' }));
    expect(new URL(url).searchParams.get('subject')).toBe('One Bcc: evil@example.com');
    expect(url).not.toContain('body=');
  });

  it('allows an empty recipient and an empty message', () => {
    expect(urlOf(buildMailto({ to: '', subject: 'Hi', body: '' }))).toBe('mailto:?subject=Hi');
    expect(urlOf(buildMailto({ to: 'a@example.com', subject: '', body: '' }))).toBe('mailto:a@example.com');
  });

  it('encodes a non-ASCII address as UTF-8 and keeps "@" literal', () => {
    const url = urlOf(buildMailto({ to: 'zoë@exämple.com', subject: '', body: '' }));
    expect(url).toBe('mailto:zo%C3%AB@ex%C3%A4mple.com');
  });

  it.each([
    ['a@example.com?bcc=evil@example.com', 'query injection'],
    ['a@example.com&bcc=evil@example.com', 'parameter injection'],
    ['a@example.com\r\nBcc: evil@example.com', 'header injection'],
    ['a@example.com\nb@example.com', 'newline'],
    ['a@example.com,evil@example.com', 'list'],
    ['Dana <dana@example.com>', 'display name'],
    ['a@example.com#x', 'fragment'],
    ['a%40example.com', 'percent'],
    ['no-at-sign', 'no @'],
    ['a@b@example.com', 'two @'],
    ['@example.com', 'empty local part'],
    ['a@', 'empty domain'],
  ])('rejects %j (%s)', (to) => {
    expect(() => buildMailto({ to, subject: 'x', body: 'y' })).toThrow(AppError);
    try {
      buildMailto({ to, subject: 'x', body: 'y' });
    } catch (e) {
      expect((e as AppError).code).toBe('validation');
      expect((e as AppError).fields).toHaveProperty('to');
    }
  });

  it('rejects a bad cc address instead of dropping it', () => {
    expect(() => buildMailto({ to: 'a@example.com', subject: '', body: '', cc: ['b@example.com?x=1'] })).toThrow(/mail link/);
  });

  it('reports a URL over the limit with its length, and accepts one exactly at the limit', () => {
    const base = 'mailto:a@example.com?body='.length;
    const exact = buildMailto({ to: 'a@example.com', subject: '', body: 'x'.repeat(MAILTO_MAX_LENGTH - base) });
    expect(urlOf(exact)).toHaveLength(MAILTO_MAX_LENGTH);

    const over = buildMailto({ to: 'a@example.com', subject: '', body: 'x'.repeat(MAILTO_MAX_LENGTH - base + 1) });
    expect(over).toEqual({ tooLong: true, length: MAILTO_MAX_LENGTH + 1 });

    // The limit counts the encoded URL: 300 "é" are 1,800 encoded characters.
    const encoded = buildMailto({ to: 'a@example.com', subject: 'é'.repeat(300), body: 'é'.repeat(300) });
    expect('tooLong' in encoded && encoded.length).toBe('mailto:a@example.com?subject=&body='.length + 3600);
  });
});
