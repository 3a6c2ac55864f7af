/**
 * Runs the real preload bundle (built in memory with the same Vite config as
 * dist/electron/preload.cjs) the way a sandboxed Electron renderer does: evaluated in a fresh
 * context whose `require` offers only 'electron' (a stand-in here). Checks the bundle is one small
 * self-contained file, and the bridge it builds: exactly the contract's calls, each on its fixed
 * channel, listeners that can be removed, and nothing else (ipcRenderer above all) exposed.
 */
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, API_EVENT_NAMES } from '../../../contract/api-names.js';
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX, apiCalls, apiEvents } from '../../../contract/api.js';
import { PRELOAD_FILE, outputChunks, preloadConfig } from '../../../main/scripts/electron-bundle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The bundle is a few KB; zod (or anything else pulled in by mistake) would be hundreds. */
const MAX_PRELOAD_BYTES = 8 * 1024;

type Fn = (...args: unknown[]) => void;
const listeners = new Map<string, Set<Fn>>();
const exposed: Record<string, unknown> = {};
const electron = {
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed[key] = value;
    },
  },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ channel, request })),
    on: (channel: string, fn: Fn) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(fn);
    },
    removeListener: (channel: string, fn: Fn) => {
      listeners.get(channel)?.delete(fn);
    },
  },
};

type Bridge = Record<string, (...args: unknown[]) => unknown>;
let code: string;
let fileNames: string[];
const required: string[] = [];
let bridge: Bridge;

beforeAll(async () => {
  const chunks = outputChunks(await build({ ...preloadConfig({ root, write: false }), logLevel: 'silent' }));
  fileNames = chunks.map((chunk) => chunk.fileName);
  code = chunks[0]?.code ?? '';
  const module = { exports: {} as Record<string, unknown> };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  // The same wrapper parameters Electron gives a sandboxed preload.
  const wrapped = runInNewContext(`(function (require, exports, module) {${code}\n})`, {}) as (
    r: typeof sandboxRequire,
    e: Record<string, unknown>,
    m: typeof module,
  ) => void;
  wrapped(sandboxRequire, module.exports, module);
  bridge = exposed.telltale as Bridge;
}, 60_000);

describe('preload bundle', () => {
  it('is one small CommonJS file that requires nothing but electron', () => {
    expect(fileNames).toEqual([PRELOAD_FILE]);
    expect(required).toEqual(['electron']);
    expect(Buffer.byteLength(code)).toBeLessThan(MAX_PRELOAD_BYTES);
    // Rolldown marks each bundled module with a `// path` line: only these two, no zod, no api.ts.
    expect(code.match(/^\/\/ \S+\.ts$/gm)).toEqual(['// contract/api-names.ts', '// main/electron/preload.ts']);
  });

  it('takes its names from the contract (api-names.ts lists exactly the calls and events of api.ts)', () => {
    expect([...API_CALL_NAMES].sort()).toEqual(Object.keys(apiCalls).sort());
    expect([...API_EVENT_NAMES].sort()).toEqual(Object.keys(apiEvents).sort());
    expect(code).toContain(JSON.stringify(IPC_CALL_PREFIX));
    expect(code).toContain(JSON.stringify(IPC_EVENT_PREFIX));
  });
});

describe('preload bridge', () => {
  it('exposes window.telltale with one function per call plus on, and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['telltale']);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(apiCalls), 'on'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each call to its own channel with the request, {} when omitted', async () => {
    for (const name of Object.keys(apiCalls)) {
      await expect(bridge[name]?.({ probe: name })).resolves.toEqual({ channel: IPC_CALL_PREFIX + name, request: { probe: name } });
    }
    await expect(bridge.getSnapshot?.()).resolves.toEqual({ channel: `${IPC_CALL_PREFIX}getSnapshot`, request: {} });
  });

  it('delivers events without the IPC event object and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = bridge.on?.('status', (payload: unknown) => seen.push(payload)) as () => void;
    const channel = `${IPC_EVENT_PREFIX}status`;
    const fire = (payload: unknown) => listeners.get(channel)?.forEach((fn) => fn({ sender: 'secret' }, payload));
    fire({ paused: true });
    off();
    fire({ paused: false });
    expect(seen).toEqual([{ paused: true }]);
    expect(listeners.get(channel)?.size).toBe(0);
  });

  it('refuses unknown events and non-function listeners', () => {
    expect(() => bridge.on?.('ipc', () => undefined)).toThrow(/Unknown event/);
    expect(() => bridge.on?.('snapshot', 'not a function')).toThrow(/must be a function/);
  });
});
