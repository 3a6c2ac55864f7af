import { useEffect, useRef, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import type { AppNotification } from '../../../contract/notification.js';
import { notificationBody, notificationText } from '../../../common/notification-text.js';
import { addToast, removeToast, TOAST_MS } from '../lib/toasts.js';
import { useLanguage, useT } from '../hooks/useT.js';

function Toast({ notification, onDismiss }: { notification: AppNotification; onDismiss: () => void }) {
  // The timer stops while the pointer or keyboard focus is on the toast, so it can be read and dismissed.
  const t = useT();
  const language = useLanguage();
  const [held, setHeld] = useState(false);
  const { title } = notificationText(notification, language);
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  }, [onDismiss]);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss.current(), TOAST_MS);
    return () => clearTimeout(timer);
  }, [held]);
  return (
    <li
      className={`toast rule-${notification.rule}`}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <div>
        <strong>{title}</strong>
        <p>{notificationBody(notification, language)}</p>
      </div>
      <button type="button" className="small" aria-label={t('toast.dismiss', { title })} onClick={onDismiss}>
        {t('shell.dismiss')}
      </button>
    </li>
  );
}

/** Notifications as toasts (the browser host; Electron shows them natively). */
export function Toasts({ api }: { api: TelltaleApi }) {
  const t = useT();
  const [shown, setShown] = useState<AppNotification[]>([]);
  useEffect(() => api.on('notification', (next) => setShown((current) => addToast(current, next))), [api]);
  // The live region is always in the page, so screen readers announce toasts added to it.
  return (
    <section className="toasts" aria-label={t('shell.notifications')} aria-live="polite">
      <ul>
        {shown.map((notification) => (
          <Toast key={notification.id} notification={notification} onDismiss={() => setShown((current) => removeToast(current, notification.id))} />
        ))}
      </ul>
    </section>
  );
}
