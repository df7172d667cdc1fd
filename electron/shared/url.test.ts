import { describe, expect, it } from 'vitest';
import { isHttpUrl, linkIn, normalizeUrl } from './url';

describe('one URL rule', () => {
  it.each([
    ['linkedin.com/in/x', 'https://linkedin.com/in/x', true],
    ['www.acme.example/jobs/12?ref=a', 'https://www.acme.example/jobs/12?ref=a', true],
    ['meet.google.com/abc-defg-hij', 'https://meet.google.com/abc-defg-hij', true],
    ['bücher.example/katalog', 'https://bücher.example/katalog', true],
    ['  https://acme.example/jobs  ', 'https://acme.example/jobs', false],
    ['http://intranet:8080/x', 'http://intranet:8080/x', false],
    ['javascript:alert(1)', 'javascript:alert(1)', false],
    ['mailto:dana@acme.example', 'mailto:dana@acme.example', false],
    ['not a link', 'not a link', false],
    ['v1.5', 'v1.5', false],
  ])('%s → %s', (raw, url, added) => {
    expect(normalizeUrl(raw)).toEqual({ url, added });
  });

  it('only http(s) counts as a web address afterwards', () => {
    expect(isHttpUrl(normalizeUrl('linkedin.com/in/x').url)).toBe(true);
    expect(isHttpUrl(normalizeUrl('javascript:alert(1)').url)).toBe(false);
    expect(isHttpUrl(normalizeUrl('not a link').url)).toBe(false);
  });

  it('finds the meeting link in a location, leaving the sentence around it', () => {
    expect(linkIn('Zoom: https://zoom.us/j/123?pwd=x (passcode 4.2)')).toEqual({ before: 'Zoom: ', text: 'https://zoom.us/j/123?pwd=x', url: 'https://zoom.us/j/123?pwd=x', after: ' (passcode 4.2)' });
    expect(linkIn('Video call at meet.google.com/abc-defg-hij.')).toEqual({ before: 'Video call at ', text: 'meet.google.com/abc-defg-hij', url: 'https://meet.google.com/abc-defg-hij', after: '.' });
    expect(linkIn('12 Elm St., Room 4.2, Boston')).toBeNull();
    expect(linkIn('javascript:alert(1)')).toBeNull();
  });
});
