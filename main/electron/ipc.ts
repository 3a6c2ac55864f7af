/**
 * The main-process side of the preload bridge: one ipcMain handler per contract call, and the
 * app's events (main/service/app-events.ts) pushed to the app's windows. A call is answered only for a frame showing the
 * app itself (app://telltale/...), and its request is validated by dispatchCall like an HTTP one.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX, apiCalls, apiEvents, type ApiEventName } from '../../contract/api.js';
import { dispatchCall, type ApiHandlers } from '../service/api-handlers.js';
import type { AppEvents } from '../service/app-events.js';
import { isAppUrl } from './app-url.js';

function assertTrustedSender(event: IpcMainInvokeEvent): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url)) throw new Error(`Refused an API call from ${url || 'an unknown frame'}.`);
}

/** Registers the handlers; the returned function removes them again. */
export function registerIpc(handlers: ApiHandlers): () => void {
  const channels = Object.keys(apiCalls).map((name) => {
    const channel = IPC_CALL_PREFIX + name;
    ipcMain.handle(channel, (event, request: unknown) => {
      assertTrustedSender(event);
      return dispatchCall(handlers, name, request);
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * Sends every app event (snapshot, delta, status, notification, settings) to each window that
 * shows the app; returns an unsubscribe. A window starts from getSnapshot, whose seq the deltas build on.
 */
export function forwardAppEvents(events: Pick<AppEvents, 'on'>): () => void {
  const send = (event: ApiEventName, payload: unknown): void => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(IPC_EVENT_PREFIX + event, payload);
    }
  };
  const offs = (Object.keys(apiEvents) as ApiEventName[]).map((event) => events.on(event, (payload) => send(event, payload)));
  return () => {
    for (const off of offs) off();
  };
}
