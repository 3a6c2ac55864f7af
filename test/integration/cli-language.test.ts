/**
 * The CLI's language on the realistic Chinese setup (Claude Code on Moonshot, an alibaba-inc.com
 * email, an npm mirror, Asia/Shanghai, zh_CN.UTF-8, a local proxy): the real `telltale` in a child
 * process follows LANG, `--lang en` overrides it, the language setting comes before the locale, a
 * language it does not speak is a usage error; the text and HTML reports in Chinese have no English
 * prose of their own and the text still fits $COLUMNS.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Snapshot } from '../../contract/snapshot.js';
import { writeToolConfigs } from '../e2e/live-fixture.js';
import { expectNoEnglishProse, htmlText, reportData } from '../helpers/report-prose.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

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
