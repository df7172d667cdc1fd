// A second process for the fault tests: starts a real core on a data folder and writes in a loop,
// printing one line per acknowledged write, until the test kills it (SIGKILL) mid-write.
// Usage: node child.cjs <dataDir> <migrationsFolder> <mode>
import { startCore } from '../core';
import { STAGES } from '../../shared/domain';

const [dataDir, migrationsFolder, mode] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(line + '\n');

async function main() {
  // 'upgrade': the folder brings a migration; the pre-upgrade copy is held once written, before its
  // check and rename, and the child writes meanwhile until it is killed.
  let reachedCopy!: () => void;
  const copying = new Promise<void>((r) => (reachedCopy = r));
  const hooks = mode === 'upgrade' ? { afterCopy: () => (reachedCopy(), new Promise<void>(() => {})) } : undefined;
  const core = await startCore({ dataDir, migrationsFolder, version: 'fault', dispatch: { log: () => {} }, upgradeBackupHooks: hooks });
  const call = async (method: string, input: unknown) => {
    const env = await core.call(method, input);
    if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
    return env.data as Record<string, unknown>;
  };
  say('READY');
  if (mode === 'hold') {
    setInterval(() => {}, 1 << 30); // keeps the process, and so the lock, until killed
    return;
  }
  for (let i = 0; ; i++) {
    if (mode === 'upgrade') {
      if (i === 0) {
        setInterval(() => {}, 1 << 30); // the held copy alone does not keep the process alive
        await call('today.get', {}); // the first screen: the copy starts once it is answered
        await copying;
      }
      const app = await call('applications.create', { company: 'During', role: `During ${i}` });
      say(`A ${app.id} During ${i}`);
    } else if (mode === 'create') {
      const app = await call('applications.create', { company: `Company ${i % 7}`, role: `Role ${i}`, notes: 'n'.repeat(i % 500) });
      say(`A ${app.id} Role ${i}`);
    } else if (mode === 'move') {
      const id = 1 + (i % 5);
      const stage = STAGES[i % STAGES.length];
      await call('applications.moveStage', { id, stage });
      say(`M ${id} ${stage}`);
    } else if (mode === 'backup') {
      const b = await call('backups.create', {});
      say(`B ${b.name}`);
    } else if (mode === 'restore') {
      if (i % 2 === 0) {
        await call('backups.restore', { name: 'base.sqlite', confirm: true });
        say('R');
      } else {
        const app = await call('applications.create', { company: 'After', role: `After ${i}` });
        say(`A ${app.id} After ${i}`);
      }
    } else if (mode === 'csv') {
      const rows = Array.from({ length: 50 }, (_, j) => `Import Co ${j % 3},Imported ${process.pid}-${i}-${j}`);
      const r = await call('csv.importApplications', { text: `Company,Role\n${rows.join('\n')}\n`, mapping: ['company', 'role'] });
      if (r.created !== 50) throw new Error(`imported ${String(r.created)} of 50`);
      say(`C ${r.created}`);
    } else throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((err) => {
  say(`ERROR ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
