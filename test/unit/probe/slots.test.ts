import { describe, expect, it } from 'vitest';
import { compareGroups, type NoiseKeys, type RunGroup } from '../../../main/core/probe/compare.js';
import { flattenRequest } from '../../../main/core/probe/flatten.js';
import { diffHunks } from '../../../main/core/probe/hunks.js';
import { flattenRun, groupNoise } from '../../../main/core/probe/noise.js';
import { commandFor } from '../../../main/core/probe/plan.js';
import { maskBaseUrlHosts, slotRequests } from '../../../main/core/probe/slots.js';
import type { ObservedRequest, RunRequests } from '../../../main/core/probe/types.js';

const req = (method: string, path: string, body: unknown = null): ObservedRequest => ({ method, path, targetHost: '127.0.0.1', viaProxy: false, headers: {}, body });
const model = (name: string, system: string) => req('POST', '/v1/messages?beta=true', { model: name, system });

function group(...runs: RunRequests[]): RunGroup {
  const flat = runs.map(flattenRun);
  return { runs: flat, noise: groupNoise(flat) };
}

const noiseOf = (...groups: RunGroup[]): NoiseKeys => ({
  paths: new Set(groups.flatMap((g) => [...g.noise.paths])),
  counts: new Set(groups.flatMap((g) => [...g.noise.counts])),
});

describe('request slots', () => {
  it('groups requests by method and path, and ranks concurrent calls by model', () => {
    const slots = slotRequests([model('small', 'title'), req('HEAD', '/'), model('large', 'main'), model('large', 'again')]);
    expect(slots.map((s) => [s.slot, (s.request.body as { system: string } | null)?.system ?? null])).toEqual([
      ['POST /v1/messages', 'main'],
      ['POST /v1/messages #2', 'again'],
      ['POST /v1/messages #3', 'title'],
      ['HEAD /', null],
    ]);
  });

  it('compares the same kind of request even when arrival order races between runs', () => {
    const baseline = group([model('large', 'Today 2026-11-24'), model('small', 'title')], [model('small', 'title'), model('large', 'Today 2026-11-24')]);
    const variant = group([model('small', 'title'), model('large', 'Today 2026/11/24')], [model('large', 'Today 2026/11/24'), model('small', 'title')]);
    expect(baseline.noise.paths.size).toBe(0);
    const changes = compareGroups(baseline, variant, noiseOf(baseline, variant));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'format', location: 'POST /v1/messages body.system' });
  });

  it('reports a request the tool stops sending as one change, not a shift of every later request', () => {
    const run = (warmUp: boolean) => [...(warmUp ? [req('HEAD', '/')] : []), model('large', 'hello')];
    const baseline = group(run(true), run(true));
    const variant = group(run(false), run(false));
    expect(compareGroups(baseline, variant, noiseOf(baseline, variant))).toEqual([
      expect.objectContaining({ location: 'requests: HEAD /', baseline: '1', variant: '0', description: 'the tool sent 0 HEAD / request(s) instead of 1' }),
    ]);
  });

  it('treats a request count that varies between identical runs as noise', () => {
    const telemetry = (n: number) => Array.from({ length: n }, () => req('CONNECT', 'telemetry.example.com:443'));
    const baseline = group([model('m', 'x'), ...telemetry(3)], [model('m', 'x'), ...telemetry(1)]);
    const variant = group([model('m', 'x'), ...telemetry(2)], [model('m', 'x'), ...telemetry(2)]);
    expect([...baseline.noise.counts]).toEqual(['CONNECT telemetry.example.com:443']);
    expect(compareGroups(baseline, variant, noiseOf(baseline, variant))).toEqual([]);
  });

  it('leaves how many tunnels were opened to the reached hosts, not the request changes (real Claude Code: 13 CONNECTs, then 6)', () => {
    const telemetry = (n: number) => Array.from({ length: n }, () => req('CONNECT', 'api.anthropic.com:443'));
    const baseline = group([model('m', 'x'), ...telemetry(13)], [model('m', 'x'), ...telemetry(13)]);
    const variant = group([model('m', 'x'), ...telemetry(6)], [model('m', 'x'), ...telemetry(6)]);
    expect(compareGroups(baseline, variant, noiseOf(baseline, variant))).toEqual([]);
  });
});

describe('maskBaseUrlHosts', () => {
  it('names CONNECTs to the base-URL host alike in every environment, and leaves other hosts alone', () => {
    const connect = (host: string, port = 80): ObservedRequest => ({ ...req('CONNECT', `${host}:${port}`), targetHost: host });
    const env = { ANTHROPIC_BASE_URL: 'http://api.moonshot.cn', OPENAI_BASE_URL: 'http://api.moonshot.cn/v1', TZ: 'UTC' };
    const masked = maskBaseUrlHosts([connect('api.moonshot.cn'), connect('api.moonshot.cn', 443), connect('play.googleapis.com', 443), model('m', 'x')], env);
    // HTTPS to the same host is the tool's own traffic (telemetry), not the base URL.
    expect(masked.map((r) => r.path)).toEqual(['(base URL host):80', 'api.moonshot.cn:443', 'play.googleapis.com:443', '/v1/messages?beta=true']);
    expect(maskBaseUrlHosts([connect('127.0.0.1', 4000)], { ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000' })[0]?.path).toBe('127.0.0.1:4000');
  });
});

describe('flattening and diffing real-size requests', () => {
  it('keys tool definitions by name, so one dropped tool does not shift the others', () => {
    const tools = (names: string[]) => req('POST', '/v1/messages', { tools: names.map((name) => ({ name, description: `${name} tool` })) });
    const flat = flattenRequest(tools(['Bash', 'Read']));
    expect(flat.get('body.tools[name="Read"].description')).toBe('Read tool');
    const baseline = group([tools(['Bash', 'ToolSearch', 'Read'])], [tools(['Bash', 'ToolSearch', 'Read'])]);
    const variant = group([tools(['Bash', 'Read'])], [tools(['Bash', 'Read'])]);
    // One change for the whole dropped tool, not one per field of it.
    expect(compareGroups(baseline, variant, noiseOf(baseline, variant))).toEqual([
      expect.objectContaining({
        location: 'POST /v1/messages body.tools[name="ToolSearch"]',
        description: 'body.tools[name="ToolSearch"] dropped',
        baseline: '.name: ToolSearch\n.description: ToolSearch tool',
        variant: '',
      }),
    ]);
  });

  it('keys OpenAI function tools by function.name, and leaves unnamed lists indexed', () => {
    const flat = flattenRequest(req('POST', '/v1/chat/completions', { tools: [{ type: 'function', function: { name: 'shell' } }], input: [{ role: 'user' }] }));
    expect(flat.get('body.tools[name="shell"].function.name')).toBe('shell');
    expect(flat.get('body.input[0].role')).toBe('user');
  });

  it('shows a paragraph added to a long prompt as that paragraph', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i}: ${'lorem ipsum '.repeat(3)}`);
    const baseline = lines.join('\n');
    const paragraph = 'An extra paragraph of guidance.'.repeat(80);
    const variant = [...lines.slice(0, 100), paragraph, ...lines.slice(100)].join('\n');
    const hunks = diffHunks(baseline, variant);
    expect(hunks).toHaveLength(1);
    const [hunk] = hunks;
    expect(variant.slice(hunk!.vStart, hunk!.vEnd)).toBe(`${paragraph}\n`);
    expect(hunk!.bEnd - hunk!.bStart).toBe(0);
  });
});

describe('commandFor', () => {
  it('fills {{NAME}} from the run environment and leaves unknown names alone', () => {
    const env = { OPENAI_BASE_URL: 'http://127.0.0.1:4000/v1' };
    expect(commandFor(['codex', 'exec', '-c', 'openai_base_url={{OPENAI_BASE_URL}}', '{{NOPE}}'], env)).toEqual([
      'codex',
      'exec',
      '-c',
      'openai_base_url=http://127.0.0.1:4000/v1',
      '{{NOPE}}',
    ]);
  });
});
