/**
 * End to end: a real `telltale serve` samples a HOME holding planted secrets (Claude Code's settings
 * `env` block, Gemini's .env), a proxy URL whose password holds "@" and "#", and a running process
 * with secrets on its command line and a connection open. No secret appears in the API answers
 * (snapshot, sample, JSON/Markdown/HTML exports) or on the event stream; the evidence stays.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED } from '../fixtures/secrets/planted.js';
import { postApi, startServe } from '../helpers/serve-host.js';
import { readEvents, type HostAddress } from '../helpers/sse.js';

const ENV_SECRETS = PLANTED.flatMap((p) => (p.place.in === 'env' ? [{ name: p.place.name, value: p.secret }] : []));
const PROXY_PASSWORD = 'pr0xy@pa#ss';
const ARGV_SECRETS = ['ArgvKey01xyz', 'ArgvPw02xyz', 'ArgvAws03xyz', 'ArgvBearer04xyz'];
const SECRETS = [...ENV_SECRETS.map((e) => e.value), PROXY_PASSWORD, ...ARGV_SECRETS];

/** Holds a connection open, with secrets on its command line. */
const HOLDER = `require('net').connect(Number(process.argv[2]), '127.0.0.1', () => console.log('up')); setInterval(() => {}, 1e6);`;

let dir: string;
let serve: ChildProcess;
let holder: ChildProcess;
let server: net.Server;
let host: HostAddress;

const post = (name: string, body: unknown = {}): Promise<string> => postApi(host, name, body);

const leaked = (text: string): string[] => SECRETS.filter((secret) => text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-redaction-serve-'));
  const home = path.join(dir, 'home');
  const configHome = path.join(dir, 'config');
  await mkdir(path.join(home, '.claude'), { recursive: true });
  await mkdir(path.join(home, '.gemini'), { recursive: true });
  await mkdir(path.join(configHome, 'telltale'), { recursive: true });
  const env = Object.fromEntries([...ENV_SECRETS.map((e) => [e.name, e.value]), ['ANTHROPIC_BASE_URL', 'https://api.example.com']]);
  await writeFile(path.join(home, '.claude', 'settings.json'), JSON.stringify({ env }));
  await writeFile(path.join(home, '.gemini', '.env'), ENV_SECRETS.map((e) => `${e.name}=${e.value}`).join('\n'));
  await writeFile(path.join(configHome, 'telltale', 'settings.json'), JSON.stringify({ intervalSeconds: 1, paused: false }));
  await writeFile(path.join(dir, 'holder.js'), HOLDER);

  server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = String((server.address() as net.AddressInfo).port);
  holder = spawn(
    process.execPath,
    [path.join(dir, 'holder.js'), port, '--api-key', ARGV_SECRETS[0] as string, `--password=${ARGV_SECRETS[1]}`, 'set', 'aws_secret_access_key', ARGV_SECRETS[2] as string, '-H', `Authorization: Bearer ${ARGV_SECRETS[3]}`],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));

  ({ child: serve, host } = await startServe({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: home,
    XDG_CONFIG_HOME: configHome,
    XDG_STATE_HOME: path.join(dir, 'state'),
    HTTPS_PROXY: `http://alice:${PROXY_PASSWORD}@proxy.corp.example:3128`,
  }));
}, 90_000);

afterAll(async () => {
  holder?.kill('SIGKILL');
  serve?.kill('SIGKILL');
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('planted secrets through telltale serve', () => {
  it('never reach the event stream', async () => {
    // Until a snapshot or delta that holds the planted settings and the holder's command line.
    const sampled = (text: string): boolean => text.includes('holder.js') && text.includes('AWS_BEARER_TOKEN_BEDROCK');
    const events = await readEvents(host, (all) => sampled(JSON.stringify(all)), 60_000);
    expect(leaked(JSON.stringify(events))).toEqual([]);
  }, 70_000);

  it('never reach the API: snapshot, sample and every export format', async () => {
    const answers = [await post('sampleNow'), await post('getSnapshot')];
    for (const format of ['json', 'md', 'html']) answers.push(await post('exportSnapshot', { format, redaction: {} }));
    for (const answer of answers) expect(leaked(answer)).toEqual([]);
    const snapshot = answers[0] as string;
    // The evidence stays: the proxy's host and user, the holder's flags, the settings' names.
    expect(snapshot).toContain('proxy.corp.example');
    expect(snapshot).toContain('--api-key ***');
    expect(snapshot).toContain('AWS_BEARER_TOKEN_BEDROCK');
    expect(snapshot).toContain('https://api.example.com');
  }, 60_000);
});
