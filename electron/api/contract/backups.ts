import { z } from 'zod';
import { method } from '../define';

const Backup = z.object({ name: z.string(), size: z.number(), createdAt: z.number() });
const backupName = z
  .string()
  .regex(/^[\w.-]+\.sqlite$/, 'Choose one of the listed backups.')
  .refine((s) => !s.includes('..'), 'Choose one of the listed backups.');

export const backupsContract = {
  'backups.list': method('Backups in the data folder, newest first.', z.object({}), z.object({ folder: z.string(), items: z.array(Backup) })),
  'backups.create': method('Back up the database now (a consistent online copy).', z.object({}), Backup),
  'backups.restore': method(
    'Replace your data with a backup; the current data is backed up first.',
    z.object({ name: backupName, confirm: z.literal(true, { error: 'Restoring needs confirmation.' }) }),
    z.object({ restored: z.string(), safetyBackup: z.string() }),
  ),
};
