/**
 * Which web permissions the app's pages get: only what the UI itself uses, only for the app's own
 * frames (app://telltale/), nothing for any other content. Notifications are not among them: the
 * main process shows them natively (native-notifications.ts), which needs no web permission.
 */
import { isAppUrl } from './app-url.js';

/** The copy buttons write text to the clipboard (navigator.clipboard.writeText). */
export const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
