import type { CaptureStatus } from '../../../contract/attempts.js';
import { Badge } from './Badge.js';

/** How connections between samples are seen: a quiet note while polling, a badge when precise. */
export function CaptureNotice({ capture, intervalMs }: { capture: CaptureStatus | undefined; intervalMs: number | undefined }) {
  if (!capture) return null;
  if (capture.mode === 'precise') {
    return (
      <p className="capture-precise">
        <Badge tone="ok">precise capture</Badge> <span className="muted">every TCP connection attempt is seen</span>
      </p>
    );
  }
  const every = capture.pollMs ? `new sockets are looked for every ${capture.pollMs / 1000} s` : intervalMs ? `sampled every ${intervalMs / 1000} s` : null;
  return (
    <p className="capture-notice" role="note">
      Connections shorter than the interval may be missed{every ? ` (${every})` : ''}. {capture.reason ?? 'Precise capture is not available on this system.'}
    </p>
  );
}
