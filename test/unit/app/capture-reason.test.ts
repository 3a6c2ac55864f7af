/**
 * Why precise capture is off, as the controller reports it: a typed reason (the source's cause,
 * the capture helper's command, what polling may miss) beside the English `reason`, which is the
 * English rendering of that message; Chinese renders from the same message.
 */
import { describe, expect, it } from 'vitest';
import type { CaptureUnavailableMessage } from '../../../contract/message.js';
import { renderCaptureReason } from '../../../common/i18n/render-capture.js';
import { createCaptureController } from '../../../main/app/capture.js';
import type { CaptureUnavailable } from '../../../main/core/connections/capture-source.js';

function controller(result: CaptureUnavailable) {
  return createCaptureController({
    sampler: { sample: () => Promise.reject(new Error('not sampled here')), pollSockets: async () => [] },
    geo: { lookup: () => null },
    matchTool: () => null,
    sampleIntervalMs: () => 2000,
    socketPath: '/nonexistent/telltale/capture.sock',
    pollMs: 250,
    startLocal: async () => result,
  });
}

describe('the capture reason', () => {
  it('carries the source\'s cause and the helper\'s command as a message; reason is its English rendering', async () => {
    const why: CaptureUnavailableMessage = { id: 'capture-why.tracefs-unreadable', root: '/sys/kernel/tracing', code: 'EACCES' };
    const capture = controller({ unavailable: 'not used', why });
    const status = await capture.setEnabled(true);
    await capture.close();
    expect(status.reasonMessage).toEqual({
      id: 'capture-reason.polling',
      why,
      helper: { uid: process.getuid?.() ?? 0, socket: '/nonexistent/telltale/capture.sock' },
      missedUnderMs: 250,
    });
    expect(status.reason).toBe(renderCaptureReason(status.reasonMessage!, 'en'));
    expect(status.reason).toMatch(/^precise capture needs root: \/sys\/kernel\/tracing is not readable \(EACCES\); .*sudo telltale capture --user \d+.*shorter than 250 ms may be missed$/);
    expect(renderCaptureReason(status.reasonMessage!, 'zh-CN')).toMatch(/^精确捕获需要 root 权限：无法读取 \/sys\/kernel\/tracing（EACCES）；.*短于 250 毫秒的连接可能会被漏掉$/);
  });

  it('keeps a source\'s own words when it gives no message, and says when capture is off', async () => {
    const capture = controller({ unavailable: 'eBPF is off' });
    const unavailable = await capture.setEnabled(true);
    expect(unavailable.reasonMessage?.why).toEqual({ id: 'capture-why.unavailable', detail: 'eBPF is off' });
    const off = await capture.setEnabled(false);
    await capture.close();
    expect(off.reasonMessage).toEqual({ id: 'capture-reason.polling', why: { id: 'capture-why.off' }, missedUnderMs: 250 });
    expect(off.reason).toBe('precise capture is off; connections shorter than 250 ms may be missed');
  });
});
