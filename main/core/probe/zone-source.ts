/**
 * Which time zone setting a tool follows: the timezone factor varies TZ (system zone UTC), the
 * system-timezone factor varies /etc/localtime and /etc/timezone (TZ=UTC). A zone that changed the
 * requests under one and not the other tells the source (Node's Intl follows TZ; Codex the system zone).
 */
import type { ProbeFactor, ProbeZoneSource } from '../../../contract/snapshot.js';

/** Null unless both factors ran with at least one zone in common. */
export function zoneSource(factors: readonly ProbeFactor[]): ProbeZoneSource | null {
  const tz = factors.find((f) => f.factor === 'timezone');
  const system = factors.find((f) => f.factor === 'system-timezone');
  if (!tz || !system) return null;
  const zones = tz.variants.flatMap((t) => {
    const s = system.variants.find((v) => v.value === t.value);
    return s && t.runs > 0 && s.runs > 0 ? [{ zone: t.value, tz: t.changed, system: s.changed }] : [];
  });
  if (zones.length === 0) return null;
  const byTz = zones.some((z) => z.tz);
  const bySystem = zones.some((z) => z.system);
  const follows = byTz && bySystem ? 'both' : byTz ? 'tz' : bySystem ? 'system' : 'neither';
  return { follows, zones };
}
