import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * Standard roles only: copy/paste, undo, zoom, window management. Reload, Force Reload and Toggle
 * DevTools exist only in development: in a packaged build they would drop unsaved input (reload) or
 * open a console with the app's privileges (DevTools).
 */
export function buildMenu(isPackaged: boolean): Menu {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions = isPackaged
    ? {
        label: 'View',
        submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
      }
    : { role: 'viewMenu' };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
