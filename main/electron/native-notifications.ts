/** The `notification` event as the system's own notification; clicking it opens the window. */
import { Notification } from 'electron';
import type { AppNotification } from '../../contract/notification.js';
import { notificationBody } from '../../common/notification-text.js';

export function showNativeNotification(notification: AppNotification, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const native = new Notification({ title: notification.title, body: notificationBody(notification) });
  native.on('click', onClick);
  native.show();
}
