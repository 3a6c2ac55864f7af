import { describe, expect, it } from 'vitest';
import { alignArrays, alignItems } from '../../../main/core/probe/align.js';
import { compareGroups } from '../../../main/core/probe/compare.js';
import { flattenRun, groupNoise } from '../../../main/core/probe/noise.js';
import type { ObservedRequest } from '../../../main/core/probe/types.js';

function messages(system: string[], content: string[]): ObservedRequest {
  return {
    method: 'POST',
    path: '/v1/messages',
    targetHost: 'api.example.com',
    viaProxy: false,
    headers: {},
    body: { system: system.map((text) => ({ type: 'text', text })), messages: [{ role: 'user', content: content.map((text) => ({ type: 'text', text })) }] },
  };
}

function group(request: ObservedRequest) {
  const runs = [flattenRun([request]), flattenRun([request])];
  return { runs, noise: groupNoise(runs) };
}

const noNoise = { paths: new Set<string>(), counts: new Set<string>() };
const BILLING = 'x-anthropic-billing-header: cc_version=2.1.120; cc_entrypoint=cli;';
const IDENTITY = 'You are Claude Code, Anthropic\'s official CLI for Claude.';
const DATE = "Today's date is 2026-11-24. Be brief and helpful in every answer you give.";

describe('alignItems', () => {
  it('pairs equal items first and similar ones in the gaps, in order', () => {
    expect(alignItems(['a b c', 'x y z', 'p q r'], ['x y z', 'p q r s'])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  it('leaves unlike items unpaired', () => {
    expect(alignItems(['alpha beta'], ['gamma delta'])).toEqual([]);
  });
});

describe('alignArrays', () => {
  it('renames the variant items to their baseline counterparts and marks added ones', () => {
    const b = new Map([
      ['body.system[0].text', 'one two'],
      ['body.system[1].text', 'three four'],
    ]);
    const v = new Map([
      ['body.system[0].text', 'new block entirely'],
      ['body.system[1].text', 'one two'],
      ['body.system[2].text', 'three four five'],
    ]);
    const { variant, original } = alignArrays(b, v);
    expect(Object.fromEntries(variant)).toEqual({
      'body.system[+0].text': 'new block entirely',
      'body.system[0].text': 'one two',
      'body.system[1].text': 'three four five',
    });
    expect(original.get('body.system[1].text')).toBe('body.system[2].text');
  });
});

describe('compareGroups with arrays of different length', () => {
  it('finds the look-alike in its own block when the baseline has one block more (Claude Code 2.1.120)', () => {
    const baseline = group(messages([BILLING, IDENTITY, DATE], ['say ok']));
    const variant = group(messages([IDENTITY, DATE.replace("'", '\u2019')], ['say ok']));
    const changes = compareGroups(baseline, variant, noNoise);
    expect(changes.map((c) => [c.kind, c.location])).toEqual([
      ['text', 'POST /v1/messages body.system[0]'],
      ['confusable', 'POST /v1/messages body.system[2].text'],
    ]);
    expect(changes[0]?.description).toBe('body.system[0] dropped');
    expect(changes.some((c) => c.kind === 'whitespace')).toBe(false);
  });

  it('aligns nested content blocks inside messages', () => {
    const baseline = group(messages([IDENTITY], ['<system-reminder>context here</system-reminder>', 'say ok please']));
    const variant = group(messages([IDENTITY], ['say ok please']));
    const changes = compareGroups(baseline, variant, noNoise);
    expect(changes.map((c) => c.description)).toEqual(['body.messages[0].content[0] dropped']);
  });
});

describe('items that differ only in their numbers', () => {
  it('pairs a message holding only a date-time across zones, so its offset is found (real Copilot CLI)', () => {
    const chat = (datetime: string): ObservedRequest => ({
      method: 'POST',
      path: '/v1/chat/completions',
      targetHost: '127.0.0.1',
      viaProxy: false,
      headers: {},
      body: { messages: [{ role: 'system', content: 'You are Copilot.' }, { role: 'user', content: `<current_datetime>${datetime}</current_datetime>\n\nsay ok` }] },
    });
    // As captured: the runs were minutes apart, and milliseconds are written.
    const utc = group(chat('2026-11-30T20:38:45.663+00:00'));
    const shanghai = group(chat('2026-12-01T04:42:00.808+08:00'));
    const found = compareGroups(utc, shanghai, noNoise, { baseline: 'UTC', variant: 'Asia/Shanghai' });
    expect(found.map((c) => c.kind)).toEqual(['offset']);
    expect(found[0]).toMatchObject({ baseline: '2026-11-30T20:38:45.663+00:00', variant: '2026-12-01T04:42:00.808+08:00' });
  });
});
