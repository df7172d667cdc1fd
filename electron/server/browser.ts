// `npm run start:browser`: the same renderer and API handlers as the desktop app, served on
// 127.0.0.1 for any browser. Prints one line with the URL (including the per-run token).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCore } from '../host/core';
import { DB_FILE_NAME, defaultDataDir } from '../host/paths';
import { OpenRefusedError } from '../db/open';
import { restoreBackupFile } from '../db/recovery';
import { startHttpServer } from './http';
import pkg from '../../package.json';

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'test-clock': { type: 'boolean', default: false },
      'restore-backup': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got ${values.port}`);
  const root = path.resolve(__dirname, '..');
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  // After a damaged database was set aside: put the named backup in its place (never over a file).
  if (values['restore-backup']) {
    const name = path.basename(values['restore-backup']);
    restoreBackupFile(path.join(dataDir, DB_FILE_NAME), path.join(dataDir, 'backups', name));
    console.error(`Restored ${name} as ${path.join(dataDir, DB_FILE_NAME)}.`);
  }
  let core;
  try {
    core = await startCore({
      dataDir,
      migrationsFolder: path.join(root, 'drizzle'),
      version: pkg.version,
      allowTestClock: values['test-clock'],
      // Test runs set the clock and count their own backups; people get one automatic backup a day.
      dailyBackup: !values['test-clock'],
      // The password stays in this process's memory (CoreOptions.secrets' default) until it quits.
      outboxWorker: true,
      replies: {},
      dispatch: { validateOutput: process.env.COURTESY_VALIDATE_OUTPUT === '1' },
    });
  } catch (err) {
    if (err instanceof OpenRefusedError && err.reason === 'damaged' && err.details.backup) {
      throw new Error(`${err.message}\nTo restore it, run again with: --restore-backup ${path.basename(err.details.backup)}`);
    }
    throw err;
  }
  const server = await startHttpServer({ call: core.call, rendererDir: path.join(root, 'dist', 'renderer'), port });
  console.log(`Courtesy is running at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    // A second signal while waiting: exit now. The WAL is kept (no checkpoint) and the backup stays owed.
    if (stopping) process.exit(0);
    stopping = true;
    await server.close();
    // A pre-upgrade backup still being copied is waited for (bounded); a second signal stops at once.
    await core.closeAfterBackup();
    console.error(`Courtesy stopped (${signal}); database closed.`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
