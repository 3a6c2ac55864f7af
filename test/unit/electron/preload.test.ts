/**
 * Runs the real preload the way a sandboxed Electron renderer does: compiled to CommonJS and
 * evaluated in a fresh context whose `require` offers only 'electron' (a stand-in here). Checks the
 * bridge it builds: the names equal the contract's, each call goes to its fixed channel, listeners
 * can be removed, and nothing else (ipcRenderer above all) is exposed.
 */
import { readFile } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX, apiCalls, apiEvents } from '../../../contract/api.js';

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
let preload: Record<string, unknown>;
let bridge: Bridge;

beforeAll(async () => {
  const source = await readFile(new URL('../../../main/electron/preload.cts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as Record<string, unknown> };
  const sandboxRequire = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  // The same wrapper parameters Electron gives a sandboxed preload.
  const wrapped = runInNewContext(`(function (require, exports, module) {${outputText}\n})`, {}) as (
    r: typeof sandboxRequire,
    e: Record<string, unknown>,
    m: typeof module,
  ) => void;
  wrapped(sandboxRequire, module.exports, module);
  preload = module.exports;
  bridge = exposed.telltale as Bridge;
});

describe('preload bridge', () => {
  it('lists exactly the contract call and event names and prefixes', () => {
    expect([...(preload.CALL_NAMES as string[])].sort()).toEqual(Object.keys(apiCalls).sort());
    expect([...(preload.EVENT_NAMES as string[])].sort()).toEqual(Object.keys(apiEvents).sort());
    expect(preload.CALL_PREFIX).toBe(IPC_CALL_PREFIX);
    expect(preload.EVENT_PREFIX).toBe(IPC_EVENT_PREFIX);
  });

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
