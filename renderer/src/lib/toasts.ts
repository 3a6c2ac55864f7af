/** The toasts on screen: newest last, at most MAX_TOASTS (the oldest goes first). */
import type { AppNotification } from '../../../contract/notification.js';

export const MAX_TOASTS = 3;
/** How long a toast stays unless the pointer or focus is on it. */
export const TOAST_MS = 8000;

export function addToast(shown: readonly AppNotification[], next: AppNotification): AppNotification[] {
  // The same notification twice (a re-sent event) is shown once.
  if (shown.some((toast) => toast.id === next.id)) return [...shown];
  return [...shown, next].slice(-MAX_TOASTS);
}

export function removeToast(shown: readonly AppNotification[], id: string): AppNotification[] {
  return shown.filter((toast) => toast.id !== id);
}
