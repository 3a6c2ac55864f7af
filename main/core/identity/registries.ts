import ini from 'ini';
import type { KeyOf, Signal } from '../../../contract/snapshot.js';
import { signalId } from '../../../contract/signal-key.js';
import { fail, ok, type Outcome } from '../context.js';
import { parseConfig } from '../catalog/config-format.js';
import { iniSyntaxProblem } from '../ini-check.js';
import { okSignal } from '../signal.js';
import { urlSignal } from '../url-signal.js';

type Env = Readonly<Record<string, string | undefined>>;

export type RegistryKey = KeyOf<'registry'>;

/** Registry settings found in one config file, by signal id (a later file's setting replaces an earlier one). */
export type RegistrySettings = Map<string, { key: RegistryKey; value: string }>;

function setting(settings: RegistrySettings, key: RegistryKey, value: string): void {
  settings.set(signalId({ kind: 'registry', key }), { key, value });
}

/** npm's ${VAR} expansion, from the given env (unset -> empty, as npm leaves nothing useful). */
export function expandEnv(value: string, env: Env): string {
  return value.replace(/\$\{([^}]+)\}/g, (_, name: string) => env[name] ?? '');
}

const NPM_KEYS: Record<string, RegistryKey> = {
  registry: { ecosystem: 'npm', setting: 'registry' },
  proxy: { ecosystem: 'npm', setting: 'proxy' },
  'https-proxy': { ecosystem: 'npm', setting: 'https-proxy' },
};

/**
 * ~/.npmrc -> registry.npm, registry.npm.proxy, registry.npm.https-proxy and registry.npm.@scope.
 * Only these keys are read, so auth lines (//host/:_authToken=...) never reach a signal.
 */
export function parseNpmrc(text: string, env: Env): Outcome<RegistrySettings> {
  const problem = iniSyntaxProblem(text, { bareKeys: true, format: '.npmrc' });
  if (problem) return fail(problem);
  const settings: RegistrySettings = new Map();
  for (const [key, value] of Object.entries(ini.parse(text))) {
    if (typeof value !== 'string') continue;
    const scope = /^(@[^:]+):registry$/.exec(key)?.[1];
    const found: RegistryKey | undefined = scope ? { ecosystem: 'npm', setting: 'scope', scope } : NPM_KEYS[key];
    if (found) setting(settings, found, expandEnv(value, env));
  }
  return ok(settings);
}

/** ~/.yarnrc.yml (Yarn 2+) npmRegistryServer -> registry.yarn. */
export function parseYarnrc(text: string): Outcome<RegistrySettings> {
  const parsed = parseConfig(text, 'yaml', '.yarnrc.yml');
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const server = (doc as { npmRegistryServer?: unknown } | null)?.npmRegistryServer;
  const settings: RegistrySettings = new Map();
  if (typeof server === 'string' && server) setting(settings, { ecosystem: 'yarn', setting: 'registry' }, server);
  return ok(settings);
}

const PIP_KEYS: Record<string, RegistryKey> = {
  'index-url': { ecosystem: 'pip', setting: 'registry' },
  'extra-index-url': { ecosystem: 'pip', setting: 'extra' },
  proxy: { ecosystem: 'pip', setting: 'proxy' },
};

/** configparser continuation lines (indented) belong to the previous value. */
function joinContinuations(text: string): string {
  return text.replace(/\r?\n[ \t]+(?=\S)/g, ' ');
}

/** pip.conf [global] then [install] (which wins for `pip install`): index-url, extra-index-url, proxy. */
export function parsePipConf(text: string): Outcome<RegistrySettings> {
  const joined = joinContinuations(text);
  const problem = iniSyntaxProblem(joined, { bareKeys: false, format: 'pip.conf' });
  if (problem) return fail(problem);
  const parsed = ini.parse(joined);
  const settings: RegistrySettings = new Map();
  for (const section of ['global', 'install']) {
    for (const [key, value] of Object.entries((parsed[section] ?? {}) as Record<string, unknown>)) {
      const found = PIP_KEYS[key.replace(/_/g, '-').toLowerCase()];
      if (found && typeof value === 'string' && value.trim()) setting(settings, found, value.trim());
    }
  }
  return ok(settings);
}

/** PIP_INDEX_URL, PIP_EXTRA_INDEX_URL, PIP_PROXY: pip's env overrides. */
export function pipEnvSettings(env: Env): Array<[key: RegistryKey, value: string, variable: string]> {
  return Object.entries(PIP_KEYS).flatMap(([name, key]) => {
    const variable = `PIP_${name.replace(/-/g, '_').toUpperCase()}`;
    const value = env[variable]?.trim();
    return value ? [[key, value, variable] as [RegistryKey, string, string]] : [];
  });
}

/** GOPROXY ("https://goproxy.cn,direct", "|" also separates): the first entry that is a proxy. */
export function goProxyEntry(list: string): { entry: string; list: string[] } | null {
  const entries = list.split(/[,|]/).map((s) => s.trim()).filter(Boolean);
  const entry = entries.find((e) => e !== 'direct' && e !== 'off');
  return entry ? { entry, list: entries } : null;
}

/** The GOPROXY line of a `go env -w` file (~/.config/go/env). */
export function goEnvFileProxy(text: string): string | null {
  const m = /^GOPROXY=(.*)$/m.exec(text);
  return m?.[1]?.trim() || null;
}

/** Cargo source replacement: [source.crates-io] replace-with -> [source.X] registry, chains followed. */
export function parseCargoConfig(text: string): Outcome<{ name: string; registry: string } | null> {
  const parsed = parseConfig(text, 'toml', 'cargo config');
  if (!parsed.ok) return parsed;
  const doc = parsed.value as Record<string, unknown>;
  const sources = (doc.source ?? {}) as Record<string, Record<string, unknown> | undefined>;
  let name = 'crates-io';
  for (let hops = 0; hops < 10; hops++) {
    const replaceWith = sources[name]?.['replace-with'];
    if (typeof replaceWith !== 'string') break;
    name = replaceWith;
    const registry = sources[name]?.registry;
    if (typeof registry === 'string') return ok({ name, registry });
  }
  return ok(null);
}

/** A registry signal: URL-valued (meta.host etc.); registry.pip.extra is a list of URLs. */
export function registrySignal(key: RegistryKey, raw: string, source: string, meta?: Signal['meta']): Signal {
  const about = { kind: 'registry', key } as const;
  if (key.setting !== 'extra') return urlSignal(about, raw, source, { defaultScheme: 'https', meta });
  const entries = raw.split(/\s+/).filter(Boolean).map((u) => urlSignal(about, u, source, { defaultScheme: 'https' }));
  const failed = entries.find((e) => e.status !== 'ok');
  if (failed || entries.length === 0) return failed ?? urlSignal(about, raw, source);
  const hosts = entries.flatMap((e) => (typeof e.meta?.host === 'string' ? [e.meta.host] : []));
  return okSignal(about, entries.map((e) => String(e.value)), source, {
    ...entries[0]?.meta,
    hosts: hosts.join(','),
    ...meta,
  });
}
