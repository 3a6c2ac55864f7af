/**
 * What the tap records about each request, redacted by the secrets policy before anything is kept
 * (redactCapture), and how it is written: one JSON file per request, directory 0700, files 0600.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ObservedRequest } from '../core/probe/types.js';
import { redactDeep, redactHeaders, redactUrl, scrubSecrets } from '../core/secrets/policy.js';
import type { ApiKind } from './replies.js';

/** How it travelled is in `form` (absolute and tunnel: through the tap as proxy), whence the probe's viaProxy. */
export interface CapturedRequest extends Omit<ObservedRequest, 'viaProxy'> {
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
  /** 0 when refused. */
  replyStatus: number;
  /**
   * A proxy request to an origin the tap did not stand for (see Tap.standFor): its target noted,
   * its connection dropped unanswered. Such a request is where the tool tried to go, not one it
   * sent to its model API.
   */
  refused: boolean;
  /** Size of the request body in bytes. */
  bodyBytes: number;
}

/** A request as it arrived: header values as sent, URL, path and body unredacted. */
export interface RawCapture extends Omit<CapturedRequest, 'headers'> {
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/**
 * The one way a request becomes a record: credential headers masked (the scheme kept), the values
 * they carried scrubbed wherever the tool repeated them (URL, body), then the policy over the URL,
 * the path (secret path segments and query values) and every string of the body.
 */
export function redactCapture(raw: RawCapture): CapturedRequest {
  const { headers, secrets } = redactHeaders(raw.headers);
  const text = (value: string): string => redactUrl(scrubSecrets(value, secrets));
  return { ...raw, headers, url: text(raw.url), path: text(raw.path), body: redactDeep(raw.body, { text }) };
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
