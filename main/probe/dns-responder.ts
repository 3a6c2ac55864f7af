/**
 * The runs' only resolver: each run's /etc/resolv.conf names loopback, where the relay passes DNS
 * (UDP and TCP) to this Unix socket in DNS-over-TCP framing (a 2-byte length before each message).
 * Every question is noted and answered NXDOMAIN, so the tool learns nothing and waits for nothing.
 */
import net from 'node:net';
import dnsPacket from 'dns-packet';

export interface DnsQuestion {
  /** Lower case, no trailing dot. */
  name: string;
  type: string;
}

export interface DnsResponder {
  /** Every question asked so far, in order. */
  questions(): DnsQuestion[];
  close(): Promise<void>;
}

const NXDOMAIN = 3;
const FORMERR = 1;
const RECURSION_AVAILABLE = 0x80;

/** The answer to one query message: NXDOMAIN, or FORMERR for a message that is no DNS query. */
function answer(message: Buffer, note: (q: DnsQuestion) => void): Buffer | null {
  let query: dnsPacket.Packet;
  try {
    query = dnsPacket.decode(message);
  } catch {
    // Too short to hold even an id: nothing to answer.
    if (message.length < 2) return null;
    return dnsPacket.encode({ id: message.readUInt16BE(0), type: 'response', flags: RECURSION_AVAILABLE | FORMERR });
  }
  const questions = query.questions ?? [];
  for (const q of questions) note({ name: q.name.toLowerCase().replace(/\.$/, ''), type: q.type });
  return dnsPacket.encode({
    id: query.id ?? 0,
    type: 'response',
    flags: ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | RECURSION_AVAILABLE | NXDOMAIN,
    questions,
  });
}

export async function startDnsResponder(socketPath: string): Promise<DnsResponder> {
  const questions: DnsQuestion[] = [];
  const open = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const message = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + message.length);
        const reply = answer(message, (q) => questions.push(q));
        if (!reply) continue;
        const length = Buffer.alloc(2);
        length.writeUInt16BE(reply.length);
        socket.write(Buffer.concat([length, reply]));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    questions: () => [...questions],
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
