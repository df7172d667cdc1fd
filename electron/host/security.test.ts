import { describe, expect, it } from 'vitest';
import { isAppUrl, safeExternalUrl } from './security';

describe('navigation and external links', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://courtesy/')).toBe(true);
    expect(isAppUrl('app://courtesy/index.html#/pipeline')).toBe(true);
    for (const bad of ['app://courtesy.evil.com/', 'app://evil/', 'https://courtesy/', 'app://user@courtesy/', 'file:///etc/passwd', 'javascript:alert(1)', '']) {
      expect(isAppUrl(bad), bad).toBe(false);
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
