import type { RemoteInfo } from '../../../contract/snapshot.js';
import { classifyAddress } from '../../../common/address-class.js';
import type { GeoLookup } from './types.js';

const LOCALHOST: RemoteInfo = { country: null, asn: null, org: null, host: 'localhost' };

/**
 * What offline data says about a remote address: public remotes get {country, asn, org} (nulls
 * where the data knows nothing), loopback gets host "localhost", anything else (private,
 * link-local, no peer) null. host is otherwise null: reverse DNS would be a network query.
 */
export function remoteInfo(address: string | null, geo: GeoLookup): RemoteInfo | null {
  if (address === null) return null;
  const kind = classifyAddress(address);
  if (kind === 'loopback') return LOCALHOST;
  if (kind !== 'public') return null;
  const info = geo.lookup(address);
  return { country: info?.country ?? null, asn: info?.asn ?? null, org: info?.org ?? null, host: null };
}
