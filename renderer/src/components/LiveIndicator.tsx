import type { SamplerStatus } from '../../../contract/api.js';
import { useNow } from '../hooks/useNow.js';
import { clockTime, latest, relativeTime } from '../lib/time.js';

type Props = { status: SamplerStatus | null; takenAt: string | undefined };

/**
 * "last sample 3 s ago" / "sampling…". The ticking text is hidden from screen readers; the live
 * region announces only real changes (a new sample, sampling started, paused).
 */
export function LiveIndicator({ status, takenAt }: Props) {
  const now = useNow(1000);
  const last = latest(status?.lastSampleAt, takenAt);
  const sampling = status?.sampling ?? false;
  const paused = status?.paused ?? false;
  const visible = sampling ? 'sampling…' : last ? `last sample ${relativeTime(last, now)}` : 'no sample yet';
  const spoken = sampling ? 'Sampling' : last ? `Last sample at ${clockTime(last)}` : 'No sample yet';
  return (
    <div className={`live ${sampling ? 'is-sampling' : ''}`} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      <span aria-hidden="true">
        {paused ? 'paused · ' : ''}
        {visible}
      </span>
      <span className="sr-only">
        {paused ? 'Monitoring paused. ' : ''}
        {spoken}
      </span>
      {status?.lastError && <span className="live-error">Last sample failed: {status.lastError}</span>}
    </div>
  );
}
