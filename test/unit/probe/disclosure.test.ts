import { describe, expect, it } from 'vitest';
import type { ProbeChange, ProbeFactor } from '../../../contract/snapshot.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { disclosureMessage } from '../../../main/core/probe/disclosure.js';
import { probeSummaryMessage, renderProbeReport } from '../../../main/core/probe/report.js';

function change(location: string, baseline: string, variant: string, kind: ProbeChange['kind'] = 'text'): ProbeChange {
  return { kind, location, baseline, variant, contextBefore: 'Today', contextAfter: 's date', codePoints: [], description: `${baseline} became ${variant}` };
}

/** The disclosure as the report's English text field renders it. */
function english(...args: Parameters<typeof disclosureMessage>): string | undefined {
  const message = disclosureMessage(...args);
  return message ? renderMessage(message, 'en') : undefined;
}

const betaTrimmed = change('POST /v1/messages header:anthropic-beta', ',web-search', '');
const swapped = change('POST /v1/messages body.system[0].text', "'", '\u02bc', 'confusable');

describe('disclosure of a variant compared with the neutral one', () => {
  const example = { value: 'api.example.com', changed: true };

  it('names what singles the host out', () => {
    expect(english('base-url', 'api.moonshot.cn', [swapped], example)).toBe(
      'The tool could tell its vendor your base URL belongs to a Chinese AI lab (api.moonshot.cn, Moonshot AI), hidden in confusable changes of its requests.',
    );
  });

  it('says the tool does not tell a host apart when it changes nothing beyond the neutral host', () => {
    expect(english('base-url', 'api.example.org', [], example)).toBe(
      'The tool treats api.example.org like any custom host: its requests are the same as with api.example.com.',
    );
    // The neutral host changed nothing either: there is nothing to disclose at all.
    expect(disclosureMessage('base-url', 'api.example.org', [], { ...example, changed: false })).toBeNull();
    expect(disclosureMessage('base-url', 'api.example.org', [])).toBeNull();
  });
});

describe('summary and text report', () => {
  const factor: ProbeFactor = {
    factor: 'base-url',
    baseline: 'api.anthropic.com',
    changed: true,
    variants: [
      { value: 'api.example.com', runs: 2, changed: true, changes: [betaTrimmed], disclosure: 'custom host' },
      { value: 'api.moonshot.cn', runs: 2, changed: true, changes: [swapped], disclosure: 'lab', comparedWith: 'api.example.com' },
      { value: 'api.example.org', runs: 2, changed: false, changes: [], disclosure: 'like any', comparedWith: 'api.example.com' },
    ],
  };

  it('counts covert and overt kinds over the variants', () => {
    expect(renderMessage(probeSummaryMessage([factor], 4), 'en')).toBe('Covert channels: base-url (confusable). Overt changes: base-url (text).');
  });

  it('says what each variant was compared with', () => {
    const text = renderProbeReport({
      command: ['tool'],
      startedAt: '2026-11-24T00:00:00.000Z',
      finishedAt: '2026-11-24T00:01:00.000Z',
      runsPerVariant: 2,
      requestsCaptured: 4,
      noise: [],
      factors: [factor],
      summary: 'summary',
    }, 'en');
    expect(text).toContain('  api.moonshot.cn (compared with api.example.com): 1 change(s)\n    lab\n      [confusable]');
    expect(text).toContain('  api.example.org (compared with api.example.com): no change\n    like any\n');
  });
});
