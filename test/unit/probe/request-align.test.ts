import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareGroups, type RunGroup } from '../../../main/core/probe/compare.js';
import { flattenRun, groupNoise } from '../../../main/core/probe/noise.js';
import type { ObservedRequest } from '../../../main/core/probe/types.js';

/** Two calls to one endpoint with one model, as Qwen Code sends them: the main turn and a memory subagent. */
function call(system: string, user: string): ObservedRequest {
  return {
    method: 'POST',
    path: '/v1/chat/completions',
    targetHost: '127.0.0.1',
    viaProxy: false,
    headers: {},
    body: { model: 'qwen3-coder-plus', messages: [{ role: 'system', content: system }, { role: 'user', content: user }] },
  };
}

const MAIN = 'You are Qwen Code, an interactive CLI agent. Today is the day it is. Be brief and use the tools.';
const MEMORY = 'You are now acting as the managed memory extraction subagent. Summarise what the user said for later.';

function group(...runs: ObservedRequest[][]): RunGroup {
  const flat = runs.map(flattenRun);
  return { runs: flat, noise: groupNoise(flat) };
}

const noNoise = { paths: new Set<string>(), counts: new Set<string>() };

describe('requests of one kind are paired by content, not arrival', () => {
  it('finds only the real change when the two calls arrive in the other order', () => {
    const baseline = group([call(MAIN, 'say ok'), call(MEMORY, 'say ok')], [call(MAIN, 'say ok'), call(MEMORY, 'say ok')]);
    const changedMain = MAIN.replace('Be brief', 'Answer in Chinese. Be brief');
    const variant = group([call(MEMORY, 'say ok'), call(changedMain, 'say ok')], [call(MEMORY, 'say ok'), call(changedMain, 'say ok')]);
    const changes = compareGroups(baseline, variant, noNoise);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'text', variant: 'Answer in Chinese. ' });
  });

  it('learns no noise from identical runs whose calls swapped places', () => {
    const g = group([call(MAIN, 'say ok'), call(MEMORY, 'say ok')], [call(MEMORY, 'say ok'), call(MAIN, 'say ok')]);
    expect([...g.noise.paths]).toEqual([]);
  });

  it('still compares calls too different to pair by content, in rank order', () => {
    const baseline = group([call(MAIN, 'say ok')], [call(MAIN, 'say ok')]);
    const variant = group([call('Something else entirely.', 'hello there')], [call('Something else entirely.', 'hello there')]);
    expect(compareGroups(baseline, variant, noNoise).length).toBeGreaterThan(0);
  });

  it('pairs a request with its own twin, not the one that differs by stream=true, whatever the random ids', () => {
    // The fake tools' client sends one payload plain, then again with stream: true; the runs'
    // ids differ, and once outweighed the one word that tells the two apart (a CI flake).
    const twin = (user: string, stream: boolean): ObservedRequest => ({
      method: 'POST',
      path: '/v1/messages',
      targetHost: '127.0.0.1',
      viaProxy: false,
      headers: { 'x-request-id': randomUUID(), 'x-sent-at': new Date().toISOString() },
      body: { model: 'claude-fake-1', system: [{ type: 'text', text: 'You are a coding assistant.' }], messages: [{ role: 'user', content: 'say ok' }], metadata: { user_id: user }, ...(stream ? { stream: true } : {}) },
    });
    const run = () => {
      const user = `user_${randomUUID().replace(/-/g, '')}`;
      return [twin(user, false), twin(user, true)];
    };
    for (let trial = 0; trial < 200; trial++) {
      const changes = compareGroups(group(run(), run()), group(run(), run()), { paths: new Set(['POST /v1/messages headers.x-request-id', 'POST /v1/messages #2 headers.x-request-id']), counts: new Set() });
      expect(changes.filter((c) => c.location.includes('stream'))).toEqual([]);
    }
  });
});
