/**
 * Takes the browser host's access token out of a page URL: returns it and the URL without it, so the
 * token can be kept in sessionStorage and dropped from the address bar (and from history and any
 * screenshot of the window).
 */
export function takeToken(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  url.searchParams.delete('token');
  return { token: token || null, cleanUrl: url.toString() };
}
