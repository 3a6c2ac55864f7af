/** A TCP server on 127.0.0.1 (or `host`) that accepts and ignores connections, for tests whose children connect to it. */
import net from 'node:net';

export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

export async function startLoopbackServer(host = '127.0.0.1'): Promise<LoopbackServer> {
  const server = net.createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
