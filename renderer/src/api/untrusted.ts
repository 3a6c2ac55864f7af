import type { ApiCallName, ApiEventName, ApiRequest } from '../../../contract/api.js';

/** An API whose replies have not been checked yet: the HTTP client (httpApi.ts), in either host. */
export type UntrustedApi = {
  [K in ApiCallName]: (request: ApiRequest<K>) => Promise<unknown>;
} & {
  on(event: ApiEventName, listener: (payload: unknown) => void): () => void;
};

/**
 * Why the host did not answer a call, where the UI says it in its own words (the host's English
 * body is for API clients): unreachable, refused for want of the token or for a foreign address,
 * or an error status with nothing said.
 */
export type ApiRefusal =
  | { kind: 'unreachable'; error: string }
  | { kind: 'unauthorised'; status: number }
  | { kind: 'misdirected' }
  | { kind: 'failed'; status: number }
  | { kind: 'not-json' };

/** A call that failed: unreachable host, an error reply, or a reply that breaks the contract. */
export class ApiError extends Error {
  constructor(
    readonly call: string,
    message: string,
    readonly refusal?: ApiRefusal,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
