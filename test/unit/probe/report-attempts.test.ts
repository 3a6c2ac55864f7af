import { describe, expect, it } from 'vitest';
import type { CaptureUnavailableMessage } from '../../../contract/message.js';
import { ProbeReport } from '../../../contract/snapshot.js';
import { renderCaptureUnavailable } from '../../../common/i18n/render-capture.js';
import { renderProbeReport } from '../../../main/core/probe/report.js';
import { expectChinese } from '../../helpers/i18n-checks.js';

const why: CaptureUnavailableMessage = { id: 'capture-why.tracefs-unreadable', root: '/sys/kernel/tracing', code: 'EACCES' };

/** A probe that compared nothing and could not record attempts; message: absent in a report saved before it had one. */
function report(message: CaptureUnavailableMessage | undefined): ProbeReport {
  return ProbeReport.parse({
    command: ['tool'],
    startedAt: '2026-11-24T00:00:00.000Z',
    finishedAt: '2026-11-24T00:01:00.000Z',
    runsPerVariant: 2,
    requestsCaptured: 0,
    noise: [],
    factors: [],
    summary: 'summary',
    attemptsUnavailable: renderCaptureUnavailable(why, 'en'),
    ...(message ? { attemptsUnavailableMessage: message } : {}),
  });
}

const attemptsLine = (text: string) => text.split('\n').find((line) => line.includes('/sys/kernel/tracing')) ?? '';

describe('why a probe recorded no attempts', () => {
  it('is said in the language in force from its message', () => {
    const en = attemptsLine(renderProbeReport(report(why), 'en'));
    expect(en).toContain(renderCaptureUnavailable(why, 'en'));
    const zh = attemptsLine(renderProbeReport(report(why), 'zh-CN'));
    expect(zh).toContain(renderCaptureUnavailable(why, 'zh-CN'));
    expectChinese(zh, why, 'zh-CN attempts unavailable');
  });

  it('falls back to the English of a report saved without the message', () => {
    const zh = attemptsLine(renderProbeReport(report(undefined), 'zh-CN'));
    expect(zh).toContain(renderCaptureUnavailable(why, 'en'));
  });
});
