/**
 * A sampler whose every sample replaces all its connections, so every delta is large (about 300
 * bytes per connection, twice: removed and added): load for the host's event stream.
 */
import type { Snapshot } from '../../contract/snapshot.js';
import { connection } from './snapshot-builders.js';
import { sampleSnapshot } from '../unit/service/sample-snapshot.js';

export function churningSnapshots(connectionsPerSample: number): () => Promise<Snapshot> {
  let n = 0;
  return async () => {
    n += 1;
    const connections = Array.from({ length: connectionsPerSample }, (_, i) =>
      connection({ localPort: 1024 + (i % 60_000), remoteAddress: `10.${n % 250}.${(i >> 8) & 255}.${i & 255}`, remotePort: 443 }),
    );
    return sampleSnapshot({ takenAt: new Date(Date.UTC(2026, 10, 24, 12, 0, 0) + n).toISOString(), connections });
  };
}
