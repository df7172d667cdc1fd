import { AppError } from '../../shared/errors';
import type { Handlers } from '../../db/context';

export const systemHandlers: Handlers<'system.info' | 'system.setNow'> = {
  'system.info': (_input, ctx) => ({
    version: ctx.version,
    now: ctx.clock.now(),
    dataDir: ctx.dataDir,
    dbFile: ctx.dbFile,
    clockOverridden: ctx.clock.overridden(),
    integrity: ctx.integrity(),
  }),
  'system.setNow': ({ now }, ctx) => {
    if (!ctx.allowTestClock) throw new AppError('forbidden', 'The clock can only be set in a test session (--test-clock).');
    ctx.clock.set(now);
    return { ok: true as const };
  },
};
