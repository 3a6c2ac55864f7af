/**
 * Reads an API request's JSON body within two bounds: one body may be at most `maxBodyBytes`
 * (413), and all bodies being read or handled at once share `budgetBytes` (503 while it is taken),
 * so a few concurrent large uploads cannot take the host's memory. A body's share is held until
 * its response has gone out, since parsing and the handler keep copies of it until then.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

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

/** A request refused before or while its body was read; `status` follows HTTP. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MiB`;

export class BodyBudget {
  #inUse = 0;

  constructor(readonly limits: BodyLimits = DEFAULT_BODY_LIMITS) {}

  /** Bytes of bodies held right now. */
  get inUse(): number {
    return this.#inUse;
  }

  /**
   * The JSON body of `req` ({} when empty), or a BodyError. The body's share of the budget is
   * released when `res` closes.
   */
  async readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') throw new BodyError(415, 'Content-Type must be application/json.');
    let held = 0;
    let closed = false;
    res.once('close', () => {
      closed = true;
      this.#inUse -= held;
      held = 0;
    });
    // A declared length is claimed whole before reading, so a refusal costs no memory at all.
    const take = (bytes: number): void => {
      if (closed) throw new BodyError(400, 'The connection closed while its body was read.');
      if (held + bytes > this.limits.maxBodyBytes) throw new BodyError(413, `Request body too large (the limit is ${mib(this.limits.maxBodyBytes)}).`);
      if (this.#inUse + bytes > this.limits.budgetBytes) {
        throw new BodyError(503, 'The host is busy reading other large requests; try again in a moment.');
      }
      this.#inUse += bytes;
      held += bytes;
    };
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > 0) take(declared);

    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const read: Buffer[] = [];
      let size = 0;
      const fail = (error: unknown): void => {
        // Read no further: the caller answers and closes the connection.
        req.pause();
        req.off('data', onData);
        reject(error);
      };
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        try {
          if (size > held) take(size - held);
        } catch (error) {
          return fail(error);
        }
        read.push(chunk);
      };
      req.on('data', onData);
      req.once('end', () => resolve(read));
      req.once('error', fail);
    });
    const text = Buffer.concat(chunks).toString('utf8');
    chunks.length = 0;
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BodyError(400, 'Request body is not valid JSON.');
    }
  }
}
