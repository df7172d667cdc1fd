// Sandboxed preload: exposes one named function per contract method, nothing else (never
// ipcRenderer itself, never a generic channel passthrough). The allow-list is the contract's list of
// method names (api/method-names.ts, checked against the contract by a test); it carries the names
// only, so the preload bundle holds no zod schema and no luxon.
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../api/method-names';
import { IPC_CHANNEL } from './ipc-channel';

const api = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]));
contextBridge.exposeInMainWorld('courtesy', Object.freeze(api));
