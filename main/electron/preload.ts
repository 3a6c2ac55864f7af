/**
 * The renderer's only door to the main process: window.telltale, exactly the calls and events of
 * contract/api.ts, each a fixed IPC channel. No ipcRenderer, no Node, nothing else is exposed.
 *
 * The window is sandboxed, and a sandboxed preload can require only 'electron'. So this file is
 * bundled into one CommonJS file, dist/electron/preload.cjs (main/scripts/electron-bundle.ts), with
 * the names from contract/api-names.ts inlined: that module has no dependencies, so no zod ends up
 * here. test/unit/electron/preload.test.ts runs the real bundle in a sandbox-like context.
 * Requests are validated in the main process (ipc.ts), not here: this side is not trusted anyway.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_CALL_NAMES, API_EVENT_NAMES, IPC_CALL_PREFIX, IPC_EVENT_PREFIX } from '../../contract/api-names.js';

type Listener = (payload: unknown) => void;

function on(event: string, listener: Listener): () => void {
  if (!(API_EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}".`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  // The IPC event object (with its sender) stays on this side of the bridge.
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(IPC_EVENT_PREFIX + event, forward);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_PREFIX + event, forward);
  };
}

const api: Record<string, unknown> = { on };
for (const name of API_CALL_NAMES) {
  api[name] = (request?: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CALL_PREFIX + name, request ?? {});
}

contextBridge.exposeInMainWorld('telltale', api);
