import { z } from 'zod';
import { method, ok, timestamp } from '../define';

export const systemContract = {
  'system.info': method(
    'App version, the current time (which tests may set), and where the data lives.',
    z.object({}),
    z.object({ version: z.string(), now: z.number(), dataDir: z.string(), dbFile: z.string(), clockOverridden: z.boolean() }),
  ),
  'system.setNow': method(
    'Test-only: set the clock, which then stands still at that time until set again (null returns to real time). Refused unless the server was started with --test-clock.',
    z.object({ now: timestamp.nullable() }),
    ok,
  ),
};
