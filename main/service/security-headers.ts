/**
 * Response headers for everything that serves the UI: the browser host and Electron's app://
 * protocol use the same ones. The CSP is the page's (common/content-security-policy.ts) plus what
 * only a header can say: no framing, no form submissions.
 */
import { HEADER_ONLY_CSP_DIRECTIVES, PAGE_CSP_DIRECTIVES } from '../../common/content-security-policy.js';

export const CONTENT_SECURITY_POLICY = [...PAGE_CSP_DIRECTIVES, ...HEADER_ONLY_CSP_DIRECTIVES].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  // Other sites may not embed, open a handle to, or read any of these responses.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
