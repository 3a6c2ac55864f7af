import { describe, expect, it } from 'vitest';
import { isListeningSocket, isLoopbackSocket, isUnownedSocket } from '../../../common/socket-kinds.js';
import { connection } from '../../helpers/snapshot-builders.js';

describe('socket kinds', () => {
  it('loopback: both ends on this machine (IPv4, IPv6, mapped), or a socket bound to loopback', () => {
    expect(isLoopbackSocket(connection({ localAddress: '127.0.0.1', remoteAddress: '127.0.0.53' }))).toBe(true);
    expect(isLoopbackSocket(connection({ localAddress: '::1', remoteAddress: '::1' }))).toBe(true);
    expect(isLoopbackSocket(connection({ localAddress: '::ffff:127.0.0.1', remoteAddress: '::ffff:127.0.0.1' }))).toBe(true);
    expect(isLoopbackSocket(connection({ localAddress: '127.0.0.1', remoteAddress: null }))).toBe(true);
    expect(isLoopbackSocket(connection({ localAddress: '10.0.0.5', remoteAddress: '127.0.0.1' }))).toBe(false);
    expect(isLoopbackSocket(connection({ localAddress: '0.0.0.0', remoteAddress: null }))).toBe(false);
  });

  it('listening: TCP LISTEN, or UDP bound with no peer', () => {
    expect(isListeningSocket(connection({ state: 'LISTEN', remoteAddress: null }))).toBe(true);
    expect(isListeningSocket(connection({ protocol: 'udp6', state: 'UNCONN', remoteAddress: null }))).toBe(true);
    expect(isListeningSocket(connection({ protocol: 'udp', state: 'UNCONN', remoteAddress: '0.0.0.0' }))).toBe(true);
    expect(isListeningSocket(connection({ protocol: 'udp', state: 'ESTABLISHED', remoteAddress: '8.8.8.8' }))).toBe(false);
    expect(isListeningSocket(connection({ state: 'TIME_WAIT' }))).toBe(false);
  });

  it('without a process: no pid', () => {
    expect(isUnownedSocket(connection({ pid: null, ownerUnknown: 'no-process' }))).toBe(true);
    expect(isUnownedSocket(connection())).toBe(false);
  });
});
