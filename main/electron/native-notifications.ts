/** The `notification` event as the system's own notification; clicking it opens the window. */
import { Notification } from 'electron';
import type { AppNotification } from '../../contract/notification.js';
import type { Language } from '../../common/i18n/languages.js';
import { notificationBody, notificationText } from '../../common/notification-text.js';

export function showNativeNotification(notification: AppNotification, language: Language, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const native = new Notification({ title: notificationText(notification, language).title, body: notificationBody(notification, language) });
  native.on('click', onClick);
  native.show();
}
