import { describe, expect, it } from 'vitest';
import { compareGroups, type NoiseKeys, type RunGroup } from '../../../main/core/probe/compare.js';
import { flattenRun, groupNoise } from '../../../main/core/probe/noise.js';
import type { ObservedRequest } from '../../../main/core/probe/types.js';

let counter = 0;
/** A request as a tool sends it: a fresh id and timestamp each time, plus the given prompt. */
function request(system: string, sentAt = new Date(Date.UTC(2026, 10, 24, 10, 0, counter)).toISOString()): ObservedRequest {
  counter += 7;
  return {
    method: 'POST',
    path: '/v1/messages',
    targetHost: '127.0.0.1',
    viaProxy: false,
    headers: { 'x-request-id': `req_${(counter * 7919).toString(36)}${counter}`, 'x-sent-at': sentAt },
    body: { system: [{ type: 'text', text: system }], metadata: { user_id: `user_${counter * 104729}` } },
  };
}

function group(...systems: string[]): RunGroup {
  const runs = systems.map((s) => flattenRun([request(s)]));
  return { runs, noise: groupNoise(runs) };
}

function allNoise(...groups: RunGroup[]): NoiseKeys {
  return {
    paths: new Set(groups.flatMap((g) => [...g.noise.paths])),
    counts: new Set(groups.flatMap((g) => [...g.noise.counts])),
  };
}

describe('noise detection', () => {
  it('marks fields that differ between identical runs as noisy', () => {
    const g = group('same', 'same');
    const paths = [...g.noise.paths].map((k) => k.split('\u0000')[1]);
    expect(paths.sort()).toEqual(['body.metadata.user_id', 'header:x-request-id', 'header:x-sent-at']);
  });

  it('applies what it learnt on a request kind to every repetition of it', () => {
    // Each environment's first run sent the request three times, its second run fewer: the ids of
    // the third were never compared between identical runs, but they are noise like the first's.
    const groupOf = (...counts: number[]): RunGroup => {
      const runs = counts.map((n) => flattenRun(Array.from({ length: n }, () => request('same'))));
      return { runs, noise: groupNoise(runs) };
    };
    const baseline = groupOf(3, 1);
    const variant = groupOf(3, 2);
    expect(compareGroups(baseline, variant, allNoise(baseline, variant))).toEqual([]);
  });

  it('reports nothing between two environments that only differ in noise', () => {
    const baseline = group('Hello', 'Hello');
    const variant = group('Hello', 'Hello');
    expect(compareGroups(baseline, variant, allNoise(baseline, variant))).toEqual([]);
  });

  it('ignores a random id inside a prompt but still sees a swapped apostrophe next to it', () => {
    const prompt = (id: string, apostrophe: string) => `Session ${id} started. Today${apostrophe}s date.`;
    const baseline = group(prompt('a1b2c3d4', "'"), prompt('9f8e7d6c', "'"));
    const variant = group(prompt('5a5b5c5d', '\u2019'), prompt('0e0f1a1b', '\u2019'));
    const changes = compareGroups(baseline, variant, allNoise(baseline, variant));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'confusable', location: 'POST /v1/messages body.system[0].text', baseline: "'", variant: '\u2019' });
  });

  it('ignores a timestamp that happened to match within each group but not across them', () => {
    const at = (s: number) => `sent at 2026-11-24T10:00:0${s}.000Z`;
    // Identical within each group, so only the other groups' noise tells that the field is volatile.
    const baseline = { runs: [flattenRun([request(at(1))]), flattenRun([request(at(1))])] };
    const variant = { runs: [flattenRun([request(at(2))]), flattenRun([request(at(2))])] };
    const other = group(at(3), at(4));
    const b: RunGroup = { ...baseline, noise: groupNoise(baseline.runs) };
    const v: RunGroup = { ...variant, noise: groupNoise(variant.runs) };
    expect(compareGroups(b, v, allNoise(b, v, other))).toEqual([]);
  });

  it('reports a change in a field that is stable between identical runs', () => {
    const baseline = group('Date 2026-11-24', 'Date 2026-11-24');
    const variant = group('Date 2026/11/24', 'Date 2026/11/24');
    const changes = compareGroups(baseline, variant, allNoise(baseline, variant));
    expect(changes.map((c) => c.kind)).toEqual(['format']);
  });
});

describe('noise learnt inside a field', () => {
  function copilot(seconds: number, runDir: string, local: string): ObservedRequest {
    return {
      method: 'POST',
      path: '/chat/completions',
      targetHost: '127.0.0.1',
      viaProxy: false,
      headers: {},
      body: {
        messages: [
          { role: 'system', content: `Work in ${runDir}/workspace. <current_datetime>${local.replace('SS', String(seconds).padStart(2, '0'))}</current_datetime> Be brief.` },
        ],
      },
    };
  }
  const runs = (local: string, ...rs: Array<[number, string]>): RunGroup => {
    const flat = rs.map(([s, dir]) => flattenRun([copilot(s, dir, local)]));
    return { runs: flat, noise: groupNoise(flat) };
  };

  it('masks the seconds and the per-run path of a message but still sees the UTC offset of its date-time (Copilot CLI)', () => {
    const baseline = runs('2026-11-29T20:46:SS+00:00', [12, '/tmp/copilot-x1y2z3'], [47, '/tmp/copilot-q9w8e7']);
    const variant = runs('2026-11-30T04:46:SS+08:00', [31, '/tmp/copilot-a5s4d3'], [5, '/tmp/copilot-m1n2b3']);
    const changes = compareGroups(baseline, variant, allNoise(baseline, variant), { baseline: 'UTC', variant: 'Asia/Shanghai' });
    expect(changes.map((c) => [c.kind, c.baseline, c.variant])).toEqual([['offset', '2026-11-29T20:46:12+00:00', '2026-11-30T04:46:31+08:00']]);
  });

  it('finds nothing between two zones at one offset once the seconds and paths are masked', () => {
    const baseline = runs('2026-11-29T20:46:SS+00:00', [12, '/tmp/copilot-x1y2z3'], [47, '/tmp/copilot-q9w8e7']);
    const variant = runs('2026-11-29T20:47:SS+00:00', [31, '/tmp/copilot-a5s4d3'], [5, '/tmp/copilot-m1n2b3']);
    expect(compareGroups(baseline, variant, allNoise(baseline, variant), { baseline: 'UTC', variant: 'UTC' })).toEqual([]);
  });

  it('does not learn items that swapped places between identical runs as noise (Gemini CLI systemInstruction)', () => {
    const gemini = (parts: string[]): ObservedRequest => ({
      method: 'POST',
      path: '/v1beta/models/gemini:generateContent',
      targetHost: '127.0.0.1',
      viaProxy: false,
      headers: {},
      body: { systemInstruction: { parts: parts.map((text) => ({ text })) } },
    });
    const memory = 'Memory: the user prefers short answers and tabs over spaces.';
    const date = (apostrophe: string) => `Today${apostrophe}s date is Sunday, November 29, 2026. Be helpful.`;
    const flat = (apostrophe: string, swapped: boolean) => flattenRun([gemini(swapped ? [date(apostrophe), memory] : [memory, date(apostrophe)])]);
    const baselineRuns = [flat("'", false), flat("'", true)];
    const variantRuns = [flat('\u2019', false), flat('\u2019', false)];
    const baseline: RunGroup = { runs: baselineRuns, noise: groupNoise(baselineRuns) };
    const variant: RunGroup = { runs: variantRuns, noise: groupNoise(variantRuns) };
    expect(baseline.noise.paths.size).toBe(0);
    const changes = compareGroups(baseline, variant, allNoise(baseline, variant));
    expect(changes.map((c) => c.kind)).toEqual(['confusable']);
  });
});

describe('requests sent through a proxy', () => {
  it('compares what they say, not how they travelled: proxy headers and the route are no change', () => {
    const direct = group('You are a coding assistant.', 'You are a coding assistant.');
    const viaProxy = (system: string): ObservedRequest => {
      const sent = request(system);
      return { ...sent, viaProxy: true, headers: { ...sent.headers, 'proxy-connection': 'keep-alive', 'proxy-authorization': 'Basic ***' } };
    };
    const runs = ['You are a coding assistant.', 'You are a coding assistant.'].map((s) => flattenRun([viaProxy(s)]));
    const proxied: RunGroup = { runs, noise: groupNoise(runs) };
    expect(compareGroups(direct, proxied, allNoise(direct, proxied))).toEqual([]);
    // What it says still counts.
    const marked = ['You are a coding\u200b assistant.', 'You are a coding\u200b assistant.'].map((s) => flattenRun([viaProxy(s)]));
    const changes = compareGroups(direct, { runs: marked, noise: groupNoise(marked) }, allNoise(direct));
    expect(changes.map((c) => [c.kind, c.location])).toEqual([['invisible', 'POST /v1/messages body.system[0].text']]);
  });
});
