import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCmdline, parseProcStat, processFromProc, socketInode } from '../../../main/core/connections/proc-pid.js';
import { fixture } from './fixtures.js';

describe('parseProcStat', () => {
  it('parses a captured stat line', () => {
    expect(parseProcStat(fixture('linux-proc-self-stat.txt'))).toEqual({ pid: 13447, comm: 'node', state: 'R', ppid: 13444 });
  });
  it('keeps spaces and parentheses inside comm', () => {
    expect(parseProcStat('77 (Web Content (x)) S 1 77 77 0')).toEqual({ pid: 77, comm: 'Web Content (x)', state: 'S', ppid: 1 });
  });
  it.each(['', 'garbage', '12 (node', 'x (node) S 1', '12 (node) S'])('rejects %j', (text) => {
    expect(parseProcStat(text)).toBeNull();
  });
});

describe('parseCmdline / processFromProc', () => {
  const cmdline = readFileSync(new URL('../../fixtures/connections/linux-proc-self-cmdline.bin', import.meta.url), 'utf8');
  it('splits NUL-separated arguments', () => {
    expect(parseCmdline(cmdline)).toEqual(['node', '/tmp/cap.mjs']);
    expect(parseCmdline('')).toEqual([]);
    expect(parseCmdline('a\0b')).toEqual(['a', 'b']);
  });
  it('builds a ProcessInfo; ppid 0 (kernel) is null; unreadable cmdline is ""', () => {
    expect(processFromProc({ pid: 13447, comm: 'node', state: 'R', ppid: 13444 }, cmdline)).toEqual({
      pid: 13447,
      ppid: 13444,
      name: 'node',
      command: 'node /tmp/cap.mjs',
    });
    expect(processFromProc({ pid: 2, comm: 'kthreadd', state: 'S', ppid: 0 }, null)).toEqual({
      pid: 2,
      ppid: null,
      name: 'kthreadd',
      command: '',
    });
  });
  it('completes a comm cut at 15 characters from argv[0]', () => {
    const stat = { pid: 5, comm: 'language_server', state: 'S', ppid: 1 };
    expect(processFromProc(stat, '/opt/x/language_server_linux_x64\0--port\0').name).toBe('language_server_linux_x64');
    expect(processFromProc(stat, '/usr/bin/other\0').name).toBe('language_server');
  });
});

describe('socketInode', () => {
  it('reads socket:[inode] and ignores other fd targets', () => {
    expect(socketInode('socket:[25686]')).toBe(25686);
    expect(socketInode('pipe:[123]')).toBeNull();
    expect(socketInode('/dev/null')).toBeNull();
    expect(socketInode('socket:[]')).toBeNull();
  });
});
