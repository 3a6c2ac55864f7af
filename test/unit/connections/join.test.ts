import { describe, expect, it } from 'vitest';
import { connectionOf, joinSockets, unownedNote } from '../../../main/core/connections/join.js';
import { parseProcNet } from '../../../main/core/connections/proc-net.js';
import { fixture } from './fixtures.js';

const sockets = parseProcNet(fixture('linux-proc-net-tcp.txt'), 'tcp').rows;

describe('joinSockets', () => {
  it('ties sockets to their owners by inode and keeps unowned sockets with pid null and a reason', () => {
    const owners = new Map([
      [25686, [13447]],
      [25683, [13447, 13500]],
    ]);
    const connections = joinSockets(sockets, (inode) => owners.get(inode), () => 'permission-denied');
    // 12 sockets, one shared by two processes.
    expect(connections).toHaveLength(13);
    expect(connections.filter((c) => c.localPort === 42493 && c.state === 'LISTEN').map((c) => c.pid)).toEqual([13447, 13500]);
    // No name or command on the connection: those are in the process list, once per process.
    expect(connections.find((c) => c.localPort === 33490)).toEqual({
      pid: 13447,
      protocol: 'tcp',
      localAddress: '127.0.0.1',
      localPort: 33490,
      remoteAddress: '127.0.0.1',
      remotePort: 42493,
      state: 'ESTABLISHED',
    });
    const timeWait = connections.filter((c) => c.state === 'TIME_WAIT');
    expect(timeWait.length).toBeGreaterThan(0);
    expect(timeWait.every((c) => c.pid === null && c.ownerUnknown === 'no-process')).toBe(true);
    const hidden = connections.filter((c) => c.state !== 'TIME_WAIT' && c.pid === null);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((c) => c.ownerUnknown === 'permission-denied')).toBe(true);
  });
});

describe('joinSockets with a cache', () => {
  it('returns the same connection objects for unchanged rows and owners, new ones when the owners change', () => {
    const cache = new WeakMap();
    const owned = [7];
    const first = joinSockets(sockets, (inode) => (inode === 25686 ? owned : undefined), () => 'not-found', cache);
    const again = joinSockets(sockets, (inode) => (inode === 25686 ? owned : undefined), () => 'not-found', cache);
    again.forEach((connection, i) => expect(connection).toBe(first[i]));
    const moved = joinSockets(sockets, (inode) => (inode === 25686 ? [8] : undefined), () => 'not-found', cache);
    const index = first.findIndex((c) => c.pid === 7);
    expect(moved[index]).toMatchObject({ pid: 8 });
    expect(first[index]).toMatchObject({ pid: 7 });
    const hidden = joinSockets(sockets, () => undefined, () => 'permission-denied', cache);
    expect(hidden.filter((c) => c.ownerUnknown === 'not-found')).toEqual([]);
  });
});

describe('unownedNote', () => {
  it('counts sockets without an owner by reason, in a fixed order', () => {
    const [row] = sockets;
    const connections = [connectionOf(row!, 'not-found'), connectionOf(row!, 1), connectionOf(row!, 'no-process'), connectionOf(row!, 'not-found')];
    expect(unownedNote(connections)).toBe('3 socket(s) have no visible owner (1 no-process, 2 not-found)');
    expect(unownedNote([connectionOf(row!, 1)])).toBeNull();
  });
});

describe('connectionOf', () => {
  it('drops the table-only fields and sets ownerUnknown exactly when there is no pid', () => {
    const [row] = sockets;
    expect(Object.keys(connectionOf(row!, 7))).toEqual(['pid', 'protocol', 'localAddress', 'localPort', 'remoteAddress', 'remotePort', 'state']);
    expect(connectionOf(row!, 'exited')).toMatchObject({ pid: null, ownerUnknown: 'exited' });
  });
});
