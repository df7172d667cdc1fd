// The settings API. Apart from the store (settings.ts) because saving can move open thank-yous' due
// times (interviews/obligations.ts), which itself reads the settings: one module holding both made a cycle.
import type { Handlers } from '../../db/context';
import { tx } from '../../db/sql';
import type { Settings } from '../../shared/inputs/settings';
import { CLOSED_KINDS } from '../../shared/domain';
import { invalid } from '../../shared/errors';
import { moveOpenThankYousTo } from '../interviews/obligations';
import { stageOf } from '../stages/rules';
import { getSettings, putSetting } from './settings';

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': ({ moveOpenDueTimes, ...input }, ctx) => {
    const current = getSettings(ctx);
    // Only closed stages fold, so only they can be kept unfolded; by kind, so a custom closed stage folds too.
    for (const key of input.boardExpandedStages ?? []) {
      const kind = stageOf(ctx, key)?.kind;
      if (!kind || !CLOSED_KINDS.includes(kind)) throw invalid({ boardExpandedStages: 'Only closed stages (accepted, rejected or withdrawn) fold.' });
    }
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
