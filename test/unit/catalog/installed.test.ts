import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemIo } from '../../../main/adapters/system-io.js';
import type { SampleContext } from '../../../main/core/context.js';
import { detectInstalled, findOnPath } from '../../../main/core/catalog/installed.js';
import { fixtureContext } from '../../helpers/fixture-io.js';

describe('detectInstalled on a real home directory', () => {
  let home: string;
  let bin: string;
  let ctx: SampleContext;

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'telltale-installed-'));
    bin = path.join(home, 'bin');
    await mkdir(path.join(home, '.claude'), { recursive: true });
    await mkdir(path.join(home, '.codex'), { recursive: true });
    await writeFile(path.join(home, '.codex', 'config.toml'), 'model = "o3"\n');
    await writeFile(path.join(home, '.aider.conf.yml'), 'model: sonnet\n');
    await mkdir(path.join(home, '.vscode', 'extensions', 'github.copilot-1.388.0'), { recursive: true });
    await mkdir(path.join(home, '.vscode', 'extensions', 'ms-python.python-2025.1.0'), { recursive: true });
    await mkdir(bin);
    await writeFile(path.join(bin, 'claude'), '#!/bin/sh\necho claude stub\n');
    await chmod(path.join(bin, 'claude'), 0o755);
    ctx = { env: { PATH: `${bin}::/nonexistent/dir` }, home, platform: 'linux', io: systemIo };
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('reports home paths and bins on PATH as home-relative evidence', async () => {
    const installed = await detectInstalled(ctx);
    expect(installed.get('claude-code')).toEqual(['~/.claude', '~/bin/claude (on PATH)']);
    expect(installed.get('codex-cli')).toEqual(['~/.codex']);
    expect(installed.get('aider')).toEqual(['~/.aider.conf.yml']);
    expect(installed.get('vscode')).toEqual(['~/.vscode']);
  });

  it('matches extension folders by wildcard', async () => {
    const installed = await detectInstalled(ctx);
    expect(installed.get('copilot')).toEqual(['~/.vscode/extensions/github.copilot-1.388.0']);
  });

  it('leaves out tools with no evidence', async () => {
    const installed = await detectInstalled(ctx);
    for (const id of ['cursor', 'gemini-cli', 'kimi-cli', 'trae']) expect(installed.has(id)).toBe(false);
  });

  it('finds a bin in every PATH directory that has it, and nothing for a missing one', async () => {
    expect(await findOnPath('claude', ctx)).toEqual([path.join(bin, 'claude')]);
    expect(await findOnPath('codex', ctx)).toEqual([]);
  });

  it('copes with an unset PATH', async () => {
    expect(await findOnPath('claude', { ...ctx, env: {} })).toEqual([]);
  });
});

describe('detectInstalled on other platforms (fixture file systems)', () => {
  it('Windows: tries PATHEXT, reads Path case-insensitively and resolves %LOCALAPPDATA%', async () => {
    const ctx = fixtureContext({
      platform: 'win32',
      home: 'C:\\Users\\dev',
      env: {
        Path: 'C:\\Windows\\system32;"C:\\Users\\dev\\.local\\bin";C:\\Users\\dev\\AppData\\Roaming\\npm',
        PATHEXT: '.COM;.EXE;.BAT;.CMD',
        LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local',
      },
      files: {
        'C:/Users/dev/.local/bin/claude.exe': '',
        'C:/Users/dev/AppData/Roaming/npm/codex.cmd': '',
        'C:/Users/dev/AppData/Roaming/npm/codex': '', // the sh shim npm also writes; not runnable by Windows
      },
      dirs: { 'C:/Users/dev/AppData/Local/Programs/cursor': [] },
    });
    const installed = await detectInstalled(ctx);
    expect(installed.get('claude-code')).toEqual(['~/.local/bin/claude.exe (on PATH)']);
    expect(installed.get('codex-cli')).toEqual(['~/AppData/Roaming/npm/codex.cmd (on PATH)']);
    expect(installed.get('cursor')).toEqual(['~/AppData/Local/Programs/cursor']);
  });

  it('macOS: finds app bundles under /Applications', async () => {
    const ctx = fixtureContext({
      platform: 'darwin',
      home: '/Users/dev',
      env: { PATH: '/opt/homebrew/bin:/usr/bin' },
      dirs: { '/Applications/Cursor.app': [], '/Applications/Trae.app': [], '/Users/dev/.gemini': [] },
      files: { '/opt/homebrew/bin/gemini': '' },
    });
    const installed = await detectInstalled(ctx);
    expect(installed.get('cursor')).toEqual(['/Applications/Cursor.app']);
    expect(installed.get('trae')).toEqual(['/Applications/Trae.app']);
    expect(installed.get('gemini-cli')).toEqual(['~/.gemini', '/opt/homebrew/bin/gemini (on PATH)']);
    expect(installed.has('vscode')).toBe(false);
  });
});
