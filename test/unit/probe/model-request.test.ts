import { describe, expect, it } from 'vitest';
import { isModelRequest } from '../../../main/core/probe/model-request.js';

describe('isModelRequest', () => {
  it.each([
    ['POST', '/v1/messages'],
    ['POST', '/v1/messages?beta=true'],
    ['POST', '/anthropic/v1/messages'],
    ['POST', '/v1/chat/completions'],
    ['POST', '/chat/completions'],
    ['POST', '/v1/responses'],
    ['POST', '/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse'],
    ['POST', '/v1beta/models/gemini-2.5-flash:generateContent'],
  ])('counts %s %s', (method, path) => expect(isModelRequest({ method, path })).toBe(true));

  it.each([
    ['POST', '/api/event_logging/batch'],
    ['GET', '/v1/messages'],
    ['POST', '/v1/messages/count_tokens'],
    ['CONNECT', 'statsig.anthropic.com:443'],
    ['POST', '/v1/models'],
  ])('does not count %s %s', (method, path) => expect(isModelRequest({ method, path })).toBe(false));
});
