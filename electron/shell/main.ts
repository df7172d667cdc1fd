// Electron shell: window, menu, custom protocol, IPC. Kept thin; all behaviour lives in core and the
// domain modules, which run (and are tested) under plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell } from 'electron';
import { startCore, type Core } from '../host/core';
import { keychainSecretStore } from './secrets';
import { OpenRefusedError } from '../db/open';
import { restoreBackupFile } from '../db/recovery';
import { DB_FILE_NAME } from '../host/paths';
import { electronNativeBinding } from './native';
import { allowsPermission, APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, safeExternalUrl } from '../host/security';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { MENU_CHANNEL } from '../shared/shortcuts';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// A separate data folder (tests, a second profile); must be set before the app is ready.
if (process.env.COURTESY_DATA_DIR) app.setPath('userData', process.env.COURTESY_DATA_DIR);

let core: Core | null = null;
const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');

function serveRenderer() {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    let file = path.resolve(rendererDir, '.' + rel);
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    if (!fs.existsSync(file) && !path.extname(rel)) file = path.join(rendererDir, 'index.html');
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    if (file.endsWith('.html')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Courtesy',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    // The window never leaves the app; a link to the web or a mailto: opens in the OS instead.
    event.preventDefault();
    const external = safeExternalUrl(url);
    if (external) void shell.openExternal(external);
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_SCHEME}://${APP_HOST}/`);
  return win;
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

// One window per data folder: a second launch focuses the first instead of opening the database again.
// (The data-folder lock in startCore also stops browser mode and other profiles' processes.)
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
let mainWindow: BrowserWindow | null = null;
app.on('second-instance', () => {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

async function openCore(): Promise<Core | null> {
  const dataDir = app.getPath('userData');
  const start = () =>
    startCore({
      dataDir,
      migrationsFolder: path.join(appRoot, 'drizzle'),
      version: app.getVersion(),
      nativeBinding: electronNativeBinding({ isPackaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath }),
      dailyBackup: true,
      secrets: keychainSecretStore(dataDir),
      outboxWorker: true,
      // A document opens in the system's viewer, never in this window; an error string from the OS is reported.
      openFile: async (file) => {
        const error = await shell.openPath(file);
        if (error) throw new Error(`The system could not open the document: ${error}`);
      },
      replies: {},
    });
  try {
    return await start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A damaged file was set aside unchanged: offer the newest backup that passes the check.
    if (err instanceof OpenRefusedError && err.reason === 'damaged' && err.details.backup) {
      const name = path.basename(err.details.backup);
      const choice = dialog.showMessageBoxSync({
        type: 'warning',
        title: 'Courtesy found a damaged database',
        message: 'Your database file is damaged.',
        detail: message,
        buttons: [`Restore ${name}`, 'Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      if (choice === 0) {
        try {
          restoreBackupFile(path.join(dataDir, DB_FILE_NAME), err.details.backup);
          return await start();
        } catch (again) {
          dialog.showErrorBox('Courtesy could not restore the backup', again instanceof Error ? again.message : String(again));
          return null;
        }
      }
      return null;
    }
    dialog.showErrorBox('Courtesy could not open its database', message);
    return null;
  }
}

app.whenReady().then(async () => {
  if (!primary) return;
  core = await openCore();
  if (!core) {
    app.exit(1);
    return;
  }
  // Deny every permission but desktop notices for our own page, both when a page asks (request) and when
  // one checks silently (check).
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback, details) => callback(allowsPermission(permission, details.requestingUrl ?? wc.getURL())));
  session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) => allowsPermission(permission, requestingOrigin));
  serveRenderer();
  registerIpc((method, input) => core!.call(method, input));
  // Menu commands go to the focused window's page, which runs them as it runs the same keys.
  Menu.setApplicationMenu(buildMenu(app.isPackaged, (id) => (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents.send(MENU_CHANNEL, id)));
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quitting waits (bounded) for a pre-upgrade backup still being copied in the background, then quits
// for real; a second will-quit finds core already null.
app.on('will-quit', (event) => {
  const closing = core;
  if (!closing) return;
  core = null;
  event.preventDefault();
  void closing.closeAfterBackup().finally(() => app.quit());
});
