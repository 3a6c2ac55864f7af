import type { CaptureStatus } from '../../../contract/attempts.js';
import { renderCaptureReason } from '../../../common/i18n/render-capture.js';
import { Badge } from './Badge.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { formatNumber } from '../lib/count.js';

/** How connections between samples are seen: a quiet note while polling, a badge when precise. */
export function CaptureNotice({ capture, intervalMs }: { capture: CaptureStatus | undefined; intervalMs: number | undefined }) {
  const t = useT();
  const language = useLanguage();
  if (!capture) return null;
  if (capture.mode === 'precise') {
    return (
      <p className="capture-precise">
        <Badge tone="ok">{t('capture.precise')}</Badge> <span className="muted">{t('capture.precise-note')}</span>
      </p>
    );
  }
  const seconds = (ms: number) => formatNumber(ms / 1000, language);
  const reason = capture.reasonMessage ? renderCaptureReason(capture.reasonMessage, language) : (capture.reason ?? t('capture.unavailable'));
  const every = capture.pollMs ? t('capture.poll-every', { seconds: seconds(capture.pollMs) }) : intervalMs ? t('capture.sampled-every', { seconds: seconds(intervalMs) }) : null;
  return (
    <p className="capture-notice" role="note">
      {every ? t('capture.may-miss-every', { every }) : t('capture.may-miss')} {reason}
    </p>
  );
}
