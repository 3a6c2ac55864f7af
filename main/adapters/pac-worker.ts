/**
 * Evaluates a PAC script off the main thread: a worker_threads Worker with V8 heap limits runs it in
 * a QuickJS sandbox (itself memory-capped and interrupted at the deadline), and the worker is
 * terminated when the deadline passes whatever the script does. A PAC whose promise never settles,
 * that loops in native code or allocates without bound then costs at most the deadline, never the
 * sample (or, in a CLI, the process: an unsettled promise alone would end it with exit code 13).
 *
 * The worker's code is a string (eval: true), so the same code runs from tsc's output, from
 * Electron's bundle and from the TypeScript sources (under tsx or the tests, where a worker file
 * would be TypeScript that Node 20 cannot load). It imports QuickJS and pac-resolver by URL: from
 * node_modules, or in Electron's bundle from pac-sandbox.js beside main.js, which carries both (the
 * packaged app has no node_modules code for them). That file and QuickJS's WebAssembly are inside
 * app.asar, so the main thread, where Electron reads files inside the archive, reads them once and
 * hands them to each worker (the sandbox as a data: URL, the WebAssembly as bytes): the worker itself
 * opens no file, and both stay under the archive's integrity check.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PacOutcome } from '../core/context.js';
import { packageFile } from './package-file.js';

const SANDBOX_MEMORY_BYTES = 32 * 1024 * 1024;
/** Starting a worker and instantiating QuickJS takes a few hundred ms on a busy machine. */
const STARTUP_ALLOWANCE_MS = 3000;
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16, codeRangeSizeMb: 16, stackSizeMb: 4 };

/**
 * PAC built-ins that would touch the network (DNS lookups; myIpAddress connects to 8.8.8.8) are
 * replaced by offline ones: names never resolve, only IPv4 literals are matched, and our address is
 * loopback. Telltale makes no network connections, so a PAC may answer differently than in a browser.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { script, url, timeoutMs, memoryLimit, modules, wasm } = workerData;
function parseIpv4(text) {
  const m = /^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$/.exec(String(text));
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0 : null;
}
const sandbox = {
  dnsResolve: (host) => (parseIpv4(host) !== null ? host : null),
  isResolvable: (host) => parseIpv4(host) !== null,
  myIpAddress: () => '127.0.0.1',
  isInNet: (host, pattern, mask) => {
    const h = parseIpv4(host), p = parseIpv4(pattern), m = parseIpv4(mask);
    if (h === null || p === null || m === null) return false;
    return ((h & m) >>> 0) === ((p & m) >>> 0);
  },
};
const begun = Date.now();
// A ReasonCause (contract/reason.ts): the script's own error as data.
function reason(error) {
  const e = error || {};
  if (e.message === 'interrupted') return { id: 'reason.pac.timed-out', limitMs: timeoutMs, afterMs: Date.now() - begun };
  return { id: 'reason.pac.failed', detail: (e.name && e.name !== 'Error' ? e.name + ': ' : '') + String(e.message ?? error) };
}
(async () => {
  let vm;
  try {
    const [{ QuickJS }, { createPacResolver }] = await Promise.all([import(modules.quickjs), import(modules.pacResolver)]);
    let deadline = Infinity;
    vm = await QuickJS.create({ wasm, memoryLimit, interruptHandler: () => Date.now() > deadline });
    deadline = Date.now() + timeoutMs;
    const result = await createPacResolver(vm, script, { sandbox })(url);
    parentPort.postMessage(typeof result === 'string' ? { ok: true, result } : { ok: false, reason: { id: 'reason.pac.no-answer' } });
  } catch (error) {
    parentPort.postMessage({ ok: false, reason: reason(error) });
  } finally {
    vm?.dispose();
  }
})();
`;

/**
 * Defined by the Electron bundle only (main/scripts/electron-bundle.ts): the file beside main.js that
 * carries QuickJS and pac-resolver. Elsewhere it is not defined and the packages load from node_modules.
 */
declare const TELLTALE_PAC_SANDBOX: string | undefined;

/** Where a worker finds QuickJS and pac-resolver (module URLs) and QuickJS's WebAssembly. */
export interface PacSandbox {
  modules: { quickjs: string; pacResolver: string };
  wasm: Uint8Array;
}

/** The sandbox of a bundle: one file carrying both packages (pac-sandbox.js), handed over as a data: URL. */
export async function bundledPacSandbox(sandboxFile: URL | string, wasmFile: string): Promise<PacSandbox> {
  const [code, wasm] = await Promise.all([readFile(sandboxFile), readFile(wasmFile)]);
  const bundled = `data:text/javascript;base64,${code.toString('base64')}`;
  return { modules: { quickjs: bundled, pacResolver: bundled }, wasm };
}

async function loadSandbox(): Promise<PacSandbox> {
  const wasmFile = packageFile('quickjs-wasi', 'quickjs.wasm');
  if (typeof TELLTALE_PAC_SANDBOX === 'string') return bundledPacSandbox(new URL(`./${TELLTALE_PAC_SANDBOX}`, import.meta.url), wasmFile);
  const require = createRequire(import.meta.url);
  const resolve = (name: string) => pathToFileURL(require.resolve(name)).href;
  return { modules: { quickjs: resolve('quickjs-wasi'), pacResolver: resolve('pac-resolver') }, wasm: await readFile(wasmFile) };
}

let sandbox: Promise<PacSandbox> | null = null;

/** Runs FindProxyForURL(url) of `script`; the script gets timeoutMs, the whole evaluation at most that plus the worker's start. */
export async function evaluatePacOffThread(script: string, url: string, timeoutMs: number): Promise<PacOutcome> {
  // Found once; a failure is kept (a missing file does not heal) and reported by every evaluation.
  sandbox ??= loadSandbox();
  let found: PacSandbox;
  try {
    found = await sandbox;
  } catch (error) {
    return couldNotStart(error);
  }
  return evaluatePacInSandbox(found, script, url, timeoutMs);
}

function couldNotStart(error: unknown): PacOutcome {
  return { ok: false, reason: { id: 'reason.pac.could-not-start', detail: (error as Error).message } };
}

/** evaluatePacOffThread with the sandbox given (the packaging test runs the packaged one). */
export function evaluatePacInSandbox({ modules, wasm }: PacSandbox, script: string, url: string, timeoutMs: number): Promise<PacOutcome> {
  const started = Date.now();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { script, url, timeoutMs, memoryLimit: SANDBOX_MEMORY_BYTES, modules, wasm },
      resourceLimits: WORKER_LIMITS,
      stdout: true,
      stderr: true,
    });
  } catch (error) {
    return Promise.resolve(couldNotStart(error));
  }
  return new Promise<PacOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: PacOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: { id: 'reason.pac.timed-out', limitMs: timeoutMs, afterMs: Date.now() - started } }),
      timeoutMs + STARTUP_ALLOWANCE_MS,
    );
    worker.on('message', (outcome: PacOutcome) => finish(outcome));
    worker.on('error', (error: Error & { code?: string }) =>
      finish({
        ok: false,
        reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { id: 'reason.pac.out-of-memory' } : { id: 'reason.pac.failed', detail: error.message },
      }),
    );
    // The worker's loop ran dry without an answer: the script's promise never settled.
    worker.on('exit', () => finish({ ok: false, reason: { id: 'reason.pac.never-settled' } }));
  });
}
