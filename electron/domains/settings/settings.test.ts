import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';

let core: TestCore | undefined;
afterEach(async () => {
  core?.close();
  core = undefined;
});

/** Writes a stored value the way an older build or a hand edit might have left it. */
function store(c: TestCore, key: string, raw: string) {
  c.ctx.sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, raw);
}

describe('settings that no longer validate', () => {
  it('falls back per value, keeping every other choice', async () => {
    core = await testCore();
    await core.api('settings.update', { thankYouDueHours: 12, theme: 'dark', profile: { name: 'Maya Chen', email: 'maya@example.com' } });
    store(core, 'cardWordLimit', JSON.stringify(-5));
    store(core, 'defaultDelivery', '"carrier pigeon"');
    store(core, 'reconnectDays', '{not json');
    const s = await core.api('settings.get', {});
    expect(s.thankYouDueHours).toBe(12);
    expect(s.theme).toBe('dark');
    expect(s.profile.name).toBe('Maya Chen');
    expect(s.cardWordLimit).toBe(80);
    expect(s.defaultDelivery).toBe('email');
    expect(s.reconnectDays).toBe(90);
  });

  it('falls back per profile field', async () => {
    core = await testCore();
    await core.api('settings.update', { profile: { name: 'Maya Chen', city: 'Portland' } });
    store(core, 'profile', JSON.stringify({ name: 'Maya Chen', city: 'Portland', phone: 42 }));
    const s = await core.api('settings.get', {});
    expect(s.profile).toMatchObject({ name: 'Maya Chen', city: 'Portland', phone: null });
  });

  it('an update after a bad value keeps the other stored choices', async () => {
    core = await testCore();
    await core.api('settings.update', { thankYouDueHours: 6, mailBusinessDays: 5 });
    store(core, 'theme', '"neon"');
    await core.api('settings.update', { cardWordLimit: 60 });
    const s = await core.api('settings.get', {});
    expect(s).toMatchObject({ thankYouDueHours: 6, mailBusinessDays: 5, cardWordLimit: 60, theme: 'system' });
  });
});
