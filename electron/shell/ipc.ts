// IPC transport: the sole production entry point for ipcMain.handle. The sender is checked before
// any handler runs; inputs are validated by dispatch like every other call.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../shared/errors';
import { isAppUrl } from '../host/security';
import { IPC_CHANNEL } from './ipc-channel';

export function registerIpc(call: (method: string, input: unknown) => Promise<Envelope>) {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Envelope> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAppUrl(url)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender.' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method', message: 'Method must be a string.' } };
    return call(method, input);
  });
}
