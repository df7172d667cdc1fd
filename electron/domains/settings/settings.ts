import { sql } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import { prepare, tx } from '../../db/sql';
import { settings } from '../../db/schema';
import { SettingsShape, type Settings } from '../../shared/inputs/settings';
import { moveOpenThankYousTo } from '../interviews/obligations';
import { REPLY_CHECK_DEFAULT_MINUTES } from '../../shared/replies';

const allSettings = prepare((db) => db.select({ key: settings.key, value: settings.value }).from(settings).prepare());
const putSetting = prepare((db) =>
  db
    .insert(settings)
    .values({ key: sql.placeholder('key'), value: sql.placeholder('value'), updatedAt: sql.placeholder('now') })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } })
    .prepare(),
);

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
    cardSize: 'a2',
    envelopeSize: 'a2',
    keepAutomaticBackups: 10,
    boardExpandedStages: [],
    firstRunDismissed: false,
    replyCheckMinutes: REPLY_CHECK_DEFAULT_MINUTES,
  };
}

/** Current settings: stored values over the defaults; a stored value that no longer validates is ignored. */
export function getSettings(ctx: Pick<Ctx, 'db'>): Settings {
  const rows = allSettings(ctx).all();
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
  'settings.update': ({ moveOpenDueTimes, ...input }, ctx) => {
    const current = getSettings(ctx);
    const next: Settings = { ...current, ...input, profile: { ...current.profile, ...(input.profile ?? {}) } } as Settings;
    const now = ctx.clock.now();
    tx(ctx, () => {
      for (const [key, value] of Object.entries(next)) putSetting(ctx).run({ key, value: JSON.stringify(value), now });
      // Open thank-yous keep the due time they were given unless the person chose to move them.
      if (moveOpenDueTimes && next.thankYouDueHours !== current.thankYouDueHours) moveOpenThankYousTo(ctx, next.thankYouDueHours);
    });
    return getSettings(ctx);
  },
};
