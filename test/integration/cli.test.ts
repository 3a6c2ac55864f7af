/**
 * The CLI as a user runs it: a real child process, a temporary HOME with real config files, chosen
 * TZ and proxy variables, and a real TCP connection held by another process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitorEvent } from '../../contract/events.js';
import type { Snapshot } from '../../contract/snapshot.js';
import { validateSnapshot } from '../../main/core/snapshot/validate.js';
import { runCli } from '../helpers/run-cli.js';

const SECRETS = ['s3cretpw', 'hunter2', 'npm_SECRETTOKEN123456', 'sk-ant-api03-abcdefghijklmnopqrstuv'];

const CMDLINE_TOKEN = 'ghp_0123456789abcdefghijABCDEFGHIJ';
let home: string;
let emptyHome: string;
const baseEnv = (): Record<string, string> => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' });

function chinaEnv(): Record<string, string> {
  return {
    ...baseEnv(),
    HOME: home,
    TZ: 'Asia/Shanghai',
    LANG: 'zh_CN.UTF-8',
    HTTPS_PROXY: 'http://alice:s3cretpw@proxy.corp.example.cn:8080',
    no_proxy: 'localhost,127.0.0.1',
    ANTHROPIC_BASE_URL: 'https://api.moonshot.cn/anthropic',
    ANTHROPIC_API_KEY: SECRETS[3] as string,
  };
}

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'telltale-cli-home-'));
  emptyHome = await mkdtemp(path.join(os.tmpdir(), 'telltale-cli-empty-'));
  await mkdir(path.join(home, 'pip'), { recursive: true });
  await mkdir(path.join(home, '.claude'), { recursive: true });
  await writeFile(path.join(home, '.gitconfig'), '[user]\n\temail = li.wei@alibaba-inc.com\n\tname = Li Wei\n');
  await writeFile(
    path.join(home, '.npmrc'),
    'registry=https://registry.npmmirror.com/\nhttps-proxy=http://bob:hunter2@10.8.0.1:3128\n' +
      '//registry.npmmirror.com/:_authToken=npm_SECRETTOKEN123456\n',
  );
  await writeFile(path.join(home, 'pip', 'pip.conf'), '[global]\nindex-url = https://pypi.tuna.tsinghua.edu.cn/simple\n');
  await writeFile(
    path.join(home, '.claude', 'settings.json'),
    JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://api.deepseek.com/anthropic', DISABLE_TELEMETRY: '1' } }),
  );
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(emptyHome, { recursive: true, force: true });
});

function parseSnapshot(stdout: string): Snapshot {
  const result = validateSnapshot(JSON.parse(stdout));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.snapshot;
}

const ids = (s: Snapshot, id: string) => s.inferences.filter((i) => i.id === id).map((i) => i.value);

describe('telltale snapshot', () => {
  let snapshot: Snapshot;
  let raw: string;

  beforeAll(async () => {
    const run = await runCli(['snapshot', '--json'], chinaEnv());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    raw = run.stdout;
    snapshot = parseSnapshot(raw);
  });

  it('prints a snapshot that validates against the shipped JSON Schema', async () => {
    const schema = JSON.parse(await readFile(new URL('../../contract/snapshot.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allowUnionTypes: true }).compile(schema);
    expect(validate(JSON.parse(raw)), JSON.stringify(validate.errors)).toBe(true);
    expect(snapshot.schemaVersion).toBe(2);
    expect(snapshot.host.platform).toBe(process.platform);
  });

  it('shows the values of the config files in HOME and of the environment as signals', () => {
    const value = (id: string) => snapshot.signals.find((s) => s.id === id)?.value;
    expect(value('timezone.iana')).toBe('Asia/Shanghai');
    expect(value('identity.git.email')).toBe('li.wei@alibaba-inc.com');
    expect(value('registry.npm')).toBe('https://registry.npmmirror.com/');
    expect(value('registry.npm.https-proxy')).toBe('http://bob:***@10.8.0.1:3128');
    expect(value('registry.pip')).toBe('https://pypi.tuna.tsinghua.edu.cn/simple');
    expect(value('proxy.env.HTTPS_PROXY')).toBe('http://alice:***@proxy.corp.example.cn:8080');
    expect(value('model.base-url.ANTHROPIC_BASE_URL')).toBe('https://api.moonshot.cn/anthropic');
  });

  it('never prints a credential', () => {
    for (const secret of SECRETS) expect(raw).not.toContain(secret);
  });

  it('infers country, proxy, organisation and AI labs from the evidence, and flags the 2026 check', () => {
    expect(ids(snapshot, 'location.country')).toEqual(['CN']);
    expect(ids(snapshot, 'network.proxy')).toEqual([true]);
    expect(ids(snapshot, 'affiliation.organization')).toContain('Alibaba');
    expect(ids(snapshot, 'affiliation.ai-lab')).toEqual(expect.arrayContaining(['Moonshot AI', 'DeepSeek']));
    const country = snapshot.inferences.find((i) => i.id === 'location.country');
    expect(country?.confidence).toBe('high');
    expect(country?.evidence).toEqual(expect.arrayContaining(['timezone.iana', 'registry.npm']));
    expect(snapshot.checks?.find((c) => c.id === 'cn-proxy-timezone-2026')?.flagged).toBe(true);
    expect(snapshot.exposure?.level).toBe('high');
  });

  it('knows Claude Code is installed from ~/.claude, reads its settings, and lists what it can see', () => {
    const claude = snapshot.tools.find((t) => t.id === 'claude-code');
    expect(claude?.installed).toBe(true);
    expect(claude?.settings?.some((s) => s.kind === 'base-url' && s.value?.includes('api.deepseek.com'))).toBe(true);
    expect(claude?.inferences).toEqual(expect.arrayContaining(['location.country', 'affiliation.ai-lab']));
    const lab = snapshot.inferences.find((i) => i.id === 'affiliation.ai-lab' && i.value === 'DeepSeek');
    expect(lab?.visibleTo).toContain('claude-code');
  });
});

describe('a machine with no hints', () => {
  it('yields no country and no affiliation', async () => {
    const run = await runCli(['snapshot', '--json'], { ...baseEnv(), HOME: emptyHome, TZ: 'UTC' });
    expect(run.code).toBe(0);
    const snapshot = parseSnapshot(run.stdout);
    expect(snapshot.inferences.map((i) => i.id)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(location\.country|affiliation\.)/)]),
    );
    expect(snapshot.checks?.find((c) => c.id === 'cn-proxy-timezone-2026')?.flagged).toBe(false);
  });

  it.each([['LANG', '@@'], ['LC_ALL', '\u00ff\u00fe']])('keeps the snapshot whole when %s is %j', async (name, value) => {
    const run = await runCli(['snapshot', '--json'], { ...baseEnv(), HOME: emptyHome, TZ: 'UTC', [name]: value });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const snapshot = parseSnapshot(run.stdout);
    expect(snapshot.signals.find((s) => s.id === `locale.${name}`)).toMatchObject({ value });
  });
});

describe('connections of this machine', () => {
  let server: net.Server;
  let child: ChildProcess;
  let port: number;

  beforeAll(async () => {
    server = net.createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
    const script = `require('net').connect(${port}, '127.0.0.1', () => console.log('up')); setInterval(() => {}, 1e6)`;
    // A token on the command line, as tools are sometimes started: it must not reach the output.
    child = spawn(process.execPath, ['-e', script, '--', '--api-key', CMDLINE_TOKEN]);
    await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  });

  afterAll(() => {
    child.kill();
    server.close();
  });

  it('attributes a held TCP connection to the pid that holds it', async () => {
    const run = await runCli(['snapshot', '--json'], { ...baseEnv(), HOME: emptyHome });
    const snapshot = parseSnapshot(run.stdout);
    const held = snapshot.connections.find((c) => c.pid === child.pid && c.remotePort === port);
    expect(held).toMatchObject({ remoteAddress: '127.0.0.1', state: 'ESTABLISHED' });
    expect(held?.remote?.host).toBe('localhost');
    const owner = snapshot.processes.find((p) => p.pid === child.pid);
    expect(owner?.name).toBe('node');
    expect(owner?.command).toContain('--api-key ***');
    expect(run.stdout).not.toContain(CMDLINE_TOKEN);
  });
});

describe('export', () => {
  it('writes JSON, Markdown and HTML files with user-only permissions and no secrets', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-export-'));
    try {
      for (const file of ['snap.json', 'snap.md', 'snap.html']) {
        const target = path.join(dir, file);
        const run = await runCli(['snapshot', '--out', target, '--mask-username', '--mask-hostname'], chinaEnv());
        expect(run.code, run.stderr).toBe(0);
        const text = await readFile(target, 'utf8');
        for (const secret of SECRETS) expect(text).not.toContain(secret);
        expect(text).not.toContain(home);
        expect((await stat(target)).mode & 0o777).toBe(0o600);
        if (file.endsWith('.json')) expect(parseSnapshot(text).redaction).toEqual({ secrets: true, hostname: true, username: true });
        if (file.endsWith('.html')) expect(text).toMatch(/^<!DOCTYPE html>/i);
        if (file.endsWith('.md')) expect(text).toContain('Asia/Shanghai');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('diff and watch', () => {
  it('says what changed between two snapshots', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-diff-'));
    try {
      const a = path.join(dir, 'a.json');
      const b = path.join(dir, 'b.json');
      expect((await runCli(['snapshot', '--out', a], { ...baseEnv(), HOME: emptyHome, TZ: 'UTC' })).code).toBe(0);
      expect((await runCli(['snapshot', '--out', b], chinaEnv())).code).toBe(0);
      const run = await runCli(['diff', a, b, '--json'], baseEnv());
      expect(run.code).toBe(0);
      const diff = JSON.parse(run.stdout);
      expect(diff.signalsChanged).toEqual(expect.arrayContaining([{ id: 'timezone.iana', before: 'UTC', after: 'Asia/Shanghai' }]));
      expect(diff.inferencesAdded.map((i: { id: string }) => i.id)).toContain('location.country');
      const text = await runCli(['diff', a, b], baseEnv());
      expect(text.stdout).toContain('Asia/Shanghai');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('watch stops after --count samples', async () => {
    const run = await runCli(['watch', '--interval', '0.2', '--count', '2'], { ...baseEnv(), HOME: emptyHome });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/first sample: \d+ signals, \d+ connections/);
  });

  it('watch --json prints the first sample as a numbered snapshot, then one typed event per line', async () => {
    const run = await runCli(['watch', '--json', '--interval', '0.2', '--count', '3'], { ...baseEnv(), HOME: emptyHome });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [first, ...rest] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(first).toMatchObject({ type: 'snapshot', seq: 1, snapshot: { schemaVersion: 2 } });
    for (const event of rest) MonitorEvent.parse(event);
  });
});

describe('usage errors exit 2 with a clear message', () => {
  it.each([
    [['bogus'], /unknown command "bogus"/],
    [['snapshot', '--format', 'pdf'], /--format must be one of json, md, html/],
    [['watch', '--interval', 'abc'], /--interval must be a positive number/],
    [['diff', 'only-one.json'], /diff takes two snapshot files/],
    [['snapshot', '--nope'], /unknown option "--nope"/],
  ])('%j', async (args, message) => {
    const run = await runCli(args, baseEnv());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a snapshot file that is not one is a failure (1), not a crash', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-bad-'));
    try {
      const bad = path.join(dir, 'bad.json');
      await writeFile(bad, '{"schemaVersion": 1, "signals": [');
      const run = await runCli(['diff', bad, bad], baseEnv());
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/is not a Telltale snapshot/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
