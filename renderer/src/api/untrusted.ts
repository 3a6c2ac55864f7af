import type { ApiCallName, ApiEventName, ApiRequest } from '../../../contract/api.js';

/** An API whose replies have not been checked yet: the HTTP client (httpApi.ts), in either host. */
export type UntrustedApi = {
  [K in ApiCallName]: (request: ApiRequest<K>) => Promise<unknown>;
} & {
  on(event: ApiEventName, listener: (payload: unknown) => void): () => void;
};

/** A call that failed: unreachable host, an error reply, or a reply that breaks the contract. */
export class ApiError extends Error {
  constructor(
    readonly call: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
