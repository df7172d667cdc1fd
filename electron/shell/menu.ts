import { Menu, type MenuItemConstructorOptions } from 'electron';
import { GO_SCREENS, SHORTCUTS, type CommandId } from '../shared/shortcuts';

/**
 * Standard roles (copy/paste, undo, zoom, window management) plus the app's own commands from the shared
 * shortcut table. Their accelerators are shown but not registered: the page handles the keys, so `N` or
 * `/` typed into a field stays typing. A menu click sends the command id to the page (`send`).
 * Reload, Force Reload and Toggle DevTools exist only in development: in a packaged build they would drop
 * unsaved input (reload) or open a console with the app's privileges (DevTools).
 */
export function buildMenu(isPackaged: boolean, send: (id: CommandId) => void): Menu {
  const isMac = process.platform === 'darwin';
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const s = SHORTCUTS.find((x) => x.id === id)!;
    return { label: s.label, accelerator: s.accelerator, registerAccelerator: false, click: () => send(id) };
  };
  const view: MenuItemConstructorOptions = isPackaged
    ? {
        label: 'View',
        submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
      }
    : { role: 'viewMenu' };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [item('new-application'), item('search'), item('palette'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    view,
    {
      label: 'Go',
      // Menus cannot show a two-key sequence as an accelerator: the label carries it.
      submenu: GO_SCREENS.map((g) => ({ label: `${g.label}\u2003G then ${g.letter.toUpperCase()}`, click: () => send(`go-${g.screen}`) })),
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [item('shortcuts')] },
  ];
  return Menu.buildFromTemplate(template);
}
