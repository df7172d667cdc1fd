// Sandboxed preload: exposes one named function per contract method, nothing else (never
// ipcRenderer itself, never a generic channel passthrough). The allow-list is the contract's list of
// method names (api/method-names.ts, checked against the contract by a test); it carries the names
// only, so the preload bundle holds no zod schema and no luxon. Besides the API, the page may listen to
// menu commands: ids from the shared shortcut table only, on one fixed channel.
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../api/method-names';
import { isCommandId, MENU_CHANNEL, type CommandId } from '../shared/shortcuts';
import { IPC_CHANNEL } from './ipc-channel';

const api = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]));
contextBridge.exposeInMainWorld('courtesy', Object.freeze(api));
contextBridge.exposeInMainWorld(
  'courtesyMenu',
  Object.freeze({
    onCommand(cb: (id: CommandId) => void) {
      const listener = (_e: unknown, id: unknown) => {
        if (isCommandId(id)) cb(id);
      };
      ipcRenderer.on(MENU_CHANNEL, listener);
      return () => void ipcRenderer.removeListener(MENU_CHANNEL, listener);
    },
  }),
);
