import type { RemoteInfo } from '../../../contract/snapshot.js';
import { classifyAddress } from './classify.js';
import type { GeoLookup } from './types.js';

const LOCALHOST: RemoteInfo = { country: null, asn: null, org: null, host: 'localhost' };

/**
 * Fills Connection.remote from offline data: public remotes get {country, asn, org} (nulls where
 * the data knows nothing), loopback gets host "localhost", anything else (private, link-local,
 * no peer) stays null. host is otherwise null: reverse DNS would be a network query.
 */
export function enrichConnections<C extends { remoteAddress: string | null; remote: RemoteInfo | null }>(
  connections: readonly C[],
  geo: GeoLookup,
): C[] {
  return connections.map((connection) => {
    const address = connection.remoteAddress;
    if (address === null) return { ...connection, remote: null };
    const kind = classifyAddress(address);
    if (kind === 'loopback') return { ...connection, remote: LOCALHOST };
    if (kind !== 'public') return { ...connection, remote: null };
    const info = geo.lookup(address);
    return { ...connection, remote: { country: info?.country ?? null, asn: info?.asn ?? null, org: info?.org ?? null, host: null } };
  });
}
