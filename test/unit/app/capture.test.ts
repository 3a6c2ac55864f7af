/**
 * The capture controller's handling of connection ends: an established attempt whose socket the
 * source follows waits for its close and goes out once with endedAt; one still open after a whole
 * sample goes out without; failed ones and ones without a socket go out at once. The source is a
 * stand-in that hands the controller's own handlers to the test.
 */
import { describe, expect, it } from 'vitest';
import { createCaptureController } from '../../../main/app/capture.js';
import type { CaptureHandlers } from '../../../main/core/connections/capture-source.js';
import type { ConnectionEvent } from '../../../main/core/connections/trace-events.js';

const nowSeconds = () => Number(process.hrtime.bigint()) / 1e9;

async function controller() {
  let handlers: CaptureHandlers | null = null;
  const capture = createCaptureController({
    sampler: { sample: () => Promise.reject(new Error('not sampled here')) },
    geo: { lookup: () => null },
    matchTool: () => null,
    sampleIntervalMs: () => 2000,
    startLocal: async (h) => {
      handlers = h;
      return { reader: 'raw', stop: async () => undefined };
    },
  });
  const status = await capture.setEnabled(true);
  if (!handlers) throw new Error('the source was not started');
  return { capture, status, handlers: handlers as CaptureHandlers };
}

function event(type: ConnectionEvent['type'], localPort: number, socket?: string): ConnectionEvent {
  return {
    type, pid: 42, comm: 'curl', family: 'ipv4', localAddress: '127.0.0.1', localPort, remoteAddress: '127.0.0.1', remotePort: 443,
    timestamp: nowSeconds(), ...(type === 'attempt' ? {} : { elapsed: 0.001 }), ...(socket ? { socket } : {}),
  };
}

describe('capture controller and connection ends', () => {
  it('says the source and its reader', async () => {
    const { capture, status } = await controller();
    expect(status).toMatchObject({ mode: 'precise', reader: 'raw', reason: null });
    await capture.close();
  });

  it('holds an established attempt until its close, then reports it once with endedAt', async () => {
    const { capture, handlers } = await controller();
    handlers.onEvent(event('established', 5000, 'ffff0001'));
    handlers.onEvent(event('failed', 5001, 'ffff0002'));
    expect(capture.takeAttempts().map((a) => [a.localPort, a.outcome, a.endedAt])).toEqual([[5001, 'failed', undefined]]);
    handlers.onEnd!({ ...event('established', 5000), type: 'closed', elapsed: 0.02, socket: 'ffff0001' });
    const [ended, ...rest] = capture.takeAttempts();
    expect(rest).toEqual([]);
    expect(ended).toMatchObject({ localPort: 5000, outcome: 'established' });
    expect(Date.parse(ended!.endedAt!)).toBeGreaterThanOrEqual(Date.parse(ended!.at));
    expect(capture.takeAttempts()).toEqual([]);
    await capture.close();
  });

  it('reports one still open after a whole sample without its end, and a later close adds nothing', async () => {
    const { capture, handlers } = await controller();
    handlers.onEvent(event('established', 6000, 'ffff0003'));
    expect(capture.takeAttempts()).toEqual([]); // waited through one take
    const [open] = capture.takeAttempts();
    expect(open).toMatchObject({ localPort: 6000, outcome: 'established' });
    expect(open?.endedAt).toBeUndefined();
    handlers.onEnd!({ ...event('established', 6000), type: 'closed', elapsed: 5, socket: 'ffff0003' });
    expect(capture.takeAttempts()).toEqual([]);
    await capture.close();
  });

  it('reports at once what it cannot follow, and everything held when the source stops', async () => {
    const { capture, handlers } = await controller();
    handlers.onEvent(event('established', 7000)); // no socket: the text reader
    handlers.onEvent(event('established', 7001, 'ffff0004'));
    handlers.onEvent(event('established', 7002, 'ffff0004')); // the socket reused: its close was lost
    expect(capture.takeAttempts().map((a) => a.localPort)).toEqual([7000, 7001]);
    await capture.setEnabled(false);
    expect(capture.takeAttempts().map((a) => a.localPort)).toEqual([7002]);
    await capture.close();
  });
});
