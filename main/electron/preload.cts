/**
 * The renderer's only door to the main process: window.telltale, exactly the calls and events of
 * contract/api.ts, each a fixed IPC channel. No ipcRenderer, no Node, nothing else is exposed.
 *
 * The window is sandboxed, and a sandboxed preload can require only 'electron': it cannot load
 * contract/api.ts (or zod) at runtime. So the names are written out here, and
 * test/unit/electron/preload.test.ts checks they equal the contract's, so they cannot drift.
 * Requests are validated in the main process (ipc.ts), not here: this side is not trusted anyway.
 * tsc emits CommonJS here (`exports.X = ...`): Electron >= 27 hands sandboxed preloads a
 * `module`/`exports` pair (electron/electron#39484), so that works.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

export const CALL_NAMES = ['getSnapshot', 'getStatus', 'sampleNow', 'setPaused', 'exportSnapshot', 'diffWithCurrent', 'getProbes'] as const;
export const EVENT_NAMES = ['snapshot', 'delta', 'status'] as const;
export const CALL_PREFIX = 'telltale:call:';
export const EVENT_PREFIX = 'telltale:event:';

type Listener = (payload: unknown) => void;

function on(event: string, listener: Listener): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}".`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
  // The IPC event object (with its sender) stays on this side of the bridge.
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(EVENT_PREFIX + event, forward);
  return () => {
    ipcRenderer.removeListener(EVENT_PREFIX + event, forward);
  };
}

const api: Record<string, unknown> = { on };
for (const name of CALL_NAMES) {
  api[name] = (request?: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_PREFIX + name, request ?? {});
}

contextBridge.exposeInMainWorld('telltale', api);
