// Probe-and-repair for the Node build of better-sqlite3 (tests, browser mode, benchmark). Courtesy
// never rebuilds node_modules for Electron (that build lives in .native/electron), but if something
// else did (an `electron-rebuild`, an old checkout), this notices the NODE_MODULE_VERSION mismatch and
// rebuilds for the running Node instead of failing every test.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
function probe() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return null;
  } catch (err) {
    return err;
  }
}

const err = probe();
if (err) {
  const message = String(err?.message ?? err);
  if (!/NODE_MODULE_VERSION|was compiled against a different Node.js version|invalid ELF header|Could not locate the bindings file/.test(message)) throw err;
  console.log(`better-sqlite3 does not load in Node ${process.version} (${message.split('\n')[0]}); rebuilding it for Node...`);
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  const again = probe();
  if (again) throw again;
  console.log('better-sqlite3 rebuilt for Node.');
}
