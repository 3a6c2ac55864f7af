/**
 * The cross-origin rule both hosts apply to every request: an Origin header, when present, must
 * be exactly the host's own origin, and Sec-Fetch-Site, when present, must be same-origin or none
 * (a user-typed URL). Other pages can make a browser send requests to the loopback host; in
 * Electron no other origin should reach app:// at all (the scheme is not CORS-enabled), and this
 * holds even if one did.
 */

export type OriginVerdict = { ok: true } | { ok: false; status: 403; reason: string };

export interface RequestSourceHeaders {
  origin: string | null;
  fetchSite: string | null;
}

export function checkRequestOrigin(headers: RequestSourceHeaders, ownOrigin: string): OriginVerdict {
  if (headers.origin !== null && headers.origin !== ownOrigin) {
    return { ok: false, status: 403, reason: 'Cross-origin requests are not allowed.' };
  }
  if (headers.fetchSite !== null && headers.fetchSite !== 'same-origin' && headers.fetchSite !== 'none') {
    return { ok: false, status: 403, reason: 'Cross-site requests are not allowed.' };
  }
  return { ok: true };
}
