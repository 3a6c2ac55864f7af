/** Whether precise capture runs here (root, tracefs): null, or the adapter's reason, warned once as why `what` is skipped. */
import { startTraceCapture } from '../../main/adapters/trace-capture.js';

export async function traceUnavailable(what: string): Promise<string | null> {
  const probe = await startTraceCapture({ name: `telltale-probe-${process.pid}`, onEvent: () => {}, onError: () => {} });
  if ('stop' in probe) {
    await probe.stop();
    return null;
  }
  console.warn(`${what} skipped: ${probe.unavailable}`);
  return probe.unavailable;
}
