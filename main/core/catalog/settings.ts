import type { ReasonCause } from '../../../contract/reason.js';
import type { Signal, SignalKey, ToolSetting } from '../../../contract/snapshot.js';
import { renderMessage } from '../../../common/i18n/render.js';
import type { SampleContext } from '../context.js';
import { namingFile } from '../reason.js';
import { displayPath, errorSignal, okSignal, reasonFields } from '../signal.js';
import { isSecretName, isSecretValue, redactDeep, REDACTED, redactUrl } from '../secrets/policy.js';
import { proxyShapeProblem } from '../url-signal.js';
import { parseUrlish } from '../url.js';
import { parseConfig } from './config-format.js';
import { findAtKeyPath } from './key-path.js';
import { homeDir, resolvePath } from './paths.js';
import { TOOL_CATALOG } from './tools.js';
import type { ConfigFormat, ConfigSpec, SettingKind, ToolDefinition } from './types.js';

type Loaded = { status: 'missing' } | { status: 'error'; reason: ReasonCause } | { status: 'ok'; data: unknown };

/** Reads and parses one file; a missing file is not an error, an unreadable or malformed one is. */
async function loadConfig(path: string, format: ConfigFormat, ctx: SampleContext): Promise<Loaded> {
  const text = await ctx.io.readText(path);
  if (!text.ok) return text.missing ? { status: 'missing' } : { status: 'error', reason: text.reason };
  const parsed = parseConfig(text.value, format);
  return parsed.ok ? { status: 'ok', data: parsed.value } : { status: 'error', reason: parsed.reason };
}


const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

interface Rendered {
  value: string;
  meta: Record<string, string | number>;
  /** Set when a proxy or base URL does not parse. */
  problem?: ReasonCause;
}

/** Longer values are not shown nor matched (a setting is a URL, a model name, a short list). */
const MAX_SETTING_LENGTH = 8192;

/** A setting's value as text, secrets redacted, URLs parsed (meta.host) and redacted. */
function render(key: string, raw: unknown, kind: SettingKind): Rendered {
  if (isSecretName(key)) return { value: REDACTED, meta: {} };
  const text = typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(redactDeep(raw)) : String(raw);
  if (text.length > MAX_SETTING_LENGTH) {
    const value = `[${text.length} characters, not shown]`;
    return kind === 'proxy' || kind === 'base-url' ? { value, meta: {}, problem: { id: 'reason.url.too-long', length: text.length } } : { value, meta: {} };
  }
  if (isSecretValue(text)) return { value: REDACTED, meta: {} };
  if (kind !== 'proxy' && kind !== 'base-url' && !SCHEME.test(text)) return { value: text, meta: {} };
  const parsed = parseUrlish(text);
  if (!parsed.ok) return { value: redactUrl(text), meta: {}, problem: parsed.reason };
  const notProxy = kind === 'proxy' ? proxyShapeProblem(text.trim()) : null;
  if (notProxy) return { value: redactUrl(text), meta: {}, problem: notProxy };
  const { host, port, scheme, redacted } = parsed.url;
  return { value: redacted, meta: port === null ? { host, scheme } : { host, port, scheme } };
}

/** What a setting is about: its tool, kind, key path and file (so two files or providers never share an id). */
function settingKey(toolId: string, kind: SettingKind, key: string, file: string): SignalKey {
  const variable = kind === 'env' ? (key.split('.').at(-1) ?? key) : undefined;
  return { kind: 'tool-setting', key: { toolId, setting: kind, name: key, file, ...(variable ? { variable } : {}) } };
}

/** The declared settings present in one parsed file: each concrete key once, by its first spec. */
function extract(tool: ToolDefinition, config: ConfigSpec, data: unknown, file: string) {
  const settings: ToolSetting[] = [];
  const signals: Signal[] = [];
  const claimed = new Set<string>();
  for (const spec of config.settings) {
    for (const { key, value } of findAtKeyPath(data, spec.key)) {
      if (claimed.has(key) || value === null || value === undefined || value === '') continue;
      claimed.add(key);
      const { value: shown, meta, problem } = render(key, value, spec.kind);
      settings.push({ file, key, kind: spec.kind, value: shown, ...(spec.note ? { note: renderMessage(spec.note, 'en'), noteMessage: spec.note } : {}) });
      const about = settingKey(tool.id, spec.kind, key, file);
      const signal = okSignal(about, shown, `file:${file}`, { file, key, ...meta });
      signals.push(problem ? { ...signal, status: 'error', ...reasonFields({ id: 'reason.setting', file, setting: key, cause: problem }) } : signal);
    }
  }
  return { settings, signals };
}

/**
 * Reads every tool's config files through ctx.io and extracts the declared settings, secrets
 * redacted. Emits one tool-setting signal per setting found, and one tool-config error per unreadable or
 * malformed file; missing files yield nothing.
 */
export async function readToolSettings(
  ctx: SampleContext,
  catalog: readonly ToolDefinition[] = TOOL_CATALOG,
): Promise<{ settings: Map<string, ToolSetting[]>; signals: Signal[] }> {
  const cache = new Map<string, Promise<Loaded>>();
  const load = (path: string, format: ConfigFormat): Promise<Loaded> => {
    const cacheKey = `${format}:${path}`;
    let loading = cache.get(cacheKey);
    if (!loading) cache.set(cacheKey, (loading = loadConfig(path, format, ctx)));
    return loading;
  };

  const jobs = catalog.flatMap((tool) =>
    tool.configs.map(async (config) => {
      const path = resolvePath(config.path, ctx);
      if (path === null) return { tool, settings: [], signals: [] };
      const file = displayPath(path, homeDir(ctx));
      const loaded = await load(path, config.format);
      if (loaded.status === 'missing') return { tool, settings: [], signals: [] };
      if (loaded.status === 'error') {
        const about = { kind: 'tool-config', key: { toolId: tool.id, file } } as const;
        const error = errorSignal(about, `file:${file}`, namingFile(loaded.reason, file));
        return { tool, settings: [], signals: [{ ...error, meta: { file } }] };
      }
      return { tool, ...extract(tool, config, loaded.data, file) };
    }),
  );

  const settings = new Map<string, ToolSetting[]>();
  const signals: Signal[] = [];
  for (const result of await Promise.all(jobs)) {
    for (const signal of result.signals) signals.push(signal);
    if (result.settings.length) settings.set(result.tool.id, [...(settings.get(result.tool.id) ?? []), ...result.settings]);
  }
  return { settings, signals };
}
