/**
 * The UI's Content-Security-Policy, one list for the page's meta tag (renderer/vite.config.ts) and
 * the response header (main/service/security-headers.ts, which adds what only a header can say).
 * Only the app's own files: no inline script, no eval, no plugins, no remote anything (the UI shows
 * data about the user and must not be able to send it anywhere), and with Trusted Types required no
 * script can turn a string into HTML or code through a DOM sink (nothing in the UI does).
 */
export const PAGE_CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // The API and its event stream are fetched from the page's own origin in both hosts: the
  // loopback host, or app://telltale in Electron ('self' matches a standard custom scheme exactly
  // as it matches the scripts loaded from it), so no scheme or host needs naming here.
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
] as const;

/** Directives a meta tag cannot carry (browsers ignore them there). */
export const HEADER_ONLY_CSP_DIRECTIVES = ["frame-ancestors 'none'", "form-action 'none'"] as const;
