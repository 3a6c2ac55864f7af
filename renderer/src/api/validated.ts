import { z } from 'zod';
import {
  apiCalls,
  apiEvents,
  type ApiCallName,
  type ApiEventName,
  type ApiRequest,
  type ApiResponse,
  type TelltaleApi,
} from '../../../contract/api.js';
import { ApiError, type UntrustedApi } from './untrusted.js';

function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid data';
  const path = issue.path.length ? issue.path.join('.') : 'reply';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${path}: ${issue.message}${more}`;
}

/**
 * Checks every reply and event against the contract so that a broken host shows an error instead
 * of crashing a view. Invalid events are dropped and reported through onInvalidEvent.
 */
export function validated(raw: UntrustedApi, onInvalidEvent: (message: string) => void): TelltaleApi {
  async function call<K extends ApiCallName>(name: K, request: ApiRequest<K>): Promise<ApiResponse<K>> {
    let reply: unknown;
    try {
      reply = await (raw[name] as (request: ApiRequest<K>) => Promise<unknown>)(request);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(name, error instanceof Error ? error.message : String(error));
    }
    const parsed = apiCalls[name].response.safeParse(reply);
    if (!parsed.success) throw new ApiError(name, `Telltale sent an unexpected reply to ${name}: ${describeIssues(parsed.error)}`);
    return parsed.data as ApiResponse<K>;
  }

  const calls = Object.fromEntries(
    (Object.keys(apiCalls) as ApiCallName[]).map((name) => [name, (request: ApiRequest<typeof name>) => call(name, request)]),
  ) as { [K in ApiCallName]: TelltaleApi[K] };

  return {
    ...calls,
    on(event: ApiEventName, listener: (payload: never) => void) {
      return raw.on(event, (payload) => {
        const parsed = apiEvents[event].safeParse(payload);
        if (parsed.success) (listener as (payload: unknown) => void)(parsed.data);
        else onInvalidEvent(`Ignored a malformed ${event} update: ${describeIssues(parsed.error)}`);
      });
    },
  } as TelltaleApi;
}
