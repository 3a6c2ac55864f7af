/**
 * node:http <-> web Request/Response, so the browser host serves the API through the same
 * transport-neutral handler as Electron's app:// protocol (main/service/api-endpoint.ts).
 * Both directions stream with backpressure: a request body is read only as the handler pulls it,
 * and a response body (the event stream above all) is pulled only as fast as the socket drains,
 * the way Electron's protocol module reads it too (Readable.fromWeb).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/** `req` as a web Request on `origin` (already checked against the Host header). */
export function toWebRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
    // Required by fetch for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * Writes `response` to `res`. A request whose body was left unread (refused as too large, or for
 * want of budget) is not read on: the connection closes once the answer is out.
 */
export async function sendWebResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = Object.fromEntries(response.headers);
  const unread = !req.complete;
  if (unread) headers.Connection = 'close';
  res.writeHead(response.status, headers);
  if (unread) res.once('finish', () => req.socket.destroySoon());
  if (!response.body || req.method === 'HEAD') return void res.end();
  // A stream that errors (an event client dropped for stalling) or a client that goes away ends both sides.
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res).catch(() => res.destroy());
}
