import type { SamplerStatus } from '../../../contract/api.js';
import { useLiveness, type Liveness } from '../hooks/useLiveness.js';
import type { Link } from '../hooks/useTelltale.js';
import { clockTime, latest, relativeTime } from '../lib/time.js';

type Props = { status: SamplerStatus | null; link: Link; takenAt: string | undefined };

/** What is read out when the state changes: no ticking numbers, so it is said once. */
function spokenText(state: Liveness, last: string | null): string {
  switch (state) {
    case 'connecting':
      return 'Connecting to Telltale.';
    case 'live':
      return 'Monitoring is live.';
    case 'paused':
      return 'Monitoring is paused.';
    case 'stale':
      return `Sampling has stalled; the last sample was at ${clockTime(last)}.`;
    case 'down':
      return 'Telltale is not running.';
  }
}

function visibleText(state: Liveness, last: string | null, sampling: boolean, now: number): string {
  const ago = last ? `last sample ${relativeTime(last, now)}` : 'no sample yet';
  switch (state) {
    case 'connecting':
      return 'connecting…';
    case 'live':
      return sampling ? 'live · sampling…' : `live · ${ago}`;
    case 'paused':
      return `paused · ${ago}`;
    case 'stale':
      return `sampling stalled, ${ago}`;
    case 'down':
      return 'Telltale is not running';
  }
}

/**
 * Live, paused, stalled or not running, from the sampler status and the heartbeat. The visible text
 * ticks ("3 s ago") and is hidden from screen readers; the live region announces state changes only.
 */
export function LiveIndicator({ status, link, takenAt }: Props) {
  const { state, now } = useLiveness(status, link);
  const last = latest(status?.lastSampleAt, takenAt);
  return (
    <div className={`live is-${state}${status?.sampling ? ' is-sampling' : ''}`} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      <span aria-hidden="true">{visibleText(state, last, status?.sampling ?? false, now)}</span>
      <span className="sr-only">{spokenText(state, last)}</span>
      {state !== 'down' && status?.lastError && <span className="live-error">Last sample failed: {status.lastError}</span>}
    </div>
  );
}
