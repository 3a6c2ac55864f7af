/** Why precise capture is off, in a language: from CaptureStatus.reasonMessage. */
import type { CaptureReasonMessage, CaptureUnavailableMessage } from '../../contract/message.js';
import type { Language } from './languages.js';
import { translator, type Translate } from './translate.js';

const RUN_AS_ROOT = '`sudo telltale watch --precise`';

function why(message: CaptureUnavailableMessage, t: Translate): string {
  const runAsRoot = () => t('capture-why.run-as-root', { command: RUN_AS_ROOT });
  switch (message.id) {
    case 'capture-why.off':
      return t('capture-why.off');
    case 'capture-why.stopped':
      return t('capture-why.stopped', { error: message.error });
    case 'capture-why.not-linux':
      return t('capture-why.not-linux', { platform: message.platform });
    case 'capture-why.no-tracefs':
      return t('capture-why.no-tracefs', { root: message.root });
    case 'capture-why.tracefs-unreadable':
      return t('capture-why.tracefs-unreadable', { root: message.root, code: message.code, runAsRoot: runAsRoot() });
    case 'capture-why.tracefs-not-mounted':
      return t('capture-why.tracefs-not-mounted', { root: message.root, runAsRoot: runAsRoot(), mount: `\`sudo mount -t tracefs nodev ${message.root}\`` });
    case 'capture-why.mount-failed':
      return t('capture-why.mount-failed', { root: message.root, error: message.error });
    case 'capture-why.no-instances':
      return t('capture-why.no-instances', { root: message.root });
    case 'capture-why.no-tracepoint':
      return t('capture-why.no-tracepoint', { path: message.path });
    case 'capture-why.instance-denied':
      return t('capture-why.instance-denied', { dir: message.dir, code: message.code, runAsRoot: runAsRoot() });
    case 'capture-why.instance-failed':
      return t('capture-why.instance-failed', { dir: message.dir, error: message.error });
    case 'capture-why.unavailable':
      return t('capture-why.unavailable', { detail: message.detail });
  }
}

/** Why the capture cannot run here, alone (the `capture` command's own error, the probe's note). */
export function renderCaptureUnavailable(message: CaptureUnavailableMessage, language: Language): string {
  return why(message, translator(language));
}

/** The whole reason: why, how to run the capture helper instead, and what polling may miss. */
export function renderCaptureReason(message: CaptureReasonMessage, language: Language): string {
  const t = translator(language);
  const { helper } = message;
  const cause = helper
    ? t('capture-reason.helper', { why: why(message.why, t), command: `\`sudo telltale capture --user ${helper.uid}\``, socket: helper.socket })
    : why(message.why, t);
  return message.missedUnderMs === null
    ? t('capture-reason.missed-interval', { why: cause })
    : t('capture-reason.missed-under', { why: cause, ms: String(message.missedUnderMs) });
}
