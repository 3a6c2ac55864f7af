/**
 * Flattens a request into path -> string leaves ("url", "header:user-agent",
 * "body.system[0].text"), the unit that noise detection and diffing compare.
 */
import type { ObservedRequest } from './types.js';

/**
 * Headers that only echo the transport or the factor itself, never a tool's choice: the Host
 * header is the base-URL host we set; lengths and connection handling follow from body and route;
 * proxy headers follow from sending through a proxy (see ObservedRequest.viaProxy), not from content.
 */
const ECHO_HEADERS = new Set(['host', 'content-length', 'connection', 'proxy-connection', 'proxy-authorization', 'keep-alive', 'transfer-encoding']);

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

function keyPath(parent: string, key: string): string {
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function nameOf(item: unknown): string | null {
  if (item === null || typeof item !== 'object') return null;
  const record = item as Record<string, unknown>;
  const fn = record.function;
  const name = record.name ?? (fn !== null && typeof fn === 'object' ? (fn as Record<string, unknown>).name : undefined);
  return typeof name === 'string' ? name : null;
}

/**
 * Names for the items of a list of named things (tool definitions: `name`, or `function.name` in
 * OpenAI Chat), or null. Keyed by name, a tool the tool adds or drops in one environment shows as
 * that tool alone instead of shifting every later index.
 */
function itemNames(items: readonly unknown[]): string[] | null {
  const names = items.map(nameOf);
  if (names.length === 0 || names.some((n) => n === null)) return null;
  return new Set(names).size === names.length ? (names as string[]) : null;
}

function flattenValue(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    const names = itemNames(value);
    value.forEach((item, i) => flattenValue(item, names ? `${path}[name=${JSON.stringify(names[i])}]` : `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(path, '{}');
    for (const [key, child] of entries) flattenValue(child, keyPath(path, key), out);
  } else {
    out.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

export function flattenRequest(request: ObservedRequest): Map<string, string> {
  const out = new Map<string, string>();
  out.set('method', request.method);
  out.set('url', request.path);
  for (const [name, value] of Object.entries(request.headers)) {
    if (!ECHO_HEADERS.has(name)) out.set(`header:${name}`, value);
  }
  if (request.body !== null && request.body !== undefined) flattenValue(request.body, 'body', out);
  return out;
}
