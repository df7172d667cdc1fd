// Builds better-sqlite3 for Electron into .native/electron/ WITHOUT touching node_modules, so the
// Node build used by tests and browser mode stays valid (the NODE_MODULE_VERSION trap). Skips when
// the stamp matches the installed Electron and better-sqlite3 versions. Tries the prebuilt binary
// first (prebuild-install, needs the network), then compiles with node-gyp against Electron headers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const outDir = path.join(root, '.native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };

if (fs.existsSync(outFile) && fs.existsSync(stampFile) && JSON.stringify(JSON.parse(fs.readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp)) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is up to date (${path.relative(root, outFile)}).`);
  process.exit(0);
}

// Work on a copy so node_modules/better-sqlite3/build (the Node build) is never overwritten.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'courtesy-native-'));
fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });
const env = { ...process.env };
// A global nodedir (set on some machines to build against local Node headers) would mix Node
// headers into an Electron build.
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
let built = false;
try {
  execFileSync(bin('prebuild-install'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--verbose'], { cwd: work, env, stdio: 'inherit' });
  built = true;
} catch {
  console.log('No prebuilt binary available; compiling with node-gyp against Electron headers...');
}
if (!built) {
  execFileSync(
    bin('node-gyp'),
    ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
    { cwd: work, env, stdio: 'inherit' },
  );
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
fs.writeFileSync(stampFile, JSON.stringify(stamp));
fs.rmSync(work, { recursive: true, force: true });
console.log(`Built better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} into ${path.relative(root, outFile)}.`);
