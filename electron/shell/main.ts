// Electron shell: window, menu, custom protocol, IPC. Kept thin; all behaviour lives in core and the
// domain modules, which run (and are tested) under plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell } from 'electron';
import { startCore, type Core } from '../host/core';
import { electronNativeBinding } from './native';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, safeExternalUrl } from '../host/security';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';

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

app.whenReady().then(async () => {
  try {
    core = await startCore({
      dataDir: app.getPath('userData'),
      migrationsFolder: path.join(appRoot, 'drizzle'),
      version: app.getVersion(),
      nativeBinding: electronNativeBinding({ isPackaged: app.isPackaged, appRoot, resourcesPath: process.resourcesPath }),
    });
  } catch (err) {
    dialog.showErrorBox('Courtesy could not open its database', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  serveRenderer();
  registerIpc((method, input) => core!.call(method, input));
  Menu.setApplicationMenu(buildMenu());
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  core?.close();
  core = null;
});
