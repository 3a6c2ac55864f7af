/**
 * The UI's address inside Electron. It is served from a custom standard scheme rather than
 * file:// so it has a real origin ('self' in the CSP means only our files) and so the protocol
 * handler can tell the app's own requests and frames from anything else that might be loaded.
 */
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../common/app-origin.js';

export { APP_HOST, APP_ORIGIN, APP_SCHEME };
export const APP_URL = `${APP_ORIGIN}/`;
export const APP_INDEX_URL = `${APP_URL}index.html`;

/** True only for app://telltale/... (not app://telltale.evil/, not app://telltale@x/). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(APP_URL);
}
