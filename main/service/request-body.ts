/**
 * Reads an API request's JSON body (a web Request, from either host) within two bounds: one body
 * may be at most `maxBodyBytes` (413), and all bodies being read or handled at once share
 * `budgetBytes` (503 while it is taken), so a few concurrent large uploads cannot take the host's
 * memory. A body's share is held until the caller releases it, once its reply is built, since
 * parsing and the handler keep copies of it until then.
 */
import { ApiError } from './api-handlers.js';

export interface BodyLimits {
  maxBodyBytes: number;
  budgetBytes: number;
}

/**
 * A snapshot of a busy machine (thousands of connections) is a few MB of JSON; diffWithCurrent
 * sends one inside a JSON string. Each byte read costs about four in memory (chunks, the joined
 * buffer, the string, the parsed value), so the budget keeps the worst case near 256 MB.
 */
export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBodyBytes: 32 * 1024 * 1024, budgetBytes: 64 * 1024 * 1024 };


/** A parsed body and the function that gives its share of the budget back (call it once the reply is built). */
export interface ReadBody {
  value: unknown;
  release: () => void;
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`);

export class BodyBudget {
  #inUse = 0;

  constructor(readonly limits: BodyLimits = DEFAULT_BODY_LIMITS) {}

  /** Bytes of bodies held right now. */
  get inUse(): number {
    return this.#inUse;
  }

  /** The JSON body of `request` ({} when empty) with its share of the budget, or an ApiError (400, 413, 415 or 503). */
  async readJson(request: Request): Promise<ReadBody> {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') throw new ApiError(415, 'Content-Type must be application/json.');
    let held = 0;
    const release = (): void => {
      this.#inUse -= held;
      held = 0;
    };
    // A declared length is claimed whole before reading, so a refusal costs no memory at all.
    const take = (bytes: number): void => {
      if (held + bytes > this.limits.maxBodyBytes) throw new ApiError(413, `Request body too large (the limit is ${sizeText(this.limits.maxBodyBytes)}).`);
      if (this.#inUse + bytes > this.limits.budgetBytes) {
        throw new ApiError(503, 'The host is busy reading other large requests; try again in a moment.');
      }
      this.#inUse += bytes;
      held += bytes;
    };
    try {
      const declared = Number(request.headers.get('content-length') ?? 0);
      if (Number.isFinite(declared) && declared > 0) take(declared);
      const text = await readText(request, (size) => {
        if (size > held) take(size - held);
      });
      if (text.trim() === '') return { value: {}, release };
      try {
        return { value: JSON.parse(text) as unknown, release };
      } catch {
        throw new ApiError(400, 'Request body is not valid JSON.');
      }
    } catch (error) {
      release();
      throw error;
    }
  }
}

/**
 * The body as text, `onSize` told the running total before each chunk is kept (it throws to
 * refuse). A refused body is left unread, not cancelled: the host answers, then closes the
 * connection (cancelling would tear it down before the answer is out).
 */
async function readText(request: Request, onSize: (size: number) => void): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch {
        throw new ApiError(400, 'The connection closed while its body was read.');
      }
      if (next.done) break;
      size += next.value.byteLength;
      onSize(size);
      chunks.push(next.value);
    }
  } finally {
    reader.releaseLock();
  }
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks.splice(0)) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}
