/**
 * The Electron app's origin: the UI and the API are served on app://telltale/ (a custom standard,
 * secure scheme; main/electron/app-protocol.ts). The renderer tells the Electron app from a
 * browser by it, and Electron's main process accepts nothing from any other origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'telltale';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
