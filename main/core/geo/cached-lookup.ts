/**
 * A GeoLookup that remembers its answers: a monitor sees the same few hundred remote addresses on
 * every tick, so each is looked up once. Bounded, so a scan of many addresses cannot grow it forever.
 */
import type { GeoInfo, GeoLookup } from './types.js';

export function cachedGeoLookup(geo: GeoLookup, maxEntries = 50_000): GeoLookup {
  const cache = new Map<string, GeoInfo | null>();
  return {
    lookup(ip) {
      const hit = cache.get(ip);
      if (hit !== undefined) return hit;
      const info = geo.lookup(ip);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(ip, info);
      return info;
    },
  };
}
