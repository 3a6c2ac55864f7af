/**
 * The CLI's language on the realistic Chinese setup (Claude Code on Moonshot, an alibaba-inc.com
 * email, an npm mirror, Asia/Shanghai, zh_CN.UTF-8, a local proxy): the real `telltale` in a child
 * process follows LANG, `--lang en` overrides it, the language setting comes before the locale, a
 * language it does not speak is a usage error; the text and HTML reports in Chinese have no English
 * prose of their own and the text still fits $COLUMNS. tap's lines, diff's refusal of a file that is
 * not a snapshot and a malformed settings file's problem follow the language too.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Snapshot } from '../../contract/snapshot.js';
import { writeToolConfigs } from '../e2e/live-fixture.js';
import { expectNoEnglishProse, htmlText, reportData } from '../helpers/report-prose.js';
import { cliEntry, runCli, type CliRun } from '../helpers/run-cli.js';

let root: string;
let home: string;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TZ: 'Asia/Shanghai',
    LANG: 'zh_CN.UTF-8',
    HTTPS_PROXY: 'http://127.0.0.1:7890',
    NO_PROXY: 'localhost',
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_STATE_HOME: path.join(root, 'state'),
    NO_COLOR: '1',
    ...extra,
  };
}

/** A run's time limit: parallel samples on a loaded machine take long. */
const SLOW = 180_000;

const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));

function ok(run: CliRun): string {
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'telltale-cli-lang-'));
  home = path.join(root, 'home');
  // The end-to-end tests' realistic setup: Claude Code on Moonshot (through a proxy), an Alibaba email, an npm mirror.
  await writeToolConfigs(home);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Each run samples the machine (seconds on a loaded box); the runs of a test go in parallel.
describe('telltale snapshot on the realistic Chinese setup', { timeout: 300_000 }, () => {
  it('speaks Chinese by LANG, in text and HTML, with no English prose of its own; the text fits $COLUMNS', async () => {
    const [json, wide, narrow, html] = await Promise.all([
      runCli(['snapshot', '--json'], env(), SLOW),
      runCli(['snapshot'], env({ COLUMNS: '1000' }), SLOW),
      runCli(['snapshot'], env({ COLUMNS: '64' }), SLOW),
      runCli(['snapshot', '--format', 'html'], env(), SLOW),
    ]);
    // The data of a sample taken alongside (the machine's own sockets come and go, the setup's data stays).
    const data = reportData(Snapshot.parse(JSON.parse(ok(json))));

    const text = ok(wide);
    expect(text.split('\n')[0]).toBe('Telltale 报告');
    for (const heading of ['概要', '推断', '检测', '工具', '时区和区域设置', '网络连接']) expect(text).toMatch(new RegExp(`^${heading}$`, 'm'));
    expect(text).toMatch(/采样时间：\s+\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d UTC\+08:00（Asia\/Shanghai，中国标准时间）/);
    expect(text).toContain('工具几乎可以肯定你在中国（CN）');
    expect(text).not.toContain('secretpw');
    expectNoEnglishProse(text, data, 'text');

    expect(widest(ok(narrow))).toBeLessThanOrEqual(64);
    expect(ok(narrow)).toMatch(/[\u4e00-\u9fff]/);

    const page = ok(html);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<title>Telltale 报告</title>');
    expectNoEnglishProse(htmlText(page), data, 'HTML');
  });

  it('--lang en overrides LANG, in text, HTML and Markdown', async () => {
    const dir = await mkdtemp(path.join(root, 'out-'));
    const md = path.join(dir, 'report.md');
    const [text, html, written] = await Promise.all([
      runCli(['snapshot', '--lang', 'en'], env({ COLUMNS: '80' }), SLOW),
      runCli(['snapshot', '--format', 'html', '--lang', 'en'], env(), SLOW),
      runCli(['snapshot', '--out', md, '--lang', 'en'], env(), SLOW),
    ]);
    expect(ok(text).split('\n')[0]).toBe('Telltale report');
    expect(ok(text)).toMatch(/^Summary$/m);
    expect(ok(text)).toMatch(/Taken at:\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00 \(Asia\/Shanghai\)/);
    expect(ok(html)).toContain('<html lang="en">');
    ok(written);
    expect(written.stderr).toContain(`wrote md snapshot to ${md}`);
    expect(await readFile(md, 'utf8')).toMatch(/^# Telltale report\n[\s\S]*^## Summary$/m);
  });

  it('writes the Markdown report in Chinese by LANG, and says so in Chinese', async () => {
    const md = path.join(root, 'report-zh.md');
    const run = await runCli(['snapshot', '--out', md], env());
    ok(run);
    expect(run.stderr).toContain(`已将 md 格式的快照写入 ${md}`);
    const text = await readFile(md, 'utf8');
    expect(text).toMatch(/^# Telltale 报告$/m);
    expect(text).toMatch(/^## 时区和区域设置$/m);
    expect(text).toContain('- **Telltale 版本：**');
  });

  it('takes the language setting over the locale, and LC_ALL over LANG', async () => {
    const configDir = path.join(root, 'config-en');
    await mkdir(path.join(configDir, 'telltale'), { recursive: true });
    await writeFile(path.join(configDir, 'telltale', 'settings.json'), JSON.stringify({ language: 'en' }));
    const [setting, flagOverSetting, lcAll] = await Promise.all([
      runCli(['snapshot'], env({ XDG_CONFIG_HOME: configDir }), SLOW),
      runCli(['snapshot', '--lang', 'zh-CN'], env({ XDG_CONFIG_HOME: configDir }), SLOW),
      runCli(['snapshot'], env({ LC_ALL: 'C' }), SLOW),
    ]);
    expect(ok(setting).split('\n')[0]).toBe('Telltale report');
    expect(ok(flagOverSetting).split('\n')[0]).toBe('Telltale 报告');
    expect(ok(lcAll).split('\n')[0]).toBe('Telltale report');
  });
});

describe('--lang on every command', { timeout: 120_000 }, () => {
  it.each([
    ['snapshot', '--lang', 'fr'],
    ['watch', '--count', '1', '--lang', 'fr'],
    ['whatif', '--lang', 'fr'],
    ['diff', 'a.json', 'b.json', '--lang', 'fr'],
    ['history', '--lang', 'fr'],
    ['history', 'endpoints', '--lang', 'fr'],
    ['probe', '--lang', 'fr', '--', 'true'],
  ])('%s with a language it does not speak is a usage error (exit 2), said in the locale\'s language', async (...command) => {
    const [zh, en] = await Promise.all([runCli(command, env()), runCli(command, env({ LC_ALL: 'C' }))]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--lang 必须是 en、zh-CN 之一，而不是“fr”');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--lang must be one of en, zh-CN, got "fr"');
  });

  it('diff speaks the language asked for', async () => {
    const file = path.join(root, 'same.json');
    await writeFile(file, ok(await runCli(['snapshot', '--json'], env())));
    const [zh, en] = await Promise.all([runCli(['diff', file, file], env()), runCli(['diff', file, file, '--lang', 'en'], env())]);
    expect(ok(zh)).toMatch(/^从 \S+ 到 \S+ 的变化\n没有变化。$/m);
    expect(ok(en)).toMatch(/^Changes from \S+ to \S+\nNo changes\.$/m);
  });
});

/** The synopses of the English help (commands, options, metavariables): what the Chinese help keeps as it is. */
function synopses(englishHelp: string): string[] {
  return englishHelp
    .split('\n')
    .filter((line) => /^ {2,}\S/.test(line) && (/^ */.exec(line)?.[0].length ?? 0) < 20)
    .map((line) => line.trim().split(/ {2,}/)[0] ?? '');
}

describe('telltale help and usage errors', { timeout: 120_000 }, () => {
  it('speak Chinese by LANG and by --lang, with no English prose but the synopses, within 80 columns', async () => {
    const [byLang, byFlag, english] = await Promise.all([
      runCli(['help'], env()),
      runCli(['--help', '--lang', 'zh-CN'], env({ LANG: 'en_US.UTF-8' })),
      runCli(['help', '--lang', 'en'], env()),
    ]);
    const help = ok(byLang);
    expect(ok(byFlag)).toBe(help);
    expect(help.split('\n')[0]).toBe('用法：telltale <command> [options]');
    expect(help).toMatch(/^命令：$/m);
    const data = synopses(ok(english));
    expect(data).toContain('snapshot [--json] [--out FILE] [--format json|md|html]');
    expectNoEnglishProse(help, data, 'help');
    expect(widest(help)).toBeLessThanOrEqual(80);
  });

  it('--lang en wins over LANG', async () => {
    const help = ok(await runCli(['help', '--lang', 'en'], env()));
    expect(help.split('\n')[0]).toBe('Usage: telltale <command> [options]');
    expect(help).toContain('sample this machine once');
    expect(widest(help)).toBeLessThanOrEqual(80);
  });

  it('a usage error is said in Chinese, then the help, exit 2; --lang en says it in English', async () => {
    const [zh, en, probe] = await Promise.all([
      runCli(['snapshot', '--bogus'], env()),
      runCli(['snapshot', '--bogus', '--lang', 'en'], env()),
      runCli(['probe', '--runs', '1', '--', 'true'], env()),
    ]);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    const [message, blank, first] = zh.stderr.split('\n');
    expect(message).toBe('telltale: 未知选项“--bogus”');
    expect(blank).toBe('');
    expect(first).toBe('用法：telltale <command> [options]');
    expect(en.code).toBe(2);
    expect(en.stderr.split('\n')[0]).toBe('telltale: unknown option "--bogus"');
    expect(probe.code).toBe(2);
    expect(probe.stderr).toMatch(/^telltale probe: --runs 必须是不小于 2 的整数，而不是“1”\n\n用法：telltale probe /);
    expect(widest(probe.stderr)).toBeLessThanOrEqual(80);
  });
});

/** A proxy-form request (the absolute URL as its path) to the tap at `url`: the status it answered. */
function viaProxy(url: string): Promise<number | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: 'GET', path: 'http://api.anthropic.com/v1/models' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `telltale tap ARGS` in a child process: its banner, one request through it as a proxy, then SIGINT. */
function runTapCli(args: string[], environment: Record<string, string>): Promise<CliRun & { answered: number | undefined }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliEntry, 'tap', '--port', '0', ...args], { env: environment, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let answered: number | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      // The banner ends with its Ctrl-C line: then the tap is ready.
      if (url && !/Ctrl-C/.test(before) && /Ctrl-C.*\n/.test(stdout))
        void viaProxy(url).then((status) => {
          answered = status;
          // The request's line is printed as it is recorded; stop once it is there.
          const stop = () => (/^#1 /m.test(stdout) ? child.kill('SIGINT') : setTimeout(stop, 20));
          stop();
        }, reject);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, answered });
    });
  });
}

describe('telltale tap, diff of a file that is not a snapshot, and a bad settings file, in the language in force', { timeout: 120_000 }, () => {
  it('tap speaks Chinese by LANG and by --lang, English with --lang en; the URLs and paths stay as they are', async () => {
    const captures = (name: string) => path.join(root, 'tap', name);
    const [byLang, byFlag, english] = await Promise.all([
      runTapCli(['--capture-dir', captures('lang')], env()),
      runTapCli(['--capture-dir', captures('flag'), '--lang', 'zh-CN', '--forward'], env({ LANG: 'en_US.UTF-8' })),
      runTapCli(['--capture-dir', captures('en'), '--lang', 'en'], env()),
    ]);
    for (const [run, dir] of [[byLang, 'lang'], [byFlag, 'flag'], [english, 'en']] as const) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.answered).toBeDefined();
      expect(run.stdout).toContain(`  HTTP_PROXY=`);
      expect(run.stdout).toContain(captures(dir));
      expect(await readdir(captures(dir))).not.toEqual([]);
    }
    const lines = byLang.stdout.split('\n');
    expect(lines[0]).toMatch(/^telltale tap 正在监听 http:\/\/127\.0\.0\.1:\d+（仅环回）；捕获的请求保存在 \S+$/);
    expect(lines).toContain('把工具的模型基础 URL 指向它：');
    expect(lines).toContain('按 Ctrl-C 停止。');
    expect(byLang.stdout).toMatch(/^#1 GET http:\/\/api\.anthropic\.com\/v1\/models -> \d+（经代理）$/m);
    expect(byLang.stdout).toMatch(/^telltale tap：已停止，共收到 1 个请求$/m);
    // Data: the env assignments (indented), the request as it was, the URL, the paths, names.
    const assignments = lines.filter((line) => line.startsWith('  ')).map((line) => line.trim());
    const request = /^#1 GET \S+ -> \d+/m.exec(byLang.stdout)?.[0] ?? '';
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(byLang.stdout)?.[0] ?? '';
    const data = [...assignments, request, url, captures('lang'), 'telltale tap', 'Ctrl-C', 'URL', 'HTTP'];
    expectNoEnglishProse(byLang.stdout, data, 'tap');
    expect(byFlag.stdout.split('\n')[0]).toMatch(/^telltale tap 正在监听 /);
    expect(byFlag.stderr).toMatch(/^!!! 警告：--forward 已开启。/m);
    expect(english.stdout.split('\n')[0]).toMatch(/^telltale tap listening on http:\/\/127\.0\.0\.1:\d+ \(loopback only\); captures in /);
    expect(english.stdout).toMatch(/ -> \d+ \(via proxy\)$/m);
    expect(english.stdout).toMatch(/^telltale tap: stopped after 1 request\(s\)$/m);
  });

  it('a bad --port is still a usage error (exit 2), said in the locale', async () => {
    const run = await runCli(['tap', '--port', 'abc'], env());
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[1]).toBe('用法：telltale tap [--port N] [--capture-dir DIR] [--forward] [--lang en|zh-CN]');
  });

  it('diff of a file that is not a snapshot says so in Chinese, the file and the errors as they are, exit 1', async () => {
    const file = path.join(root, 'not-a-snapshot.json');
    await writeFile(file, JSON.stringify({ hello: 'world' }));
    const [zh, en] = await Promise.all([runCli(['diff', file, file], env()), runCli(['diff', file, file, '--lang', 'en'], env())]);
    expect(zh.code).toBe(1);
    expect(zh.stderr.split('\n')[0]).toBe(`telltale: ${file} 不是 Telltale 快照：`);
    expect(zh.stderr.split('\n')[1]).toMatch(/^ {2}\S/);
    expect(en.code).toBe(1);
    expect(en.stderr.split('\n')[0]).toBe(`telltale: ${file} is not a Telltale snapshot:`);
    // The validation errors are data: the same in both languages.
    expect(zh.stderr.split('\n').slice(1)).toEqual(en.stderr.split('\n').slice(1));
  });

  it('a malformed settings file is said in Chinese, moved aside, and the command still runs', async () => {
    const configDir = path.join(root, 'config-bad');
    const settings = path.join(configDir, 'telltale', 'settings.json');
    await mkdir(path.dirname(settings), { recursive: true });
    await writeFile(settings, '{"intervalSeconds": 12,');
    const file = path.join(root, 'same-for-settings.json');
    await writeFile(file, ok(await runCli(['snapshot', '--json', '--lang', 'en'], env())));
    const run = await runCli(['diff', file, file], env({ XDG_CONFIG_HOME: configDir }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/没有变化。/);
    const aside = (await readdir(path.dirname(settings))).filter((name) => name.startsWith('settings.json.bad-'));
    expect(aside).toHaveLength(1);
    const said = run.stderr.trim();
    expect(said).toMatch(/^telltale: 设置文件不是有效的 JSON（.+）；已将其移至 \S+settings\.json\.bad-\S+，继续使用当前设置。$/);
    expect(said).toContain(path.join(path.dirname(settings), aside[0] ?? ''));
  });
});

