/**
 * A small but complete snapshot for tests of the service, server, tray and e2e host. Built in code
 * (not read from a fixture file) so each test can vary exactly the field it is about.
 */
import type { Inference, Snapshot } from '../../../contract/snapshot.js';

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
  return {
    schemaVersion: 1,
    takenAt: '2026-11-24T10:00:00.000Z',
    host: { platform: 'linux', release: '6.1.0', arch: 'x64' },
    signals: [
      { id: 'timezone.iana', category: 'timezone', value: 'Asia/Shanghai', source: 'env:TZ', status: 'ok' },
      {
        id: 'registry.npm',
        category: 'registry',
        value: 'https://registry.npmmirror.com/',
        source: 'file:~/.npmrc',
        status: 'ok',
        meta: { host: 'registry.npmmirror.com' },
      },
      { id: 'identity.git.email', category: 'identity', value: null, source: 'cmd:git config', status: 'unavailable', reason: 'git is not installed' },
    ],
    connections: [
      {
        pid: 4242,
        process: 'node',
        command: 'node /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js',
        protocol: 'tcp',
        localAddress: '10.0.0.5',
        localPort: 51234,
        remoteAddress: '160.79.104.10',
        remotePort: 443,
        state: 'ESTABLISHED',
        remote: { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: null },
        toolId: 'claude-code',
      },
    ],
    tools: [
      {
        id: 'claude-code',
        name: 'Claude Code',
        running: true,
        pids: [4242],
        installed: true,
        canRead: ['env', 'timezone', 'files', 'network'],
        endpoints: ['api.anthropic.com'],
        inferences: ['location.country'],
      },
    ],
    inferences: [proxyInference, countryInference],
    exposure: { level: 'high', summary: 'Tools on this machine can tell you are in China.' },
    ...overrides,
  };
}
