/**
 * The snapshot reports show saved probes in the language in force: a failed probe's reason, a
 * variant's failed runs and each change from their messages, the English text of a report saved
 * before messages as it was.
 */
import { describe, expect, it } from 'vitest';
import type { ChangeMessage, ProbeErrorMessage, RunFailure } from '../../../contract/message.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { renderText } from '../../../main/core/snapshot/render-text.js';
import { change, factor, probeReport } from '../../helpers/probe-builders.js';
import { snapshot } from '../../helpers/snapshot-builders.js';

const failed: ProbeErrorMessage = {
  id: 'probe-error.no-model-request',
  otherRequests: 2,
  failures: [{ id: 'run.exited', run: 1, code: 1, line: 'Error: Not logged in' }],
  hint: { id: 'hint.tool-variables', tool: 'Claude Code', variables: ['ANTHROPIC_BASE_URL'] },
};
const timedOut: RunFailure = { id: 'run.timed-out', run: 2, seconds: 60 };
const swapped: ChangeMessage = { id: 'probe-change.text', from: 'UTC', to: 'Asia/Shanghai' };

function withProbes() {
  const zone = factor('timezone', { 'Asia/Shanghai': [change('text', { description: renderMessage(swapped, 'en'), message: swapped })] });
  const variant = { ...zone.variants[0]!, disclosure: null, error: renderMessage(timedOut, 'en'), errorMessages: [timedOut] };
  return snapshot({
    probes: [
      probeReport({ command: ['claude', '-p', 'hi'], error: renderMessage(failed, 'en'), errorMessage: failed }),
      probeReport({ command: ['gemini', '-p', 'hi'], startedAt: '2026-11-24T11:00:00.000Z', factors: [{ ...zone, variants: [variant] }] }),
    ],
  });
}

describe('probes in the snapshot reports', () => {
  it('render their failures and changes from the messages in Chinese', () => {
    const text = renderText(withProbes(), { language: 'zh-CN', width: 1000 });
    expect(text).toContain(renderMessage(failed, 'zh-CN'));
    expect(text).toContain(renderMessage(timedOut, 'zh-CN'));
    expect(text).toContain(renderMessage(swapped, 'zh-CN'));
    for (const english of [renderMessage(failed, 'en'), renderMessage(timedOut, 'en'), renderMessage(swapped, 'en')]) expect(text).not.toContain(english);
  });

  it('render the English text of a report saved before messages', () => {
    const old = snapshot({ probes: [probeReport({ error: 'the tool made no model-API request' })] });
    expect(renderText(old, { language: 'zh-CN', width: 1000 })).toContain('the tool made no model-API request');
  });
});
