/**
 * The UI's address inside Electron. It is served from a custom standard scheme rather than
 * file:// so it has a real origin ('self' in the CSP means only our files) and so IPC can tell
 * the app's own frames from anything else that might be loaded.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'telltale';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_INDEX_URL = `${APP_URL}index.html`;

/** True only for app://telltale/... (not app://telltale.evil/, not app://telltale@x/). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(APP_URL);
}
