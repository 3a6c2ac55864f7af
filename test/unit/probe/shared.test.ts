import { describe, expect, it } from 'vitest';
import type { ProbeChange, ProbeFactor } from '../../../contract/snapshot.js';
import { disclosure } from '../../../main/core/probe/disclosure.js';
import { renderProbeReport, summarise } from '../../../main/core/probe/report.js';
import { markSharedChanges } from '../../../main/core/probe/shared.js';

function change(location: string, baseline: string, variant: string, kind: ProbeChange['kind'] = 'text'): ProbeChange {
  return { kind, location, baseline, variant, contextBefore: 'Today', contextAfter: 's date', codePoints: [], description: `${baseline} became ${variant}` };
}

const betaTrimmed = change('POST /v1/messages header:anthropic-beta', ',web-search', '');
const toolDropped = change('POST /v1/messages body.tools[name="WebSearch"]', '.name: WebSearch', '');
const swapped = change('POST /v1/messages body.system[0].text', "'", '\u02bc', 'confusable');

describe('markSharedChanges', () => {
  it('marks what a neutral variant shows identically and leaves the rest and the neutral variant alone', () => {
    const [neutral, moonshot] = markSharedChanges(
      [
        { value: 'api.example.com', runs: 2, changes: [betaTrimmed, toolDropped] },
        { value: 'api.moonshot.cn', runs: 2, changes: [betaTrimmed, swapped, toolDropped] },
      ],
      ['api.example.com'],
    );
    expect(neutral).toEqual([betaTrimmed, toolDropped]);
    expect(moonshot).toEqual([{ ...betaTrimmed, sharedWith: 'api.example.com' }, swapped, { ...toolDropped, sharedWith: 'api.example.com' }]);
  });

  it('shares nothing that differs in variant text or location, nor with a neutral variant that never ran', () => {
    const otherText = change(betaTrimmed.location, betaTrimmed.baseline, 'moonshot-beta');
    const otherPlace = { ...betaTrimmed, location: 'POST /v1/messages #2 header:anthropic-beta' };
    const [, host] = markSharedChanges(
      [
        { value: 'api.example.com', runs: 2, changes: [betaTrimmed] },
        { value: 'api.moonshot.cn', runs: 2, changes: [otherText, otherPlace] },
      ],
      ['api.example.com'],
    );
    expect(host?.map((c) => c.sharedWith)).toEqual([undefined, undefined]);
    const [, unmatched] = markSharedChanges(
      [
        { value: 'api.example.com', runs: 0, changes: [betaTrimmed] },
        { value: 'api.moonshot.cn', runs: 2, changes: [betaTrimmed] },
      ],
      ['api.example.com'],
    );
    expect(unmatched).toEqual([betaTrimmed]);
  });

  it('marks nothing in a factor without neutral values', () => {
    const variants = [
      { value: 'Asia/Shanghai', runs: 2, changes: [swapped] },
      { value: 'Asia/Tokyo', runs: 2, changes: [swapped] },
    ];
    expect(markSharedChanges(variants, [])).toEqual([[swapped], [swapped]]);
  });
});

describe('disclosure and report of shared changes', () => {
  const shared = (c: ProbeChange): ProbeChange => ({ ...c, sharedWith: 'api.example.com' });

  it('bases the disclosure on the changes that single the host out', () => {
    expect(disclosure('base-url', 'api.moonshot.cn', [shared(betaTrimmed), swapped])).toBe(
      'The tool could tell its vendor your base URL belongs to a Chinese AI lab (api.moonshot.cn, Moonshot AI), hidden in confusable changes of its requests.',
    );
    expect(disclosure('base-url', 'api.example.org', [shared(betaTrimmed), shared(toolDropped)])).toBe(
      'The tool treats api.example.org like any custom host: its requests change only as they do for api.example.com.',
    );
    expect(disclosure('base-url', 'api.example.org', [])).toBeNull();
  });

  it('counts only the covert changes that single a variant out as covert channels and lists shared ones in one line', () => {
    const factor: ProbeFactor = {
      factor: 'base-url',
      baseline: 'api.anthropic.com',
      changed: true,
      variants: [
        { value: 'api.example.com', runs: 2, changed: true, changes: [betaTrimmed, swapped], disclosure: 'custom host' },
        { value: 'api.moonshot.cn', runs: 2, changed: false, changes: [shared(betaTrimmed), shared(swapped)], disclosure: 'like any' },
      ],
    };
    const sharedCovertOnly: ProbeFactor = { ...factor, variants: [{ ...factor.variants[1]!, changes: [betaTrimmed, shared(swapped)] }] };
    expect(summarise([factor], 4)).toBe('Covert channels: base-url (confusable). Overt changes (plain text): base-url.');
    expect(summarise([sharedCovertOnly], 4)).toBe('Overt changes (plain text): base-url.');

    const text = renderProbeReport({
      command: ['tool'],
      startedAt: '2026-11-24T00:00:00.000Z',
      finishedAt: '2026-11-24T00:01:00.000Z',
      runsPerVariant: 2,
      requestsCaptured: 4,
      noise: [],
      factors: [factor],
      summary: 'summary',
    });
    expect(text).toContain('  api.moonshot.cn: no change of its own\n    like any\n    2 change(s) also seen with api.example.com (any custom host)\n');
    expect(text.match(/header:anthropic-beta/g)).toHaveLength(1);
  });
});
