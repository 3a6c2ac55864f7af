/**
 * What a signal is about, as data: a `kind` (the discriminant) and a structured `key` whose shape
 * depends on the kind. Consumers match on these fields, never on the id string; the id is derived
 * from the key by `signalId`, so equal keys give equal ids in every sample (stable) and different
 * keys give different ids (unique).
 */
import { z } from 'zod';

export const SystemProxySource = z.enum(['gnome', 'kde', 'macos', 'windows']);
export type SystemProxySource = z.infer<typeof SystemProxySource>;

export const SystemProxySetting = z.enum(['mode', 'http', 'https', 'socks', 'ftp', 'pac', 'bypass']);
export type SystemProxySetting = z.infer<typeof SystemProxySetting>;

export const ProxyKey = z.discriminatedUnion('source', [
  /** A proxy variable exactly as named in the env (HTTPS_PROXY, https_proxy, ALL_PROXY ...). */
  z.object({ source: z.literal('env'), variable: z.string().min(1) }),
  /** The proxy that applies to a request to a public host of this scheme after NO_PROXY. */
  z.object({ source: z.literal('effective'), scheme: z.enum(['http', 'https']) }),
  /** NO_PROXY / no_proxy. */
  z.object({ source: z.literal('no-proxy'), variable: z.string().min(1) }),
  /** A desktop or OS proxy setting. */
  z.object({ source: z.literal('system'), system: SystemProxySource, setting: SystemProxySetting }),
  /** A PAC URL in force, by the system setting that holds it. */
  z.object({ source: z.literal('pac'), system: SystemProxySource }),
  /** What that PAC script answers for a public HTTPS host. */
  z.object({ source: z.literal('pac-result'), system: SystemProxySource }),
  /** git's own proxy setting (global config and its includes); git uses http.proxy for HTTPS remotes too. */
  z.object({ source: z.literal('git'), setting: z.enum(['http.proxy', 'https.proxy']) }),
]);
export type ProxyKey = z.infer<typeof ProxyKey>;

export const TimezoneSource = z.enum(['resolved', 'offset', 'env', 'intl', 'localtime', 'etc-timezone', 'windows']);
export type TimezoneSource = z.infer<typeof TimezoneSource>;

/** git-config: a git config file as a whole (unreadable or malformed). */
export const IdentityField = z.enum(['git-email', 'git-name', 'git-config', 'hostname', 'user', 'dns-search', 'dns-domain']);
export type IdentityField = z.infer<typeof IdentityField>;

export const RegistryEcosystem = z.enum(['npm', 'pip', 'go', 'cargo', 'yarn', 'maven']);
export type RegistryEcosystem = z.infer<typeof RegistryEcosystem>;

/** registry: the index itself; extra: pip's extra index; scope: an npm @scope registry; proxy settings of the tool. */
export const RegistrySetting = z.enum(['registry', 'extra', 'scope', 'proxy', 'https-proxy']);
export type RegistrySetting = z.infer<typeof RegistrySetting>;

export const ToolSettingKind = z.enum(['proxy', 'base-url', 'telemetry', 'model', 'env', 'other']);
export type ToolSettingKind = z.infer<typeof ToolSettingKind>;

export const SignalKey = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proxy'), key: ProxyKey }),
  z.object({ kind: z.literal('timezone'), key: z.object({ source: TimezoneSource }) }),
  /** variable: LANG, LC_ALL, LC_*, LANGUAGE; or "intl" (this process) / "AppleLocale" (macOS). */
  z.object({ kind: z.literal('locale'), key: z.object({ variable: z.string().min(1) }) }),
  /** file: set only on an error about one config file, so two bad files give two signals. */
  z.object({ kind: z.literal('identity'), key: z.object({ field: IdentityField, file: z.string().optional() }) }),
  z.object({
    kind: z.literal('registry'),
    key: z.object({
      ecosystem: RegistryEcosystem,
      setting: RegistrySetting,
      scope: z.string().optional(),
      file: z.string().optional(),
    }),
  }),
  /** A model base URL from the env: ANTHROPIC_BASE_URL, OPENAI_BASE_URL ... */
  z.object({ kind: z.literal('model-endpoint'), key: z.object({ variable: z.string().min(1) }) }),
  /**
   * A setting in a tool's own config file. `name` is its key path in the file ("env.ANTHROPIC_BASE_URL",
   * "proxy"); `variable` is the env var it sets, for settings of kind env.
   */
  z.object({
    kind: z.literal('tool-setting'),
    key: z.object({
      toolId: z.string().min(1),
      setting: ToolSettingKind,
      name: z.string().min(1),
      variable: z.string().optional(),
      file: z.string(),
    }),
  }),
  /** A tool's config file as a whole (an unreadable or malformed file). */
  z.object({ kind: z.literal('tool-config'), key: z.object({ toolId: z.string().min(1), file: z.string() }) }),
  /** A version 1 signal whose id this version does not recognise, kept (with that id) so nothing is lost. */
  z.object({ kind: z.literal('legacy'), key: z.object({ id: z.string().min(1) }) }),
  /** Telltale's own view of the system: the connection table, a sampler that failed. */
  z.object({
    kind: z.literal('system'),
    key: z.discriminatedUnion('part', [
      z.object({ part: z.literal('connections') }),
      z.object({ part: z.literal('sampler'), sampler: z.string().min(1) }),
    ]),
  }),
]);
export type SignalKey = z.infer<typeof SignalKey>;
export type SignalKind = SignalKey['kind'];
/** The key shape of one kind: KeyOf<'proxy'> is ProxyKey. */
export type KeyOf<K extends SignalKind> = Extract<SignalKey, { kind: K }>['key'];

const PROXY_ID: { [S in ProxyKey['source']]: (key: Extract<ProxyKey, { source: S }>) => string } = {
  env: (k) => `proxy.env.${k.variable}`,
  effective: (k) => `proxy.effective.${k.scheme}`,
  'no-proxy': () => 'proxy.no-proxy',
  system: (k) => `proxy.system.${k.system}.${k.setting}`,
  pac: (k) => `proxy.pac.${k.system}`,
  'pac-result': (k) => `proxy.pac-result.${k.system}`,
  git: (k) => `proxy.git.${k.setting}`,
};

const TIMEZONE_ID: Record<z.infer<typeof TimezoneSource>, string> = {
  resolved: 'timezone.iana',
  offset: 'timezone.offset',
  env: 'timezone.env',
  intl: 'timezone.intl',
  localtime: 'timezone.localtime',
  'etc-timezone': 'timezone.etc-timezone',
  windows: 'timezone.windows',
};

const IDENTITY_ID: Record<IdentityField, string> = {
  'git-email': 'identity.git.email',
  'git-name': 'identity.git.name',
  'git-config': 'identity.git.config',
  hostname: 'identity.hostname',
  user: 'identity.user',
  'dns-search': 'identity.dns.search',
  'dns-domain': 'identity.dns.domain',
};

const withFile = (id: string, file: string | undefined): string => (file === undefined ? id : `${id}@${file}`);

/**
 * The signal's id, a readable dotted path derived from its key alone. Ids of version 1 are kept
 * where the key determines them; a tool setting's id names its file and key path, so two files of
 * one tool never share an id.
 */
export function signalId(signal: SignalKey): string {
  switch (signal.kind) {
    case 'proxy': {
      const build = PROXY_ID[signal.key.source] as (key: ProxyKey) => string;
      return build(signal.key);
    }
    case 'timezone':
      return TIMEZONE_ID[signal.key.source];
    case 'locale':
      return `locale.${signal.key.variable}`;
    case 'identity':
      return withFile(IDENTITY_ID[signal.key.field], signal.key.file);
    case 'registry': {
      const { ecosystem, setting, scope, file } = signal.key;
      const name = setting === 'registry' ? '' : `.${setting === 'scope' ? (scope ?? '') : setting}`;
      return withFile(`registry.${ecosystem}${name}`, file);
    }
    case 'model-endpoint':
      return `model.base-url.${signal.key.variable}`;
    case 'tool-setting': {
      const { toolId, setting, variable, name, file } = signal.key;
      return `tool.${toolId}.${setting === 'env' ? `env.${variable ?? name}` : setting}@${file}:${name}`;
    }
    case 'tool-config':
      return `tool.${signal.key.toolId}.config@${signal.key.file}`;
    case 'legacy':
      return signal.key.id;
    case 'system':
      return signal.key.part === 'connections' ? 'system.connections' : `system.sampler.${signal.key.sampler}`;
  }
}
