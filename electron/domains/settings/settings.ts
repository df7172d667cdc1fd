import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx } from '../../db/sql';
import { SettingsShape, type Settings } from '../../api/contract/settings';

function defaultTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function defaultSettings(): Settings {
  return {
    profile: {
      name: null,
      email: null,
      phone: null,
      addressLines: null,
      city: null,
      region: null,
      postalCode: null,
      country: null,
      signature: null,
    },
    timeZone: defaultTimeZone(),
    defaultDelivery: 'email',
    thankYouDueHours: 24,
    reconnectDays: 90,
    cardWordLimit: 80,
    mailBusinessDays: 3,
    theme: 'system',
  };
}

/** Current settings: stored values over the defaults; a stored value that no longer validates is ignored. */
export function getSettings(ctx: Pick<Ctx, 'sqlite'>): Settings {
  const rows = stmt<{ key: string; value: string }>(ctx.sqlite, 'SELECT key, value FROM settings').all();
  const merged: Record<string, unknown> = { ...defaultSettings() };
  for (const { key, value } of rows) {
    try {
      merged[key] = JSON.parse(value);
    } catch {
      // keep the default
    }
  }
  merged.profile = { ...defaultSettings().profile, ...(merged.profile as object) };
  const parsed = SettingsShape.safeParse(merged);
  return parsed.success ? parsed.data : defaultSettings();
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': (input, ctx) => {
    const current = getSettings(ctx);
    const next: Settings = { ...current, ...input, profile: { ...current.profile, ...(input.profile ?? {}) } } as Settings;
    const now = ctx.clock.now();
    tx(ctx, () => {
      const put = stmt(ctx.sqlite, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
      for (const [key, value] of Object.entries(next)) put.run(key, JSON.stringify(value), now);
    });
    return getSettings(ctx);
  },
};
