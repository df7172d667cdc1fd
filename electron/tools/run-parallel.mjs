// `npm test`'s static checks and build side by side: tsc, ESLint, drizzle-kit and the bundlers are each
// mostly one thread, so run one after another they leave the second core idle for minutes. Each npm
// script runs as its own process; its output is held and printed whole when it ends (no interleaving),
// with how long it took. Every script runs to the end even when another fails, and the exit code is 1 if
// any failed, so a CI log names every failing check at once.
// Usage: node electron/tools/run-parallel.mjs <npm script>...
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node electron/tools/run-parallel.mjs <npm script>...');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

function run(script) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const finish = (code, detail) => {
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      const out = Buffer.concat(chunks).toString('utf8').trimEnd();
      const head = `── npm run ${script}: ${code === 0 ? 'ok' : `FAILED (${detail})`} in ${secs} s`;
      process.stdout.write(`${head}\n${out ? out + '\n' : ''}`);
      resolve({ script, ok: code === 0, secs });
    };
    child.on('error', (err) => finish(1, err.message));
    child.on('close', (code, signal) => finish(code ?? 1, signal ?? `exit code ${code}`));
  });
}

const results = await Promise.all(scripts.map(run));
const failed = results.filter((r) => !r.ok).map((r) => r.script);
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`── ${scripts.join(', ')}: ${failed.length ? `FAILED: ${failed.join(', ')}` : 'all ok'} in ${total} s (side by side)`);
process.exit(failed.length ? 1 : 0);
