import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import dnsPacket from 'dns-packet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDnsResponder } from '../../main/probe/dns-responder.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-sightings-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** Sends DNS-over-TCP framed messages over one connection and collects the framed answers. */
function ask(socketPath: string, messages: Buffer[], answers: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let got = Buffer.alloc(0);
    const replies: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      while (got.length >= 2 && got.length >= 2 + got.readUInt16BE(0)) {
        replies.push(got.subarray(2, 2 + got.readUInt16BE(0)));
        got = got.subarray(2 + got.readUInt16BE(0));
      }
      if (replies.length === answers) {
        socket.destroy();
        resolve(replies);
      }
    });
    socket.on('error', reject);
    for (const m of messages) {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(m.length);
      socket.write(Buffer.concat([length, m]));
    }
  });
}

describe("the probe's sightings", () => {
  it('DNS responder: notes each question and answers NXDOMAIN; a malformed message gets FORMERR, not a crash', async () => {
    const socketPath = path.join(dir, 'dns.sock');
    const dns = await startDnsResponder(socketPath);
    try {
      const query = dnsPacket.encode({ id: 4242, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'AAAA', name: 'Rum.Vendor.Example' }] });
      const junk = Buffer.from([0x12, 0x34, 0xff]);
      const [answer, formerr] = await ask(socketPath, [query, junk], 2);
      const decoded = dnsPacket.decode(answer!);
      expect(decoded).toMatchObject({ id: 4242, type: 'response', rcode: 'NXDOMAIN', flag_rd: true, answers: [] });
      expect(decoded.questions).toEqual([{ type: 'AAAA', name: 'Rum.Vendor.Example', class: 'IN' }]);
      expect(dnsPacket.decode(formerr!)).toMatchObject({ id: 0x1234, rcode: 'FORMERR' });
      expect(dns.questions()).toEqual([{ name: 'rum.vendor.example', type: 'AAAA' }]);
    } finally {
      await dns.close();
    }
  });
});
