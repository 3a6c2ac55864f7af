/**
 * Minimal valid replies of the model APIs a tool may speak, so a one-shot run completes with no
 * network at all: Anthropic Messages (JSON and SSE) and count_tokens, OpenAI Chat Completions
 * (JSON and SSE ending in [DONE]), OpenAI Responses (JSON and SSE), Gemini generateContent (JSON,
 * SSE with alt=sse, else a JSON array) and countTokens, and model lists.
 */
import { randomUUID } from 'node:crypto';

export type ApiKind =
  | 'anthropic-messages'
  | 'anthropic-count-tokens'
  | 'openai-chat'
  | 'openai-responses'
  | 'gemini-generate'
  | 'gemini-stream'
  | 'gemini-count-tokens'
  | 'models';

export interface TapReply {
  status: number;
  contentType: string;
  /** Written in order; for SSE one event per chunk. */
  chunks: string[];
}

export const REPLY_TEXT = 'ok';

/** Matched on the path's end so prefixed base URLs (/anthropic/v1/messages, /api/paas/v4/...) work too. */
export function detectApi(method: string, pathname: string): ApiKind | null {
  const p = pathname.replace(/\/+$/, '');
  if (method === 'POST' && p.endsWith('/messages/count_tokens')) return 'anthropic-count-tokens';
  if (method === 'POST' && p.endsWith('/messages')) return 'anthropic-messages';
  if (method === 'POST' && p.endsWith('/chat/completions')) return 'openai-chat';
  if (method === 'POST' && p.endsWith('/responses')) return 'openai-responses';
  // Gemini: POST .../models/<model>:<method>
  if (method === 'POST' && /\/models\/[^/]+:generateContent$/.test(p)) return 'gemini-generate';
  if (method === 'POST' && /\/models\/[^/]+:streamGenerateContent$/.test(p)) return 'gemini-stream';
  if (method === 'POST' && /\/models\/[^/]+:countTokens$/.test(p)) return 'gemini-count-tokens';
  if (method === 'GET' && p.endsWith('/models')) return 'models';
  return null;
}

const json = (status: number, value: unknown): TapReply => ({
  status,
  contentType: 'application/json',
  chunks: [JSON.stringify(value)],
});

const sse = (events: Array<[event: string | null, data: unknown]>, tail: string[] = []): TapReply => ({
  status: 200,
  contentType: 'text/event-stream; charset=utf-8',
  chunks: [
    ...events.map(([event, data]) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`),
    ...tail,
  ],
});

function field(body: unknown, key: string): unknown {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
}

/** A minimal instance of a JSON schema (OpenAPI-style upper-case types too): what a structured-output caller can parse. */
export function exampleOf(schema: unknown, depth = 0): unknown {
  if (depth > 8 || schema === null || typeof schema !== 'object') return REPLY_TEXT;
  const s = schema as Record<string, unknown>;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const union = [s.anyOf, s.oneOf].find((u): u is unknown[] => Array.isArray(u) && u.length > 0);
  if (union) return exampleOf(union[0], depth + 1);
  const type = String(Array.isArray(s.type) ? s.type[0] : (s.type ?? (s.properties ? 'object' : 'string'))).toLowerCase();
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const required = Array.isArray(s.required) ? (s.required as unknown[]).map(String) : Object.keys(properties);
      return Object.fromEntries(required.map((name) => [name, exampleOf(properties[name], depth + 1)]));
    }
    case 'array':
      return typeof s.minItems === 'number' && s.minItems > 0 ? [exampleOf(s.items, depth + 1)] : [];
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return REPLY_TEXT;
  }
}

/** The schema a request asks its answer to follow (Gemini generationConfig, OpenAI response_format / text.format), if any. */
function requestedSchema(body: unknown): unknown {
  const gemini = field(body, 'generationConfig');
  const chat = field(field(body, 'response_format'), 'json_schema');
  const responses = field(field(body, 'text'), 'format');
  return field(gemini, 'responseJsonSchema') ?? field(gemini, 'responseSchema') ?? field(chat, 'schema') ?? field(responses, 'schema');
}

/** "ok", or a minimal JSON document when the request asks for structured output. */
function replyText(body: unknown): string {
  const schema = requestedSchema(body);
  return schema === undefined ? REPLY_TEXT : JSON.stringify(exampleOf(schema));
}

/** A stable rough estimate, so replies do not vary between identical runs. */
function inputTokens(body: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(body ?? '').length / 4));
}

const id = (prefix: string): string => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 24)}`;

function anthropicMessage(body: unknown): TapReply {
  const model = String(field(body, 'model') ?? 'telltale-tap');
  const usage = { input_tokens: inputTokens(body), output_tokens: 1 };
  const message = { id: id('msg_'), type: 'message', role: 'assistant', model };
  if (field(body, 'stream') !== true) {
    return json(200, {
      ...message,
      content: [{ type: 'text', text: REPLY_TEXT }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage,
    });
  }
  return sse([
    ['message_start', { type: 'message_start', message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage } }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: REPLY_TEXT } }],
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } }],
    ['message_stop', { type: 'message_stop' }],
  ]);
}

function openaiChat(body: unknown): TapReply {
  const text = replyText(body);
  const model = String(field(body, 'model') ?? 'telltale-tap');
  const base = { id: id('chatcmpl-'), created: Math.floor(Date.now() / 1000), model };
  const prompt = inputTokens(body);
  const usage = { prompt_tokens: prompt, completion_tokens: 1, total_tokens: prompt + 1 };
  if (field(body, 'stream') !== true) {
    return json(200, {
      ...base,
      object: 'chat.completion',
      choices: [
        { index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' },
      ],
      usage,
    });
  }
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => [
    null,
    { ...base, object: 'chat.completion.chunk', choices, ...extra },
  ] as [null, unknown];
  const wantsUsage = field(field(body, 'stream_options'), 'include_usage') === true;
  return sse(
    [
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]),
      chunk([{ index: 0, delta: { content: text }, logprobs: null, finish_reason: null }]),
      chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }]),
      ...(wantsUsage ? [chunk([], { usage })] : []),
    ],
    ['data: [DONE]\n\n'],
  );
}

function openaiResponses(body: unknown): TapReply {
  const model = String(field(body, 'model') ?? 'telltale-tap');
  const input = inputTokens(body);
  const itemId = id('msg_');
  const text = replyText(body);
  const part = { type: 'output_text', text, annotations: [] };
  const item = { type: 'message', id: itemId, status: 'completed', role: 'assistant', content: [part] };
  const response = {
    id: id('resp_'),
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: 'completed',
    error: null,
    incomplete_details: null,
    model,
    output: [item],
    usage: { input_tokens: input, output_tokens: 1, total_tokens: input + 1 },
  };
  if (field(body, 'stream') !== true) return json(200, response);
  const pending = { ...response, status: 'in_progress', output: [], usage: null };
  const at = { item_id: itemId, output_index: 0, content_index: 0 };
  const events: Array<[string, Record<string, unknown>]> = [
    ['response.created', { response: pending }],
    ['response.in_progress', { response: pending }],
    ['response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }],
    ['response.content_part.added', { ...at, part: { ...part, text: '' } }],
    ['response.output_text.delta', { ...at, delta: text }],
    ['response.output_text.done', { ...at, text }],
    ['response.content_part.done', { ...at, part }],
    ['response.output_item.done', { output_index: 0, item }],
    ['response.completed', { response }],
  ];
  return sse(events.map(([type, data], sequence_number) => [type, { type, sequence_number, ...data }]));
}

function geminiResponse(pathname: string, body: unknown): Record<string, unknown> {
  const prompt = inputTokens(body);
  return {
    candidates: [{ content: { role: 'model', parts: [{ text: replyText(body) }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: prompt, candidatesTokenCount: 1, totalTokenCount: prompt + 1 },
    modelVersion: /\/models\/([^/:]+):/.exec(pathname)?.[1] ?? 'telltale-tap',
    responseId: id(''),
  };
}

/** Streamed as SSE with ?alt=sse (what the SDKs ask for), otherwise as a JSON array of chunks. */
function geminiStream(path: string, body: unknown): TapReply {
  const [pathname = '', query = ''] = path.split('?');
  const response = geminiResponse(pathname, body);
  return new URLSearchParams(query).get('alt') === 'sse' ? sse([[null, response]]) : json(200, [response]);
}

/** One list readable as both an Anthropic and an OpenAI model list. */
function models(): TapReply {
  const model = { id: 'telltale-tap', object: 'model', type: 'model', display_name: 'Telltale tap', created: 0, created_at: '1970-01-01T00:00:00Z', owned_by: 'telltale' };
  return json(200, { object: 'list', data: [model], has_more: false, first_id: model.id, last_id: model.id });
}

/**
 * The tap speaks no WebSocket: 426 Upgrade Required tells a client that tries one first (Codex's
 * Responses WebSocket) to fall back to plain HTTP at once rather than retry with backoff.
 */
export function upgradeRefused(protocol: string): TapReply {
  return json(426, {
    type: 'error',
    error: { type: 'upgrade_required', message: `telltale tap: no ${protocol} upgrade here, use plain HTTP (request recorded)` },
  });
}

export function buildReply(api: ApiKind | null, method: string, pathname: string, body: unknown): TapReply {
  switch (api) {
    case 'anthropic-messages':
      return anthropicMessage(body);
    case 'anthropic-count-tokens':
      return json(200, { input_tokens: inputTokens(body) });
    case 'openai-chat':
      return openaiChat(body);
    case 'openai-responses':
      return openaiResponses(body);
    case 'gemini-generate':
      return json(200, geminiResponse(pathname, body));
    case 'gemini-stream':
      return geminiStream(pathname, body);
    case 'gemini-count-tokens':
      return json(200, { totalTokens: inputTokens(body) });
    case 'models':
      return models();
    case null:
      return json(404, {
        type: 'error',
        error: { type: 'not_found_error', message: `telltale tap: no model API at ${method} ${pathname} (request recorded)` },
      });
  }
}
