/**
 * What the tap records about each request, with credentials redacted before anything is kept,
 * and how it is written: one JSON file per request, directory 0700, files 0600.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import type { ObservedRequest } from '../core/probe/types.js';
import { REDACTED } from '../core/secrets/policy.js';
import type { ApiKind } from './replies.js';

export interface CapturedRequest extends ObservedRequest {
  seq: number;
  receivedAt: string;
  /**
   * origin: the tool used the tap as its base URL; absolute/connect: as its HTTP proxy; tunnel: a
   * request inside a CONNECT tunnel to a plain-HTTP port that the tap served itself.
   */
  form: 'origin' | 'absolute' | 'connect' | 'tunnel';
  /** The full URL the tool meant, redacted ("http://api.moonshot.cn/v1/messages"). */
  url: string;
  targetPort: number | null;
  api: ApiKind | null;
  replyStatus: number;
  /** Size of the request body in bytes. */
  bodyBytes: number;
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'cookie', 'set-cookie']);
const SECRET_HEADER_PATTERN = /(api[-_]?key|token|secret|password|session)/i;
/** Shorter values are not worth scrubbing from bodies (they would hit ordinary words). */
const MIN_SECRET_LENGTH = 8;

export interface RedactedHeaders {
  headers: Record<string, string>;
  /** The secret values removed, to scrub from the URL and body too. */
  secrets: string[];
}

export function redactHeaders(raw: IncomingHttpHeaders): RedactedHeaders {
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (!SECRET_HEADERS.has(name) && !SECRET_HEADER_PATTERN.test(name)) {
      headers[name] = text;
      continue;
    }
    // Keep the auth scheme ("Bearer ***"): which scheme a tool uses is worth seeing, the token is not.
    const scheme = /^(Bearer|Basic|Token)\s+/i.exec(text);
    headers[name] = scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
    const secret = scheme ? text.slice(scheme[0].length) : text;
    if (secret.length >= MIN_SECRET_LENGTH) secrets.push(secret);
  }
  return { headers, secrets };
}

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  return secrets.reduce((acc, secret) => acc.split(secret).join(REDACTED), text);
}

/** Creates the capture directory owner-only (0700). */
export async function prepareCaptureDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: 0o700 });
  // Tighten only a directory we made; an existing one stays as its owner set it.
  if (created !== undefined) await chmod(dir, 0o700);
}

export async function writeCapture(dir: string, record: CapturedRequest): Promise<string> {
  const file = path.join(dir, `request-${String(record.seq).padStart(4, '0')}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}
