import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchProcess, recognizeRunning } from '../../../main/core/catalog/recognize.js';
import { TOOL_CATALOG } from '../../../main/core/catalog/tools.js';
import type { ProcessInfo } from '../../../main/core/process.js';

const FIXTURES = new URL('../../fixtures/catalog/process-lists/', import.meta.url);
const load = (name: string): ProcessInfo[] => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as ProcessInfo[];

const linux = load('linux-ps-dev-workstation.json');
const macos = load('macos-ps-cursor-vscode.json');
const windows = load('windows-win32-process-dev.json');

const proc = (pid: number, ppid: number | null, name: string, command = name): ProcessInfo => ({ pid, ppid, name, command });

describe('recognizeRunning on a Linux process list', () => {
  const running = recognizeRunning(linux);

  it('finds Claude Code run by node and natively, with its shells and children', () => {
    expect(running.get('claude-code')).toEqual([1300, 1301, 1302, 1303, 2107, 2108]);
  });

  it('finds the npm-installed CLIs run as interpreter scripts and their native children', () => {
    expect(running.get('codex-cli')).toEqual([1500, 1501]);
    expect(running.get('gemini-cli')).toEqual([1600, 1601]);
    expect(running.get('copilot-cli')).toEqual([2000]);
    expect(running.get('continue')).toEqual([2050]);
    expect(running.get('qoder-cli')).toEqual([1900]);
  });

  it('finds the python CLIs (aider, kimi) with their children', () => {
    expect(running.get('aider')).toEqual([1700, 1701]);
    expect(running.get('kimi-cli')).toEqual([1800]);
  });

  it('keeps code and code-insiders apart and gives VS Code its helpers and terminal', () => {
    expect(running.get('vscode')).toEqual([2100, 2101, 2102, 2103, 2105, 2106]);
    expect(running.get('vscode-insiders')).toEqual([2200, 2201]);
  });

  it('attributes a process that matches a tool itself to that tool, not to its editor ancestor', () => {
    expect(running.get('copilot')).toEqual([2104, 2401]);
    expect(running.get('lingma')).toEqual([2150]);
  });

  it('does not take Cursor or Windsurf helpers for VS Code although they carry --vscode-* flags', () => {
    expect(running.get('cursor')).toEqual([2300, 2301]);
    expect(running.get('windsurf')).toEqual([2500, 2501]);
  });

  it('leaves unrelated processes unattributed', () => {
    const attributed = new Set([...running.values()].flat());
    for (const pid of [1, 812, 1200, 1400, 1401, 1402, 1403, 1404, 1405, 2400]) expect(attributed.has(pid)).toBe(false);
  });
});

describe('recognizeRunning on a macOS process list', () => {
  const running = recognizeRunning(macos);

  it('recognises app bundles and their helpers by bundle path, even when the binary is "Electron"', () => {
    expect(running.get('cursor')).toEqual([501, 502, 503, 504, 505]);
    expect(running.get('vscode')).toEqual([600, 601, 602]);
    expect(running.get('vscode-insiders')).toEqual([1200, 1201]);
    expect(running.get('windsurf')).toEqual([700, 701]);
    expect(running.get('trae')).toEqual([800, 801]);
    expect(running.get('qoder')).toEqual([900, 901]);
    expect(running.get('lingma')).toEqual([1000]);
  });

  it('gives Claude Code started in Cursor’s terminal or by its extension to Claude Code', () => {
    expect(running.get('claude-code')).toEqual([506, 507, 508]);
  });

  it('finds native and python CLIs', () => {
    expect(running.get('codex-cli')).toEqual([1400]);
    expect(running.get('kimi-cli')).toEqual([1300]);
  });

  it('does not match other Electron apps or a plain python server', () => {
    const attributed = new Set([...running.values()].flat());
    for (const pid of [1, 1100, 1101, 1500, 1501, 1502]) expect(attributed.has(pid)).toBe(false);
  });
});

describe('recognizeRunning on a Windows process list', () => {
  const running = recognizeRunning(windows);

  it('matches .exe names case-insensitively and quoted paths with spaces', () => {
    expect(running.get('vscode')).toEqual([5000, 5001, 5002, 5003]);
    expect(running.get('claude-code')).toEqual([5010, 5011]);
    expect(running.get('cursor')).toEqual([5100, 5101]);
    expect(running.get('codex-cli')).toEqual([5200, 5201]);
    expect(running.get('gemini-cli')).toEqual([5300]);
    expect(running.get('copilot-cli')).toEqual([6000]);
    expect(running.get('trae')).toEqual([5400]);
    expect(running.get('vscode-insiders')).toEqual([5500]);
    expect(running.get('windsurf')).toEqual([5600]);
    expect(running.get('lingma')).toEqual([5700]);
    expect(running.get('aider')).toEqual([5800]);
  });

  it('does not match node server.js, python manage.py or a file named after a tool', () => {
    const attributed = new Set([...running.values()].flat());
    for (const pid of [4, 700, 5900, 5901, 5902]) expect(attributed.has(pid)).toBe(false);
  });
});

describe('the catalog as a whole', () => {
  it('recognises every catalog entry in at least one captured process list', () => {
    const seen = new Set([linux, macos, windows].flatMap((list) => [...recognizeRunning(list).keys()]));
    expect(TOOL_CATALOG.map((t) => t.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = TOOL_CATALOG.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('matchProcess negatives', () => {
  it.each([
    ['node', 'node /x/cli.js'],
    ['node', 'node server.js'],
    ['vim', 'vim /home/dev/.claude/settings.json'],
    ['python3', 'python manage.py migrate'],
    ['less', 'less /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js'],
    ['node', 'node /home/dev/claude-clone/index.js'],
    ['npm', 'npm install -g @anthropic-ai/claude-code'],
    ['codexify', 'codexify'],
    ['Code Helper Tool', '/Applications/Other.app/Contents/MacOS/Code Helper Tool'],
  ])('%s: %s is no tool', (name, command) => {
    expect(matchProcess(proc(1, null, name, command))).toBeNull();
  });
});

describe('recognizeRunning edge cases', () => {
  it('survives ppid cycles and self-parenting without attributing the cycle', () => {
    const running = recognizeRunning([
      proc(10, 11, 'bash'),
      proc(11, 10, 'bash'),
      proc(12, 12, 'zsh'),
      proc(13, 12, 'node', 'node server.js'),
    ]);
    expect(running.size).toBe(0);
  });

  it('attributes descendants of a tool inside a cycle-free branch of a cyclic table', () => {
    const running = recognizeRunning([
      proc(20, 21, 'bash'),
      proc(21, 20, 'bash'),
      proc(22, 20, 'claude'),
      proc(23, 22, 'bash'),
      proc(24, 23, 'rg'),
    ]);
    expect(running.get('claude-code')).toEqual([22, 23, 24]);
  });

  it('attributes a deep chain to the nearest recognised ancestor', () => {
    const chain = [proc(1, null, 'code', '/usr/share/code/code')];
    for (let pid = 2; pid <= 500; pid++) chain.push(proc(pid, pid - 1, 'sh', 'sh -c true'));
    chain.push(proc(501, 250, 'codex'), proc(502, 501, 'sh'));
    const running = recognizeRunning(chain);
    expect(running.get('vscode')).toHaveLength(500);
    expect(running.get('codex-cli')).toEqual([501, 502]);
  });

  it('uses a custom catalog when given one', () => {
    const running = recognizeRunning(linux, TOOL_CATALOG.filter((t) => t.id === 'aider'));
    expect([...running.keys()]).toEqual(['aider']);
  });
});

describe('current releases (2026)', () => {
  it.each([
    ['claude.exe', '/usr/lib/node_modules/@anthropic-ai/claude-code/bin/claude.exe -p hi', 'claude-code'],
    ['claude', '/home/dev/.local/share/claude/versions/2.1.200 --resume', 'claude-code'],
    ['qwen', 'node /usr/lib/node_modules/@qwen-code/qwen-code/cli.js --auth-type openai', 'qwen-code'],
    ['node', 'node /home/dev/.npm-global/bin/qwen -p hi', 'qwen-code'],
    ['opencode', '/home/dev/.opencode/bin/opencode run hi', 'opencode'],
    ['opencode', '/usr/lib/node_modules/opencode-ai/node_modules/opencode-linux-x64/bin/opencode run hi', 'opencode'],
    ['copilot', '/usr/lib/node_modules/@github/copilot/node_modules/@github/copilot-linux-x64/copilot -p hi', 'copilot-cli'],
  ])('recognises %s (%s)', (name, command, tool) => {
    expect(matchProcess(proc(10, 1, name, command))).toBe(tool);
  });

  it('does not take an editor opening a file named like a tool for the tool', () => {
    expect(matchProcess(proc(11, 1, 'vim', 'vim /home/dev/notes/opencode'))).toBeNull();
  });
});

