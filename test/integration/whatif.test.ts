/**
 * What-if against reality: `telltale whatif` with some changes must give the same inferences, 2026
 * check and exposure as a fresh `telltale snapshot` of a machine that really has those changes
 * (another environment, another HOME), both real child processes reading real files.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Snapshot } from '../../contract/snapshot.js';
import { WhatIfResult, type WhatIfOutcome } from '../../contract/whatif.js';
import { runCli } from '../helpers/run-cli.js';

type Env = Record<string, string>;
const homes: string[] = [];

interface Home {
  gitEmail?: string;
  npmMirror?: boolean;
  claudeBaseUrl?: string;
}

/** A HOME with a git identity, an npm mirror and Claude Code's settings, each optional. */
async function makeHome(options: Home): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'telltale-whatif-'));
  homes.push(home);
  await mkdir(path.join(home, '.claude'), { recursive: true });
  await writeFile(path.join(home, '.gitconfig'), `[user]\n\tname = Li Wei\n${options.gitEmail ? `\temail = ${options.gitEmail}\n` : ''}`);
  if (options.npmMirror) await writeFile(path.join(home, '.npmrc'), 'registry=https://registry.npmmirror.com/\n');
  await writeFile(
    path.join(home, '.claude', 'settings.json'),
    JSON.stringify({ env: options.claudeBaseUrl ? { ANTHROPIC_BASE_URL: options.claudeBaseUrl } : {} }),
  );
  return home;
}

const REALISTIC: Home = { gitEmail: 'li.wei@alibaba-inc.com', npmMirror: true, claudeBaseUrl: 'https://api.moonshot.cn/anthropic' };

/** The realistic setup: Shanghai, zh_CN, a local proxy. */
const chinaEnv = (home: string): Env => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: home,
  TZ: 'Asia/Shanghai',
  LANG: 'zh_CN.UTF-8',
  LC_ALL: 'zh_CN.UTF-8',
  HTTPS_PROXY: 'http://127.0.0.1:7890',
  NO_PROXY: 'localhost',
});

async function whatif(args: string[], env: Env): Promise<WhatIfResult> {
  const run = await runCli(['whatif', '--json', ...args], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return WhatIfResult.parse(JSON.parse(run.stdout));
}

async function fresh(env: Env): Promise<WhatIfOutcome> {
  const run = await runCli(['snapshot', '--json'], env);
  expect(run.code).toBe(0);
  const snapshot = Snapshot.parse(JSON.parse(run.stdout));
  return { inferences: snapshot.inferences, checks: snapshot.checks ?? [], exposure: snapshot.exposure ?? { level: 'none', summary: '' } };
}

/**
 * A what-if and a snapshot taken side by side. Which tools can see the evidence includes the tools
 * running at that instant, and other tests start tool-like processes (a "codex.js") at any time:
 * a pair taken while one started or exited is taken again (up to 3 times); a real difference
 * stays on every try.
 */
async function sideBySide(args: string[], env: Env, changedEnv: Env): Promise<[WhatIfResult, WhatIfOutcome]> {
  let pair = await Promise.all([whatif(args, env), fresh(changedEnv)]);
  for (let retry = 0; retry < 2 && !isDeepStrictEqual(pair[0].after, pair[1]); retry++) {
    pair = await Promise.all([whatif(args, env), fresh(changedEnv)]);
  }
  return pair;
}

let realistic: string;
beforeAll(async () => {
  realistic = await makeHome(REALISTIC);
});

afterAll(async () => {
  await Promise.all(homes.map((home) => rm(home, { recursive: true, force: true })));
});

describe('telltale whatif', () => {
  it('with no changes gives what a snapshot gives', async () => {
    const env = chinaEnv(realistic);
    const [result, now] = await sideBySide([], env, env);
    expect(result.before).toEqual(now);
    expect(result.after).toEqual(now);
    expect(result.signalsChanged).toEqual([]);
  });

  it('--unset HTTPS_PROXY --tz UTC equals a snapshot taken without the proxy and with TZ=UTC', async () => {
    const env = chinaEnv(realistic);
    const { HTTPS_PROXY: _unset, ...withoutProxy } = env;
    const [result, changed] = await sideBySide(['--unset', 'HTTPS_PROXY', '--tz', 'UTC'], env, { ...withoutProxy, TZ: 'UTC' });
    expect(result.after).toEqual(changed);
    expect(result.after.inferences.map((i) => i.id)).not.toContain('network.proxy');
    expect(result.before.inferences.map((i) => i.id)).toContain('network.proxy');
  });

  it('a neutral locale, no npm mirror and no git email equal a snapshot of a machine without them', async () => {
    const env = chinaEnv(realistic);
    const plain = await makeHome({ claudeBaseUrl: REALISTIC.claudeBaseUrl });
    const { LC_ALL: _lcAll, ...rest } = chinaEnv(plain);
    const [result, changed] = await sideBySide(['--locale', 'en_US.UTF-8', '--drop-mirror', 'npm', '--hide-git-email'], env, { ...rest, LANG: 'en_US.UTF-8' });
    expect(result.after).toEqual(changed);
    expect(result.after.inferences.map((i) => i.id)).not.toContain('affiliation.organization');
  });

  it("changing Claude Code's base URL and dropping the proxy clears the 2026 check, as a snapshot with that config does", async () => {
    const env = chinaEnv(realistic);
    const anthropic = await makeHome({ ...REALISTIC, claudeBaseUrl: 'https://api.anthropic.com' });
    const { HTTPS_PROXY: _unset, ...withoutProxy } = chinaEnv(anthropic);
    const [result, changed] = await sideBySide(['--base-url', 'ANTHROPIC_BASE_URL=https://api.anthropic.com', '--unset', 'HTTPS_PROXY'], env, withoutProxy);
    expect(result.before.checks.find((c) => c.flagged)).toBeDefined();
    expect(result.after).toEqual(changed);
    expect(result.after.checks.some((c) => c.flagged)).toBe(false);
  });

  it('refuses a malformed change with a usage error, in the locale\'s language', async () => {
    const run = await runCli(['whatif', '--base-url', 'no-equals-sign'], chinaEnv(realistic));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base-url 的格式是 VARIABLE=URL，而不是“no-equals-sign”');
    const mirror = await runCli(['whatif', '--drop-mirror', 'rubygems', '--lang', 'en'], chinaEnv(realistic));
    expect(mirror.code).toBe(2);
    expect(mirror.stderr).toContain('--drop-mirror takes a value like npm, got "rubygems"');
  });
});
