/**
 * The TCP connections each probe run attempted: one precise capture for the whole probe that
 * follows the probe's own process and everything it starts (so each run's tool is traced from its
 * first instruction), its events filed under the run in progress. The probe's own sockets (the
 * bridges to the tap) are left out.
 */
import type { ProbeAttempt, ProbeRunAttempts } from '../../contract/snapshot.js';
import { startTraceCapture, type TraceCapture } from '../adapters/trace-capture.js';
import type { CaptureUnavailable } from '../core/connections/capture-source.js';
import type { ConnectionEvent } from '../core/connections/trace-events.js';

export interface RunAttemptRecorder {
  /** Files what comes next under this run. */
  begin(group: string, run: number): void;
  /** Stops filing (what remains in the kernel's buffer is read first). */
  end(): Promise<void>;
  readonly runs: ProbeRunAttempts[];
  stop(): Promise<void>;
}

export async function recordRunAttempts(): Promise<RunAttemptRecorder | CaptureUnavailable> {
  let current: { attempts: ProbeAttempt[]; pending: Map<string, ProbeAttempt[]> } | null = null;
  const runs: ProbeRunAttempts[] = [];
  const onEvent = (event: ConnectionEvent) => {
    if (!current || event.pid === process.pid) return;
    const key = `${event.pid} ${event.remoteAddress} ${event.remotePort}`;
    if (event.type === 'attempt') {
      const attempt: ProbeAttempt = { process: event.comm, pid: event.pid, remoteAddress: event.remoteAddress, remotePort: event.remotePort, outcome: 'unknown' };
      current.attempts.push(attempt);
      current.pending.set(key, [...(current.pending.get(key) ?? []), attempt]);
      return;
    }
    const attempt = current.pending.get(key)?.shift();
    if (attempt) attempt.outcome = event.type;
  };
  const capture = await startTraceCapture({ followPid: process.pid, onEvent, onError: () => undefined });
  if ('unavailable' in capture) return capture;
  const trace: TraceCapture = capture;
  return {
    begin(group, run) {
      current = { attempts: [], pending: new Map() };
      runs.push({ group, run, attempts: current.attempts });
    },
    async end() {
      await trace.drain();
      current = null;
    },
    runs,
    stop: () => trace.stop(),
  };
}
