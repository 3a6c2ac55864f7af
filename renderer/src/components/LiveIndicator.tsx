import type { SamplerStatus } from '../../../contract/api.js';
import type { Language } from '../../../common/i18n/languages.js';
import { translator } from '../../../common/i18n/translate.js';
import { useLiveness, type Liveness } from '../hooks/useLiveness.js';
import type { Link } from '../hooks/useTelltale.js';
import { useLanguage } from '../hooks/useT.js';
import { clockTime, latest, relativeTime } from '../lib/time.js';

type Props = { status: SamplerStatus | null; link: Link; takenAt: string | undefined };

/** What is read out when the state changes: no ticking numbers, so it is said once. */
function spokenText(state: Liveness, last: string | null, language: Language): string {
  const t = translator(language);
  switch (state) {
    case 'connecting':
      return t('live.spoken.connecting');
    case 'live':
      return t('live.spoken.live');
    case 'paused':
      return t('live.spoken.paused');
    case 'stale':
      return t('live.spoken.stale', { time: clockTime(last, language) });
    case 'down':
      return t('live.spoken.down');
  }
}

function visibleText(state: Liveness, last: string | null, sampling: boolean, now: number, language: Language): string {
  const t = translator(language);
  const ago = last ? t('live.last-sample', { ago: relativeTime(last, now, language) }) : t('live.no-sample');
  switch (state) {
    case 'connecting':
      return t('live.connecting');
    case 'live':
      return sampling ? t('live.sampling') : t('live.live', { ago });
    case 'paused':
      return t('live.paused', { ago });
    case 'stale':
      return t('live.stale', { ago });
    case 'down':
      return t('live.down');
  }
}

/**
 * Live, paused, stalled or not running, from the sampler status and the heartbeat. The visible text
 * ticks ("3 s ago") and is hidden from screen readers; the live region announces state changes only.
 */
export function LiveIndicator({ status, link, takenAt }: Props) {
  const { state, now } = useLiveness(status, link);
  const language = useLanguage();
  const last = latest(status?.lastSampleAt, takenAt);
  return (
    <div className={`live is-${state}${status?.sampling ? ' is-sampling' : ''}`} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      <span aria-hidden="true">{visibleText(state, last, status?.sampling ?? false, now, language)}</span>
      <span className="sr-only">{spokenText(state, last, language)}</span>
      {state !== 'down' && status?.lastError && <span className="live-error">{translator(language)('live.last-error', { error: status.lastError })}</span>}
    </div>
  );
}
