import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognizeRunning } from '../../../main/core/catalog/recognize.js';
import type { SampledConnection, SampledProcess } from '../../../main/core/connections/types.js';
import type { ProcessInfo } from '../../../main/core/process.js';
import { createConnectionAssembler } from '../../../main/core/snapshot/assemble-connections.js';

const linux = JSON.parse(readFileSync(new URL('../../fixtures/catalog/process-lists/linux-ps-dev-workstation.json', import.meta.url), 'utf8')) as ProcessInfo[];
const processes: SampledProcess[] = linux.map((p) => ({ ...p, ppid: p.ppid ?? null, rawCommand: p.command, ownToolId: null, startedAt: null }));
const geo = { lookup: (ip: string) => (ip === '160.79.104.10' ? { country: 'US', asn: 399358, org: 'Anthropic, PBC' } : null) };

const socket = (pid: number | null, remoteAddress = '160.79.104.10'): SampledConnection => ({
  pid,
  ...(pid === null ? { ownerUnknown: 'no-process' as const } : {}),
  protocol: 'tcp',
  localAddress: '10.0.0.5',
  localPort: 40000 + (pid ?? 0),
  remoteAddress,
  remotePort: 443,
  state: 'ESTABLISHED',
});

describe('createConnectionAssembler', () => {
  const running = recognizeRunning(linux);

  it('attributes a connection to its tool by pid, children included, and lists each owner once', () => {
    const assemble = createConnectionAssembler(geo);
    const { connections, processes: listed } = assemble({ connections: [socket(1303), socket(1401), socket(null), socket(1601)], processes }, running);
    expect(connections.map((c) => c.toolId)).toEqual(['claude-code', null, null, 'gemini-cli']);
    expect(connections[2]).toMatchObject({ pid: null, ownerUnknown: 'no-process' });
    expect(connections[0]?.remote).toEqual({ country: 'US', asn: 399358, org: 'Anthropic, PBC', host: null });
    expect(listed.filter((p) => p.pid === 1303)).toHaveLength(1);
    expect(listed.find((p) => p.pid === 1303)).not.toHaveProperty('rawCommand');
  });

  it('hands back the same object for an unchanged socket, and a new one when its tool changes', () => {
    const assemble = createConnectionAssembler(geo);
    const same = socket(1303);
    const first = assemble({ connections: [same], processes }, running).connections[0];
    expect(assemble({ connections: [same], processes }, running).connections[0]).toBe(first);
    const changed = assemble({ connections: [same], processes }, new Map()).connections[0];
    expect(changed).not.toBe(first);
    expect(changed?.toolId).toBeNull();
  });
});
