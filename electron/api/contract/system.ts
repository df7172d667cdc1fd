import { z } from 'zod';
import { method, ok, timestamp } from '../define';

export const systemContract = {
  'system.info': method(
    'App version, the current time (which tests may set), where the data lives, and the background integrity check\'s verdict.',
    z.object({}),
    z.object({
      version: z.string(),
      now: z.number(),
      dataDir: z.string(),
      dbFile: z.string(),
      clockOverridden: z.boolean(),
      /** The full integrity check runs after start-up; `damaged` carries the warning and the backup to restore. */
      integrity: z.object({
        state: z.enum(['checking', 'sound', 'damaged', 'not_checked']),
        problem: z.string().nullable(),
        backup: z.string().nullable(),
        message: z.string().nullable(),
      }),
    }),
  ),
  'system.setNow': method(
    'Test-only: set the clock, which then stands still at that time until set again (null returns to real time). Refused unless the server was started with --test-clock.',
    z.object({ now: timestamp.nullable() }),
    ok,
  ),
};
