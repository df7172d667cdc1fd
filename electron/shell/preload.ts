// Sandboxed preload: exposes one named function per contract method, nothing else (never
// ipcRenderer itself, never a generic channel passthrough). The allow-list IS the contract: the
// bundle carries the contract's method names, so a method cannot exist without being exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../api/contract';
import { IPC_CHANNEL } from './ipc-channel';

const api = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]));
contextBridge.exposeInMainWorld('courtesy', Object.freeze(api));
