/**
 * A small but complete snapshot for tests of the service, server, tray and e2e host. Built in code
 * (not read from a fixture file) so each test can vary exactly the field it is about.
 */
import type { Inference, Snapshot } from '../../../contract/snapshot.js';
import { conn, sig, snap, TZ } from '../monitor/snapshots.js';

export const countryInference: Inference = {
  id: 'location.country',
  value: 'CN',
  confidence: 'high',
  statement: 'You are probably in China.',
  evidence: ['timezone.iana', 'registry.npm'],
  visibleTo: ['claude-code'],
};

export const proxyInference: Inference = {
  id: 'network.proxy',
  value: true,
  confidence: 'medium',
  statement: 'You use a proxy for HTTPS traffic.',
  evidence: ['proxy.env.https_proxy'],
  visibleTo: ['claude-code'],
};

export function sampleSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return snap({
    signals: [
      sig(TZ),
      sig(
        { kind: 'registry', key: { ecosystem: 'npm', setting: 'registry' } },
        { value: 'https://registry.npmmirror.com/', source: 'file:~/.npmrc', meta: { host: 'registry.npmmirror.com' } },
      ),
      sig(
        { kind: 'identity', key: { field: 'git-email' } },
        { value: null, source: 'cmd:git config', status: 'unavailable', reason: 'git is not installed' },
      ),
    ],
    connections: [conn({ remote: { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: null } })],
    inferences: [proxyInference, countryInference],
    exposure: { level: 'high', summary: 'Tools on this machine can tell you are in China.' },
    ...overrides,
  });
}
