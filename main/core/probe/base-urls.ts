/** The origins an environment's base URLs name: what the tap stands for during a run of it. */

/** A host and port a request is addressed to. */
export interface Origin {
  host: string;
  port: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Origins of the base URLs an environment sets (ANTHROPIC_BASE_URL, ...), loopback (the tap itself) aside. */
export function baseUrlOrigins(env: Readonly<Record<string, string>>): Origin[] {
  const origins: Origin[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!name.endsWith('_BASE_URL') || !URL.canParse(value)) continue;
    const url = new URL(value);
    const host = url.hostname.toLowerCase();
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (!LOOPBACK.has(host) && !origins.some((o) => o.host === host && o.port === port)) origins.push({ host, port });
  }
  return origins;
}
