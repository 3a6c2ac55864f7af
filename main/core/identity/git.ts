import { dirname, isAbsolute, join } from 'node:path';
import ini from 'ini';
import { fail, ok, type Outcome } from '../context.js';
import { iniSyntaxProblem } from '../ini-check.js';

export interface GitConfigUser {
  name?: string;
  email?: string;
  /** [include] path values, resolved against the including file and HOME. */
  includes: string[];
  /** http.proxy and https.proxy as written (git itself honours only http.proxy, for HTTPS too). */
  proxies: Partial<Record<'http.proxy' | 'https.proxy', string>>;
}

function lowerKeys(value: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Resolves an include path as git does: "~/" from HOME, relative from the including file's folder. */
export function resolveIncludePath(path: string, file: string, home: string): string {
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return isAbsolute(path) ? path : join(dirname(file), path);
}

/** user.name / user.email, http(s).proxy and [include] paths of one git config file. Section and key names are case-insensitive. */
export function parseGitConfig(text: string, file: string, home: string): Outcome<GitConfigUser> {
  const problem = iniSyntaxProblem(text, { bareKeys: true, format: 'git config' });
  if (problem) return fail(problem);
  const sections = lowerKeys(ini.parse(text));
  const user = lowerKeys(sections.user);
  const include = lowerKeys(sections.include);
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const path = str(include.path);
  const result: GitConfigUser = { includes: path ? [resolveIncludePath(path, file, home)] : [], proxies: {} };
  for (const scheme of ['http', 'https'] as const) {
    const proxy = str(lowerKeys(sections[scheme]).proxy);
    if (proxy) result.proxies[`${scheme}.proxy`] = proxy;
  }
  const name = str(user.name);
  const email = str(user.email);
  if (name) result.name = name;
  if (email) result.email = email;
  return ok(result);
}
