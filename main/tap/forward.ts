/**
 * --forward only: re-sends a recorded request to the real upstream over https and relays the
 * answer. This is the one place Telltale talks to the internet, and only when asked.
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { ApiKind } from './replies.js';

const HOP_BY_HOP = new Set(['host', 'connection', 'proxy-connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-authorization', 'upgrade', 'te', 'trailer']);

/** Where an origin-form request (base URL = the tap) was really meant to go. */
function upstreamHost(targetHost: string | null, api: ApiKind | null): string | null {
  if (targetHost) return targetHost;
  if (api === 'anthropic-messages' || api === 'anthropic-count-tokens') return 'api.anthropic.com';
  if (api === 'openai-chat' || api === 'openai-responses') return 'api.openai.com';
  if (api === 'gemini-generate' || api === 'gemini-stream' || api === 'gemini-count-tokens') return 'generativelanguage.googleapis.com';
  return null;
}

export async function forwardRequest(
  req: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer },
  proxiedHost: string | null,
  api: ApiKind | null,
  res: ServerResponse,
): Promise<number> {
  const host = upstreamHost(proxiedHost, api);
  if (!host) {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'telltale tap: cannot tell which host to forward to' } }));
    return 502;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const upstream = await fetch(`https://${host}${req.path}`, {
    method: req.method,
    headers,
    body: hasBody ? new Uint8Array(req.body) : undefined,
  });
  const out: Record<string, string> = {};
  // fetch has already decoded the body, so its encoding and length no longer apply.
  upstream.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) out[name] = value;
  });
  res.writeHead(upstream.status, out);
  if (upstream.body) for await (const chunk of upstream.body) res.write(chunk);
  res.end();
  return upstream.status;
}
