import { describe, expect, it } from 'vitest';
import { midUrl } from '../shared/replies';
import { allowsPermission, isAppUrl, safeExternalUrl } from './security';

describe('navigation and external links', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://courtesy/')).toBe(true);
    expect(isAppUrl('app://courtesy/index.html#/pipeline')).toBe(true);
    for (const bad of ['app://courtesy.evil.com/', 'app://evil/', 'https://courtesy/', 'app://user@courtesy/', 'file:///etc/passwd', 'javascript:alert(1)', '']) {
      expect(isAppUrl(bad), bad).toBe(false);
    }
  });
  it("opens a reply's mid: link only when it is one well-formed Message-ID", () => {
    const url = midUrl('<CAF=x+y/z@mail.gmail.com>');
    expect(url).toBe('mid:CAF%3Dx%2By%2Fz%40mail.gmail.com');
    expect(safeExternalUrl(url)).toBe(url);
    expect(safeExternalUrl('mid:r1@northwind.test')).toBe('mid:r1@northwind.test');
    for (const bad of ['mid:', 'mid:no-at-sign', 'mid:a%40b%40c', 'mid:a@b/part', 'mid:a%20b@c', 'mid:%3Ca@b%3E', 'mid:a@b%0Ax', 'mid:a@b%zz', 'mid:a@b?x=1', 'mid://a@b']) {
      expect(safeExternalUrl(bad), bad).toBeNull();
    }
  });
  it('allows only desktop notices, and only to the app itself', () => {
    expect(allowsPermission('notifications', 'app://courtesy/index.html#/today')).toBe(true);
    expect(allowsPermission('notifications', 'app://courtesy')).toBe(true);
    for (const [p, url] of [['notifications', 'https://evil.example/'], ['notifications', 'app://evil/'], ['media', 'app://courtesy/'], ['geolocation', 'app://courtesy/'], ['clipboard-read', 'app://courtesy/'], ['notifications', '']]) {
      expect(allowsPermission(p, url), `${p} ${url}`).toBe(false);
    }
  });
  it('opens only http(s) and mailto externally', () => {
    expect(safeExternalUrl('https://example.com/jobs?id=1')).toBe('https://example.com/jobs?id=1');
    expect(safeExternalUrl('mailto:dana@example.com?subject=Thanks')).toMatch(/^mailto:/);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://share', 'https://user:pw@example.com', 'http://', 'data:text/html,hi', 'vbscript:x']) {
      expect(safeExternalUrl(bad), bad).toBeNull();
    }
  });
});
