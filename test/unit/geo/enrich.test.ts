import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../contract/snapshot.js';
import { enrichConnections } from '../../../main/core/geo/enrich.js';
import type { GeoLookup } from '../../../main/core/geo/types.js';

const base: Connection = {
  pid: 1,
  protocol: 'tcp',
  localAddress: '10.0.0.5',
  localPort: 50000,
  remoteAddress: null,
  remotePort: null,
  state: 'ESTABLISHED',
  remote: null,
  toolId: null,
};
const geo: GeoLookup = {
  lookup: (ip) => (ip === '160.79.104.10' ? { country: 'US', asn: 399358, org: 'Anthropic, PBC' } : null),
};

describe('enrichConnections', () => {
  it('fills remote for public, loopback and leaves others null, without mutating input', () => {
    const input = [
      { ...base, remoteAddress: '160.79.104.10', remotePort: 443 },
      { ...base, remoteAddress: '9.9.9.9', remotePort: 53 },
      { ...base, remoteAddress: '127.0.0.1', remotePort: 7890 },
      { ...base, remoteAddress: '192.168.1.1', remotePort: 80 },
      { ...base, state: 'LISTEN' },
    ];
    const out = enrichConnections(input, geo);
    expect(out.map((c) => c.remote)).toEqual([
      { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: null },
      { country: null, asn: null, org: null, host: null },
      { country: null, asn: null, org: null, host: 'localhost' },
      null,
      null,
    ]);
    expect(input.every((c) => c.remote === null)).toBe(true);
  });
});
