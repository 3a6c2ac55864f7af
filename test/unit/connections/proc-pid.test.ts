import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  nameAndCommand,
  parentPid,
  parseBootTime,
  parseCmdline,
  parseProcStat,
  socketInode,
  startedAt,
} from '../../../main/core/connections/proc-pid.js';
import { fixture } from './fixtures.js';

describe('parseProcStat', () => {
  it('parses a captured stat line', () => {
    expect(parseProcStat(fixture('linux-proc-self-stat.txt'))).toEqual({ pid: 13447, comm: 'node', state: 'R', ppid: 13444, starttime: 664126 });
  });
  it('keeps spaces and parentheses inside comm; a line cut before starttime has none', () => {
    expect(parseProcStat('77 (Web Content (x)) S 1 77 77 0')).toEqual({ pid: 77, comm: 'Web Content (x)', state: 'S', ppid: 1, starttime: null });
    const withParens = fixture('linux-proc-self-stat.txt').replace('(node)', '(a) b (c)');
    expect(parseProcStat(withParens)?.starttime).toBe(664126);
  });
  it.each(['', 'garbage', '12 (node', 'x (node) S 1', '12 (node) S'])('rejects %j', (text) => {
    expect(parseProcStat(text)).toBeNull();
  });
});

describe('parseCmdline / nameAndCommand', () => {
  const cmdline = readFileSync(new URL('../../fixtures/connections/linux-proc-self-cmdline.bin', import.meta.url), 'utf8');
  it('splits NUL-separated arguments', () => {
    expect(parseCmdline(cmdline)).toEqual(['node', '/tmp/cap.mjs']);
    expect(parseCmdline('')).toEqual([]);
    expect(parseCmdline('a\0b')).toEqual(['a', 'b']);
  });
  it('joins the arguments; an unreadable cmdline is ""; ppid 0 (kernel) is no parent', () => {
    expect(nameAndCommand('node', cmdline)).toEqual({ name: 'node', command: 'node /tmp/cap.mjs' });
    expect(nameAndCommand('kthreadd', null)).toEqual({ name: 'kthreadd', command: '' });
    expect([parentPid(0), parentPid(13444)]).toEqual([null, 13444]);
  });
  it('completes a comm cut at 15 characters from argv[0]', () => {
    expect(nameAndCommand('language_server', '/opt/x/language_server_linux_x64\0--port\0').name).toBe('language_server_linux_x64');
    expect(nameAndCommand('language_server', '/usr/bin/other\0').name).toBe('language_server');
  });
});

describe('parseBootTime / startedAt', () => {
  it('reads btime from /proc/stat', () => {
    expect(parseBootTime('cpu  1 2 3\nintr 5\nbtime 1700000000\nprocesses 9\n')).toBe(1700000000);
    expect(parseBootTime('cpu 1 2 3\n')).toBeNull();
  });
  it('adds starttime (clock ticks, 100 a second) to the boot time', () => {
    expect(startedAt(664126, 1700000000)).toBe(new Date((1700000000 + 6641.26) * 1000).toISOString());
    expect(startedAt(null, 1700000000)).toBeNull();
    expect(startedAt(5, null)).toBeNull();
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
