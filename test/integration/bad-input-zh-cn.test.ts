/**
 * Why a signal could not be read, in Chinese, from real bad input: `telltale snapshot` over a fake
 * home with a FIFO where ~/.npmrc should be, a folder where ~/.gitconfig should be, a malformed
 * proxy URL, and a PATH where no command is found. Each signal that is not ok carries its reason
 * as a message; rendered in zh-CN it is Chinese around its data (the path, the command), and the
 * text report in zh-CN shows it so.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../contract/snapshot.js';
import { renderReason } from '../../common/i18n/render-reason.js';
import { validateSnapshot } from '../../main/core/snapshot/validate.js';
import { expectChinese } from '../helpers/i18n-checks.js';
import { runCli } from '../helpers/run-cli.js';

let scratch: string;
let home: string;
let env: Record<string, string>;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'telltale-reasons-'));
  home = path.join(scratch, 'home');
  await mkdir(path.join(home, '.gitconfig'), { recursive: true });
  execFileSync('mkfifo', [path.join(home, '.npmrc')]);
  // A ~/.cargo/config.toml cut off mid-table.
  await mkdir(path.join(home, '.cargo'));
  await writeFile(path.join(home, '.cargo', 'config.toml'), '[source.crates-io]\nreplace-with = "mirror"\n[source.mirror\n');
  // No command can be found: git, gsettings and the rest are "command not found".
  const empty = path.join(scratch, 'no-commands');
  await mkdir(empty);
  env = { PATH: empty, LANG: 'C.UTF-8', HOME: home, HTTPS_PROXY: 'http://user:secret@[bad' };
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Wide, so the report's cells do not wrap a reason. */
const snapshotRun = (args: string[]) => runCli(['snapshot', ...args], { ...env, COLUMNS: '200' }, 90_000);

describe('reasons from real bad input, in Chinese', { timeout: 120_000 }, () => {
  let snapshot: Snapshot;

  beforeAll(async () => {
    const run = await snapshotRun(['--json']);
    expect(run.code, run.stderr.slice(0, 2000)).toBe(0);
    const checked = validateSnapshot(JSON.parse(run.stdout));
    if (!checked.ok) throw new Error(checked.errors.join('\n'));
    snapshot = checked.snapshot;
  }, 120_000);

  const failed = () => snapshot.signals.filter((s) => s.status !== 'ok');
  const withReason = (id: string) => failed().find((s) => s.reasonMessage?.id === id);

  it('every signal that is not ok has its reason as a message, and its English text is that message rendered', () => {
    expect(failed().length).toBeGreaterThan(3);
    for (const signal of failed()) {
      expect(signal.reasonMessage, signal.id).toBeDefined();
      if (signal.reasonMessage) expect(signal.reason).toBe(renderReason(signal.reasonMessage, 'en'));
    }
  });

  it('renders each in Chinese, with the path, the command and the value as data', () => {
    for (const signal of failed()) {
      if (!signal.reasonMessage) continue;
      expectChinese(renderReason(signal.reasonMessage, 'zh-CN'), signal.reasonMessage, signal.id);
    }
    const notRegular = (path: string) => failed().find((s) => s.reasonMessage?.id === 'reason.file.not-regular' && s.reasonMessage.path === path);
    const fifo = notRegular('~/.npmrc')?.reasonMessage;
    expect(fifo).toMatchObject({ is: 'fifo' });
    expect(fifo && renderReason(fifo, 'zh-CN')).toBe('~/.npmrc：是 FIFO（命名管道），不是普通文件');
    const folder = notRegular('~/.gitconfig')?.reasonMessage;
    expect(folder && renderReason(folder, 'zh-CN')).toBe('~/.gitconfig：是目录，不是普通文件');
    const git = withReason('reason.git.files-unreadable');
    expect(git?.reasonMessage && renderReason(git.reasonMessage, 'zh-CN')).toMatch(/^user\.(email|name) 未知：无法读取 ~\/\.gitconfig$/);
    const proxy = withReason('reason.url.malformed');
    expect(proxy?.reasonMessage && renderReason(proxy.reasonMessage, 'zh-CN')).toBe('URL 格式错误：http://user:***@[bad');
    const cargo = withReason('reason.config.unparsable');
    expect(cargo?.reasonMessage && renderReason(cargo.reasonMessage, 'zh-CN')).toMatch(/^~\/\.cargo\/config\.toml：cargo config 格式无效（第 \d+ 行第 \d+ 列）/);
    const command = withReason('reason.command.not-found') ?? withReason('reason.all-failed');
    expect(command?.reasonMessage && renderReason(command.reasonMessage, 'zh-CN')).toMatch(/命令未找到：\w+/);
  });

  it('the text report in zh-CN (--verbose) shows the reasons in Chinese', async () => {
    const run = await snapshotRun(['--verbose', '--lang', 'zh-CN']);
    expect(run.code, run.stderr.slice(0, 2000)).toBe(0);
    expect(run.stdout).toContain('~/.npmrc：是 FIFO（命名管道），不是普通文件');
    expect(run.stdout).toContain('URL 格式错误：');
    expect(run.stdout).toContain('命令未找到：');
    expect(run.stdout).not.toMatch(/not a regular file|malformed URL|command not found/);
  });
});
