/**
 * The bad-input corpus (test/corpus/bad-input) through the CLI as a user runs it: `telltale snapshot
 * --json` with HOME at a fake home whose every config file is one bad case (a FIFO, a device, a
 * 10 MB line, 200 000 nested arrays, ...), a PAC that never answers or allocates without bound, and
 * proxy variables of 128 KB. Each run has a deadline (a hang is killed and fails); each must exit 0
 * with a valid snapshot, a reason on every signal that is not ok, and the bad file named in one.
 * Then `serve` over FIFO configs, stopped by SIGTERM, and `--out` that never leaves a file half written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signal, Snapshot } from '../../contract/snapshot.js';
import { validateSnapshot } from '../../main/core/snapshot/validate.js';
import {
  CONTENT_CASES,
  CORPUS_DIR,
  configTargets,
  NEEDS_NON_ROOT,
  plantSpecial,
  READS_AS_MISSING,
  SPECIAL_KINDS,
  type Planted,
  type SpecialKind,
} from '../corpus/bad-input/cases.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('../helpers/cli-entry.ts', import.meta.url));
/** A run that takes longer hangs: it is killed and the case fails. */
const RUN_DEADLINE_MS = 90_000;
const isRoot = process.getuid?.() === 0;
/** As root, permission cases are read by a user without root's powers (nobody), via setpriv. */
const NOBODY = 65534;
const canDropRoot = isRoot && spawnSync('setpriv', ['--version']).status === 0;

let scratch: string;
const open: Planted[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'telltale-bad-input-'));
  await chmod(scratch, 0o755);
  await mkdir(path.join(scratch, 'tmp-nobody'), { mode: 0o777 });
  await chmod(path.join(scratch, 'tmp-nobody'), 0o777);
});

afterAll(async () => {
  for (const planted of open) planted.close();
  // Unsearchable folders first get their permissions back, so they can be removed.
  await chmodTree(scratch);
  await rm(scratch, { recursive: true, force: true });
});

async function chmodTree(dir: string): Promise<void> {
  await chmod(dir, 0o755).catch(() => undefined);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) if (e.isDirectory()) await chmodTree(path.join(dir, e.name));
}

async function freshHome(name: string): Promise<string> {
  const home = path.join(scratch, name);
  await mkdir(home, { recursive: true, mode: 0o755 });
  return home;
}

const baseEnv = (home: string): Record<string, string> => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', HOME: home });

/** A KDE proxy set to a local PAC: the one file-configured PAC on Linux. */
async function usePac(home: string, pac: Buffer): Promise<string> {
  const file = path.join(home, 'proxy.pac');
  await writeFile(file, pac);
  await mkdir(path.join(home, '.config'), { recursive: true });
  await writeFile(path.join(home, '.config', 'kioslaverc'), `[Proxy Settings]\nProxyType=2\nProxy Config Script=file://${file}\n`);
  return file;
}

function runAs(args: string[], env: Record<string, string>, nonRoot: boolean): Promise<CliRun> {
  if (!nonRoot) return runCli(args, env, RUN_DEADLINE_MS);
  // tsx keeps its cache per user in the temp dir; nobody gets its own, inside the scratch folder.
  return runCli(args, { ...env, TMPDIR: path.join(scratch, 'tmp-nobody') }, RUN_DEADLINE_MS, [
    'setpriv',
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
  ]);
}

function snapshotOf(run: CliRun): Snapshot {
  expect(run.code, `exit code (killed at the deadline if null); stderr: ${run.stderr.slice(0, 2000)}`).toBe(0);
  const checked = validateSnapshot(JSON.parse(run.stdout));
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.snapshot;
}

/**
 * Samplers that missed their deadline (a machine too loaded to finish one in 15 s): each says so,
 * and what they would have read cannot be checked file by file in this run.
 */
function lateSamplers(snapshot: Snapshot): string[] {
  const late = snapshot.signals.filter((s) => s.id.startsWith('system.sampler.'));
  for (const signal of late) expect(signal.reason).toMatch(/did not finish within \d+ ms/);
  return late.map((s) => s.id);
}

function expectReasons(snapshot: Snapshot): void {
  for (const signal of snapshot.signals) {
    if (signal.status !== 'ok') expect(signal.reason, `${signal.id} has a reason`).toMatch(/\S/);
  }
}

const mentions = (signal: Signal, file: string, home: string): boolean => {
  const shown = `~${file.slice(home.length)}`;
  const text = `${signal.source} ${signal.reason ?? ''} ${JSON.stringify(signal.meta ?? {})}`;
  return text.includes(shown) || text.includes(file);
};

function expectReported(snapshot: Snapshot, files: string[], home: string, reason?: RegExp): void {
  for (const file of files) {
    const found = snapshot.signals.filter((s) => s.status !== 'ok' && mentions(s, file, home));
    expect(found.length, `a signal that is not ok names ${file}`).toBeGreaterThan(0);
    if (reason) expect(found.map((s) => s.reason).join(' | ')).toMatch(reason);
  }
}

const SPECIAL_REASONS: Partial<Record<SpecialKind, RegExp>> = {
  fifo: /a FIFO, not a regular file/,
  'char-device': /a device, not a regular file/,
  directory: /a directory, not a regular file/,
  socket: /a socket, not a regular file/,
  'symlink-loop': /cannot be read \(ELOOP\)/,
  'permission-denied': /permission denied/,
  'unreadable-folder': /permission denied/,
};

/** Case `(index + offset) % cases.length` for each target: every case lands in several kinds of reader. */
function rotate<T>(cases: readonly T[], targets: Array<{ file: string; reported: boolean }>, offset: number) {
  return targets.map((target, index) => ({ ...target, assigned: cases[(index + offset) % cases.length] as T }));
}

/** Targets except the KDE file, which each run uses to point at a PAC. */
const targetsBut = (home: string) => configTargets(home).filter((t) => !t.file.endsWith('kioslaverc'));

const ROOT_KINDS = SPECIAL_KINDS.filter((kind) => !NEEDS_NON_ROOT.has(kind));
const PERMISSION_KINDS = SPECIAL_KINDS.filter((kind) => NEEDS_NON_ROOT.has(kind));

async function specialRun(name: string, kinds: SpecialKind[], offset: number, pacKind: SpecialKind, asNobody: boolean): Promise<void> {
  const home = await freshHome(name);
  const targets = rotate(kinds, targetsBut(home), offset);
  for (const { file, assigned } of targets) {
    const planted = await plantSpecial(file, assigned);
    if (planted) open.push(planted);
  }
  const pac = await usePac(home, Buffer.from(''));
  await rm(pac);
  await plantSpecial(pac, pacKind);
  // Deepest first: the folder of each file assigned 'unreadable-folder' (never the home itself) becomes unsearchable.
  const folders = targets.filter((t) => t.assigned === 'unreadable-folder').map((t) => path.dirname(t.file)).filter((d) => d !== home);
  for (const dir of [...new Set(folders)].sort((x, y) => y.length - x.length)) await chmod(dir, 0o000);
  const snapshot = snapshotOf(await runAs(['snapshot', '--json'], { ...baseEnv(home), GOENV: path.join(home, '.config', 'go', 'env') }, asNobody));
  expectReasons(snapshot);
  if (lateSamplers(snapshot).length > 0) return;
  const hidden = new Set(folders);
  for (const { file, reported, assigned } of targets) {
    // A file in a folder made unsearchable for another file's sake reads as permission denied too.
    const why = hidden.has(path.dirname(file)) ? /permission denied/ : SPECIAL_REASONS[assigned];
    const skipped = READS_AS_MISSING.has(assigned) || (assigned === 'unreadable-folder' && path.dirname(file) === home);
    if (reported && !skipped) expectReported(snapshot, [file], home, why);
  }
  if (!READS_AS_MISSING.has(pacKind)) expectReported(snapshot, [pac], home, SPECIAL_REASONS[pacKind]);
}

describe('bad-input corpus through `telltale snapshot --json`', { concurrent: true, timeout: 180_000 }, () => {
  it('FIFOs, devices, folders, sockets, dangling links and symlink loops where config files and the PAC should be', async () => {
    await specialRun('special-a', ROOT_KINDS, 0, 'fifo', false);
  });

  it('the same kinds, each at other config files, with the PAC a device', async () => {
    await specialRun('special-b', ROOT_KINDS, 3, 'char-device', false);
  });

  const skip = isRoot && !canDropRoot;
  it.skipIf(skip)(`config files and folders the reader may not open${skip ? ' (skipped: root without setpriv cannot read as another user)' : ''}`, async () => {
    await specialRun('special-permissions', PERMISSION_KINDS, 0, 'permission-denied', isRoot);
  });

  const PACS = ['pac-never-settles.pac', 'pac-allocates.pac', 'pac-loops.pac'];
  PACS.forEach((pacName, run) => {
    const offset = run * 5;
    it(`malformed content in every config file (rotation ${run + 1}), 120 KB proxy variables, PAC ${pacName}`, async () => {
      const home = await freshHome(`content-${run}`);
      const targets = rotate(CONTENT_CASES, targetsBut(home), offset);
      for (const { file, assigned } of targets) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, await assigned.bytes());
      }
      const pac = await usePac(home, await readFile(path.join(CORPUS_DIR, pacName)));
      // Long enough to be quadratic for a backtracking pattern; each env string stays under Linux's 128 KiB.
      const longProxy = `http://user:${'pa@ss/'.repeat(20_000)}@proxy.example:8080`;
      const env = { ...baseEnv(home), HTTPS_PROXY: longProxy, http_proxy: longProxy, NO_PROXY: 'a,'.repeat(60_000) };
      const snapshot = snapshotOf(await runAs(['snapshot', '--json'], env, false));
      expectReasons(snapshot);
      // On a machine too loaded to finish a sampler in time, its deadline says so instead: the sample
      // is whole and says why, but what that sampler reads cannot be checked in this run.
      if (lateSamplers(snapshot).length > 0) return;
      const pacResult = snapshot.signals.find((s) => s.kind === 'proxy' && s.key.source === 'pac-result');
      expect(pacResult, JSON.stringify(snapshot.timings)).toMatchObject({ status: 'error', reason: expect.stringMatching(/^PAC script failed: /) });
      expectReported(snapshot, [pac], home);
      for (const { file, reported, assigned } of targets) {
        if (!reported) continue;
        if (assigned.overCap) expectReported(snapshot, [file], home, /larger than 1048576 bytes/);
        if (assigned.refusedWhenNested && /\.(json|toml|ya?ml|xml)$/.test(file)) expectReported(snapshot, [file], home);
      }
      const proxy = snapshot.signals.find((s) => s.kind === 'proxy' && s.key.source === 'env' && s.key.variable === 'HTTPS_PROXY');
      expect(proxy).toMatchObject({ status: 'error', reason: expect.stringMatching(/too long for a URL/) });
    });
  });
});

describe('stopping and exporting over bad input', () => {
  it('serve over FIFO configs samples, answers, and stops within seconds of SIGTERM', async () => {
    const home = await freshHome('serve-fifo');
    for (const relative of ['.gitconfig', '.npmrc', '.claude/settings.json', '.config/go/env']) {
      await plantSpecial(path.join(home, relative), 'fifo');
    }
    await usePac(home, Buffer.from(''));
    await rm(path.join(home, 'proxy.pac'));
    await plantSpecial(path.join(home, 'proxy.pac'), 'fifo');
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', '--interval', '1'], {
      cwd: root,
      env: { ...baseEnv(home), XDG_STATE_HOME: path.join(home, 'state') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const address = await new Promise<{ port: number; token: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed no address: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const found = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out);
        if (found) {
          clearTimeout(timer);
          resolve({ port: Number(found[1]), token: found[2] as string });
        }
      });
    });
    const call = async (name: string) => {
      const res = await fetch(`http://127.0.0.1:${address.port}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${address.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      return (await res.json()) as unknown;
    };
    // Sampling goes on: two samples, each with the FIFOs reported, not waited on.
    let snapshot: { signals: Signal[] } | null = null;
    for (let tries = 0; tries < 300 && !snapshot; tries++) {
      const current = (await call('getSnapshot')) as { seq: number; snapshot: { signals: Signal[] } | null };
      if (current.seq >= 2) snapshot = current.snapshot;
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(snapshot, `two samples were taken: ${out}`).not.toBeNull();
    const fifo = snapshot?.signals.filter((s) => s.reason?.includes('a FIFO, not a regular file')) ?? [];
    expect(fifo.length).toBeGreaterThanOrEqual(4);
    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000))]);
    if (code === 'hung') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(Date.now() - sent).toBeLessThan(10_000);
  }, 90_000);

  it('--out "" is a usage error, and nothing is printed', async () => {
    const run = await runCli(['snapshot', '--out', ''], baseEnv(await freshHome('out-empty')), RUN_DEADLINE_MS);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--out needs a file name/);
  });

  it('--out onto a symlink is refused and the link and its target are left as they were', async () => {
    const home = await freshHome('out-link');
    const out = path.join(home, 'out');
    await mkdir(out);
    const target = path.join(out, 'real.json');
    const link = path.join(out, 'link.json');
    await writeFile(target, 'keep');
    await symlink(target, link);
    const run = await runCli(['snapshot', '--out', link], baseEnv(home), RUN_DEADLINE_MS);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is a symbolic link; not replacing it/);
    expect(await readFile(target, 'utf8')).toBe('keep');
    expect((await readdir(out)).sort()).toEqual(['link.json', 'real.json']);
  });

  it('--out over a file from a killed run: the stale temp file is removed, the export is whole', async () => {
    const home = await freshHome('out-stale');
    const out = path.join(home, 'out');
    await mkdir(out);
    const target = path.join(out, 'snap.json');
    // A temp file as a run killed mid-write leaves it: named for a process that no longer exists.
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid ?? 0)));
    await writeFile(path.join(out, `.snap.json.${pid}.0123456789ab.tmp`), '{"half":');
    const run = await runCli(['snapshot', '--out', target], baseEnv(home), RUN_DEADLINE_MS);
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(out)).toEqual(['snap.json']);
    expect(validateSnapshot(JSON.parse(await readFile(target, 'utf8'))).ok).toBe(true);
  });
});
