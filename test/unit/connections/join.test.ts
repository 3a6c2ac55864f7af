import { describe, expect, it } from 'vitest';
import { attachProcesses, joinSockets } from '../../../main/core/connections/join.js';
import { parseProcNet } from '../../../main/core/connections/proc-net.js';
import type { ProcessInfo } from '../../../main/core/process.js';
import { fixture } from './fixtures.js';

const node: ProcessInfo = { pid: 13447, ppid: 13444, name: 'node', command: 'node /tmp/cap.mjs' };
const sockets = parseProcNet(fixture('linux-proc-net-tcp.txt'), 'tcp').rows;

describe('joinSockets', () => {
  it('ties sockets to their owners by inode and keeps unowned sockets with pid null', () => {
    const owners = new Map([
      [25686, [13447]],
      [25683, [13447, 13500]],
    ]);
    const connections = joinSockets(sockets, owners, new Map([[13447, node]]));
    // 12 sockets, one shared by two processes.
    expect(connections).toHaveLength(13);
    expect(connections.filter((c) => c.localPort === 42493 && c.state === 'LISTEN').map((c) => [c.pid, c.process])).toEqual([
      [13447, 'node'],
      [13500, null],
    ]);
    expect(connections.find((c) => c.localPort === 33490)).toEqual({
      pid: 13447,
      process: 'node',
      command: 'node /tmp/cap.mjs',
      protocol: 'tcp',
      localAddress: '127.0.0.1',
      localPort: 33490,
      remoteAddress: '127.0.0.1',
      remotePort: 42493,
      state: 'ESTABLISHED',
      remote: null,
      toolId: null,
    });
    expect(connections.filter((c) => c.state === 'TIME_WAIT').every((c) => c.pid === null)).toBe(true);
  });
});

describe('attachProcesses', () => {
  it('fills name and command by pid', () => {
    const [unowned] = joinSockets(sockets, new Map(), new Map());
    const owned = { ...(unowned as NonNullable<typeof unowned>), pid: 13447 };
    expect(attachProcesses([owned, unowned as NonNullable<typeof unowned>], [node]).map((c) => [c.process, c.command])).toEqual([
      ['node', 'node /tmp/cap.mjs'],
      [null, null],
    ]);
  });
});
