/**
 * The proxy of the proxy factor: a loopback port that reads the request line of each connection,
 * notes where the tool meant to go (CONNECT target or absolute URL), and drops the connection.
 */
import net, { type AddressInfo } from 'node:net';
import { proxyTarget } from '../core/probe/proxy-target.js';
import type { ReachEvent } from '../core/probe/reach.js';

export interface DeadProxy {
  port: number;
  /** Every target noted so far, in order. */
  targets(): ReachEvent[];
  close(): Promise<void>;
}

/** A request line longer than this is no proxy request. */
const MAX_LINE = 8192;

export async function startDeadProxy(): Promise<DeadProxy> {
  const targets: ReachEvent[] = [];
  const server = net.createServer((socket) => {
    let head = '';
    socket.setEncoding('latin1');
    socket.on('error', () => socket.destroy());
    // A client that sends nothing is dropped all the same, soon.
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk: string) => {
      head += chunk;
      const end = head.indexOf('\n');
      if (end < 0 && head.length < MAX_LINE) return;
      const target = end < 0 ? null : proxyTarget(head.slice(0, end));
      if (target) targets.push(target);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    targets: () => [...targets],
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}
