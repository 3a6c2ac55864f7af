/**
 * Answers a request to app://telltale/... from the built UI folder with the same security headers
 * as the browser host. Kept free of electron imports so it is tested under plain Node.
 */
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../service/security-headers.js';
import { resolveStaticFile } from '../service/static-files.js';
import { APP_HOST } from './app-url.js';

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function serveAppResource(rendererDir: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return textResponse(404, 'Not found.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed.');
  const found = await resolveStaticFile(rendererDir, url.pathname);
  if (found.kind === 'forbidden') return textResponse(403, 'Forbidden path.');
  if (found.kind === 'not-found') return textResponse(404, 'Not found.');
  const body = request.method === 'HEAD' ? null : await readFile(found.path);
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': found.mime } });
}
