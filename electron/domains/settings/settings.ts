import { sql } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { prepare } from '../../db/sql';
import { settings } from '../../db/schema';
import { SettingsShape, type Settings } from '../../shared/inputs/settings';
import { REPLY_CHECK_DEFAULT_MINUTES } from '../../shared/replies';

const allSettings = prepare((db) => db.select({ key: settings.key, value: settings.value }).from(settings).prepare());
export const putSetting = prepare((db) =>
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
    // Off until the person says yes where the reason is on screen (Today's offer, Settings).
    notifications: false,
    notificationsOfferDismissed: false,
  };
}

/**
 * Current settings: stored values over the defaults. A stored value that no longer validates (an older
 * build's word, a hand-edited file) falls back to its own default only: falling back wholesale would
 * hide every other choice, and the next settings.update would then write those defaults over them.
 */
export function getSettings(ctx: Pick<Ctx, 'db'>): Settings {
  const defaults = defaultSettings();
  const merged: Record<string, unknown> = { ...defaults };
  for (const { key, value } of allSettings(ctx).all()) {
    if (!(key in defaults)) continue; // a key this build no longer knows
    try {
      merged[key] = JSON.parse(value);
    } catch {
      // unreadable: keep the default
    }
  }
  const profile = merged.profile;
  merged.profile = { ...defaults.profile, ...(profile && typeof profile === 'object' && !Array.isArray(profile) ? profile : {}) };
  // Each pass resets the fields the schema refused; a field path is never refused twice, so this ends.
  for (let pass = 0; pass < 3; pass++) {
    const parsed = SettingsShape.safeParse(merged);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) resetToDefault(merged, defaults, issue.path);
  }
  return defaults;
}

function resetToDefault(merged: Record<string, unknown>, defaults: Settings, path: readonly PropertyKey[]): void {
  const [top, field] = path;
  if (typeof top !== 'string') return;
  if (top === 'profile' && typeof field === 'string' && field in defaults.profile) {
    const profile = merged.profile as Record<string, unknown>;
    profile[field] = defaults.profile[field as keyof Settings['profile']];
    return;
  }
  merged[top] = defaults[top as keyof Settings];
}
