/**
 * `telltale snapshot` and `telltale diff` as a user reads them on a terminal: the real CLI in a
 * child process, with a home full of settings (a proxy, a mirror, a Chinese time zone and locale),
 * piped with COLUMNS and NO_COLOR / FORCE_COLOR, and on a pseudo-terminal (script(1)) of a set width.
 * In English (--lang en over LANG=zh_CN); test/integration/cli-language.test.ts reads the Chinese.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, runCli } from '../helpers/run-cli.js';

const ESC = '\u001b[';
let home: string;
let version: string;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'zh_CN.UTF-8',
    TZ: 'Asia/Shanghai',
    HTTPS_PROXY: 'http://alice:s3cretpw@proxy.corp.example.cn:8080',
    ANTHROPIC_BASE_URL: 'https://api.moonshot.cn/anthropic',
    ...extra,
  };
}

const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'telltale-report-home-'));
  await mkdir(path.join(home, '.claude'), { recursive: true });
  await writeFile(path.join(home, '.gitconfig'), '[user]\n\temail = li.wei@alibaba-inc.com\n\tname = 李伟 (Li Wei)\n');
  await writeFile(path.join(home, '.npmrc'), `registry=https://registry.npmmirror.com/${'very-long-path-segment/'.repeat(8)}\n`);
  await writeFile(path.join(home, '.claude', 'settings.json'), JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://api.deepseek.com/anthropic' } }));
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  version = pkg.version;
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

// Each run samples the machine (a few seconds on a loaded box).
describe('telltale snapshot on a terminal', { timeout: 120_000 }, () => {
  it.each([80, 60])('piped with COLUMNS=%i and NO_COLOR: the summary first, every line within the width, no colour', async (columns) => {
    const run = await runCli(['snapshot', '--lang', 'en'], env({ COLUMNS: String(columns), NO_COLOR: '1' }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain(ESC);
    expect(widest(run.stdout)).toBeLessThanOrEqual(columns);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Telltale report');
    expect(run.stdout).toMatch(new RegExp(`^Telltale:\\s+${version.replaceAll('.', '\\.')}$`, 'm'));
    expect(run.stdout).toMatch(/UTC\+08:00/);
    const summary = lines.indexOf('Summary');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(12);
    // The summary table, before any other section: exposure, the inferences, the 2026 check.
    const table = lines.slice(summary, lines.indexOf('Inferences')).join('\n');
    for (const finding of ['Exposure', 'Country', 'China (CN)', 'Employer', 'Alibaba', 'Would']) expect(table).toContain(finding);
    expect(table).toMatch(/2026/);
    expect(run.stdout).not.toContain('s3cretpw');
  });

  it('without COLUMNS on a pipe: 80 columns; FORCE_COLOR colours it, still within them', async () => {
    const [plain, forced] = await Promise.all([runCli(['snapshot', '--lang', 'en'], env()), runCli(['snapshot', '--lang', 'en'], env({ FORCE_COLOR: '1' }))]);
    expect(plain.stdout).not.toContain(ESC);
    expect(widest(plain.stdout)).toBeLessThanOrEqual(80);
    expect(forced.stdout).toContain(ESC);
    expect(widest(forced.stdout)).toBeLessThanOrEqual(80);
  });

  it('--verbose adds the signals that are not set', async () => {
    const [short, verbose] = await Promise.all([
      runCli(['snapshot', '--lang', 'en'], env({ COLUMNS: '200' })),
      runCli(['snapshot', '--verbose', '--lang', 'en'], env({ COLUMNS: '200' })),
    ]);
    expect(short.stdout).toContain('--verbose lists them');
    expect(verbose.stdout).not.toContain('--verbose lists them');
    expect(verbose.stdout).toMatch(/\(none\)|unavailable: /);
    expect(verbose.stdout.split('\n').length).toBeGreaterThan(short.stdout.split('\n').length);
  });

  // script(1) of util-linux gives the CLI a pseudo-terminal; BSD's script takes other options.
  it.skipIf(process.platform !== 'linux')('on a pseudo-terminal: the terminal width, in colour; NO_COLOR turns the colour off', async () => {
    const onPty = (extra: Record<string, string>) =>
      new Promise<{ code: number | null; out: string }>((resolve, reject) => {
        const command = `stty cols 72; exec '${process.execPath}' --import tsx '${cliEntry}' snapshot --lang en`;
        const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: path.dirname(cliEntry), env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, out: out.replaceAll('\r\n', '\n') }));
      });
    const coloured = await onPty({ COLUMNS: '200' });
    expect(coloured.code).toBe(0);
    expect(coloured.out).toContain(ESC);
    expect(stripVTControlCharacters(coloured.out)).toContain('Summary');
    expect(widest(coloured.out)).toBeLessThanOrEqual(72);
    const plain = await onPty({ NO_COLOR: '1' });
    expect(plain.out).not.toContain(ESC);
    expect(widest(plain.out)).toBeLessThanOrEqual(72);
  });
});

describe('telltale snapshot --out report.md and diff', { timeout: 180_000 }, () => {
  it('writes the Markdown report with the version and no HTML entities; diff summarises in names', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-report-out-'));
    try {
      const md = path.join(dir, 'report.md');
      expect((await runCli(['snapshot', '--out', md, '--lang', 'en'], env())).code).toBe(0);
      const text = await readFile(md, 'utf8');
      expect(text).toContain(`- **Telltale:** ${version}`);
      expect(text).toContain('## Time zone \\& locale');
      expect(text).not.toMatch(/&(?:[a-z]+|#\d+);/i);
      expect(text.indexOf('## Summary')).toBeLessThan(text.indexOf('## Connections'));

      const [a, b] = [path.join(dir, 'a.json'), path.join(dir, 'b.json')];
      expect((await runCli(['snapshot', '--out', a], { PATH: process.env.PATH ?? '', HOME: dir, TZ: 'UTC', LANG: 'C.UTF-8' })).code).toBe(0);
      expect((await runCli(['snapshot', '--out', b], env())).code).toBe(0);
      const diff = await runCli(['diff', a, b, '--lang', 'en'], env());
      expect(diff.code, diff.stderr).toBe(0);
      expect(diff.stdout).toMatch(/\+ Country: China \(CN\) \((high|medium|low) confidence\)/);
      expect(diff.stdout).toMatch(/~ Time zone: UTC -> Asia\/Shanghai/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
