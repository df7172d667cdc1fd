import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Courtesy';
export const DB_FILE_NAME = 'courtesy.sqlite';

/** The per-user folder Electron uses as userData for this app (appData/productName), computed without Electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  let appData: string;
  if (platform === 'win32') appData = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = path.join(home, 'Library', 'Application Support');
  else appData = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(appData, APP_NAME);
}
