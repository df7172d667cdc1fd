// Native module strategy: two builds of better-sqlite3 side by side, never one rebuilt over the other.
// - Node (tests, browser mode, drizzle-kit): the build npm install makes in node_modules.
// - Electron: a separate build in .native/electron/ made by `npm run native:electron` (run by
//   `npm start`), loaded through better-sqlite3's `nativeBinding` option. Packaged apps carry it in
//   resources/native/ (electron-builder: npmRebuild off, extraResources).
import path from 'node:path';

export const ELECTRON_NATIVE_DIR = path.join('.native', 'electron');
export const NATIVE_FILE = 'better_sqlite3.node';

export function electronNativeBinding(opts: { isPackaged: boolean; appRoot: string; resourcesPath: string }): string {
  return opts.isPackaged ? path.join(opts.resourcesPath, 'native', NATIVE_FILE) : path.join(opts.appRoot, ELECTRON_NATIVE_DIR, NATIVE_FILE);
}
