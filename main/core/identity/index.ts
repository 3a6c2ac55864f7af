import { join } from 'node:path';
import { signalId } from '../../../contract/signal-key.js';
import type { IdentityField, RegistryEcosystem, Signal, SignalKey } from '../../../contract/snapshot.js';
import type { ReasonCause, ReasonMessage } from '../../../contract/reason.js';
import type { Outcome, SampleContext } from '../context.js';
import { namingFile } from '../reason.js';
import { displayPath, errorSignal, okSignal, unavailableSignal, unsetSignal, type SignalSampler } from '../signal.js';
import { parseGitConfig } from './git.js';
import { emailDomain, firstLine, parseResolvConf, resolvConfSignals, userSignal } from './host.js';
import { parseMavenSettings } from './maven.js';
import { modelBaseUrlSignals } from './model-urls.js';
import {
  goEnvFileProxy,
  goProxyEntry,
  parseCargoConfig,
  parseNpmrc,
  parsePipConf,
  parseYarnrc,
  pipEnvSettings,
  registrySignal,
  type RegistryKey,
  type RegistrySettings,
} from './registries.js';
import { urlSignal } from '../url-signal.js';

/** A config file's text; null when it does not exist (not an error), a reason when it exists but cannot be read. */
async function readConfig(ctx: SampleContext, path: string): Promise<Outcome<string> | null> {
  const text = await ctx.io.readText(path);
  return text.ok || !text.missing ? text : null;
}

const fileSource = (ctx: SampleContext, path: string) => `file:${displayPath(path, ctx.home)}`;
const configHome = (ctx: SampleContext) => ctx.env.XDG_CONFIG_HOME || join(ctx.home, '.config');
const identity = (field: IdentityField, file?: string): SignalKey => ({ kind: 'identity', key: file ? { field, file } : { field } });
/** The error signal of an unreadable registry config file names the file, so two bad files give two signals. */
const registryFile =
  (ecosystem: RegistryEcosystem) =>
  (file: string): SignalKey => ({ kind: 'registry', key: { ecosystem, setting: 'registry', file } });

/** Reads a config file and parses it; an unreadable or malformed file is an error signal under `errorId`. */
async function parsedConfig<T>(
  ctx: SampleContext,
  path: string,
  errorAbout: (file: string) => SignalKey,
  parse: (text: string) => Outcome<T>,
): Promise<{ value: T } | { error: Signal } | null> {
  const text = await readConfig(ctx, path);
  if (!text) return null;
  const parsed = text.ok ? parse(text.value) : text;
  if (parsed.ok) return { value: parsed.value };
  const file = displayPath(path, ctx.home);
  return { error: errorSignal(errorAbout(file), fileSource(ctx, path), namingFile(parsed.reason, file)) };
}

/** git-config(1): "the section or key was not found (ret=1)". */
const GIT_CONFIG_KEY_NOT_FOUND = 1;

async function gitSignals(ctx: SampleContext): Promise<Signal[]> {
  const signals: Signal[] = [];
  const found: { name?: [string, string]; email?: [string, string] } = {};
  const proxies = new Map<'http.proxy' | 'https.proxy', [string, string]>();
  /** Config files that exist but could not be read or parsed. */
  const unreadable: string[] = [];
  // Git reads the XDG file first and ~/.gitconfig after it; later values win. Includes are read one
  // level deep and, as usual at the end of a file, override the including file.
  for (const path of [join(configHome(ctx), 'git', 'config'), join(ctx.home, '.gitconfig')]) {
    const files = [path];
    for (let i = 0; i < files.length; i++) {
      const file = files[i] ?? '';
      const result = await parsedConfig(ctx, file, (f) => identity('git-config', f), (t) => parseGitConfig(t, file, ctx.home));
      if (!result) continue;
      if ('error' in result) {
        signals.push(result.error);
        unreadable.push(displayPath(file, ctx.home));
        continue;
      }
      const { name, email, includes } = result.value;
      if (name) found.name = [name, fileSource(ctx, file)];
      if (email) found.email = [email, fileSource(ctx, file)];
      for (const [setting, url] of Object.entries(result.value.proxies) as Array<['http.proxy' | 'https.proxy', string]>) {
        proxies.set(setting, [url, fileSource(ctx, file)]);
      }
      if (i === 0) files.push(...includes);
    }
  }
  for (const key of ['email', 'name'] as const) {
    const about = identity(key === 'email' ? 'git-email' : 'git-name');
    let hit = found[key];
    if (!hit && unreadable.length > 0) {
      // git would open the same file (and block on a FIFO until its timeout): not asked.
      signals.push(unavailableSignal(about, 'git config', { id: 'reason.git.files-unreadable', setting: `user.${key}`, files: unreadable }));
      continue;
    }
    if (!hit) {
      // Only when the files gave nothing: git itself may know more (GIT_CONFIG_GLOBAL, system config).
      const source = `cmd:git config --global --get user.${key}`;
      const out = await ctx.io.run('git', ['config', '--global', '--get', `user.${key}`], { env: ctx.env });
      const value = out.ok ? firstLine(out.value) : null;
      if (value) hit = [value, source];
      // `git config --get` exits 1 when the key is not set: an answer, not a failure.
      else if (out.ok || out.exitCode === GIT_CONFIG_KEY_NOT_FOUND) signals.push(unsetSignal(about, source));
      else signals.push(unavailableSignal(about, source, out.reason));
    }
    if (hit) signals.push(okSignal(about, hit[0], hit[1], key === 'email' ? { domain: emailDomain(hit[0]) } : undefined));
  }
  for (const [setting, [url, source]] of proxies) signals.push(urlSignal({ kind: 'proxy', key: { source: 'git', setting } }, url, source));
  return signals;
}

async function hostnameSignal(ctx: SampleContext): Promise<Signal> {
  const attempts: Array<[string, () => Promise<Outcome<string>>]> = [];
  if (ctx.platform === 'darwin') attempts.push(['cmd:scutil --get ComputerName', () => ctx.io.run('scutil', ['--get', 'ComputerName'])]);
  if (ctx.platform !== 'win32') attempts.push(['file:/etc/hostname', () => ctx.io.readText('/etc/hostname')]);
  attempts.push(['cmd:hostname', () => ctx.io.run('hostname', [])]);
  const causes: ReasonCause[] = [];
  for (const [source, attempt] of attempts) {
    const out = await attempt();
    const name = out.ok ? firstLine(out.value) : null;
    if (name) return okSignal(identity('hostname'), name, source);
    causes.push(out.ok ? { id: 'reason.empty', source } : out.reason);
  }
  const [first] = causes;
  const why: ReasonMessage = first && causes.length === 1 ? first : { id: 'reason.all-failed', causes: causes as [ReasonCause, ...ReasonCause[]] };
  return unavailableSignal(identity('hostname'), attempts.map(([s]) => s).join(', '), why);
}

async function dnsSignals(ctx: SampleContext): Promise<Signal[]> {
  if (ctx.platform === 'win32') return [];
  const text = await ctx.io.readText('/etc/resolv.conf');
  if (!text.ok) return [unavailableSignal(identity('dns-search'), 'file:/etc/resolv.conf', text.reason)];
  return resolvConfSignals(parseResolvConf(text.value), 'file:/etc/resolv.conf');
}

function settingsSignals(settings: RegistrySettings, source: string): Signal[] {
  return [...settings.values()].map(({ key, value }) => registrySignal(key, value, source));
}

async function npmSignals(ctx: SampleContext): Promise<Signal[]> {
  const npmrc = join(ctx.home, '.npmrc');
  const yarnrc = join(ctx.home, '.yarnrc.yml');
  const results = [
    [npmrc, await parsedConfig(ctx, npmrc, registryFile('npm'), (t) => parseNpmrc(t, ctx.env))],
    [yarnrc, await parsedConfig(ctx, yarnrc, registryFile('yarn'), parseYarnrc)],
  ] as const;
  return results.flatMap(([path, r]) => (!r ? [] : 'error' in r ? [r.error] : settingsSignals(r.value, fileSource(ctx, path))));
}

async function pipSignals(ctx: SampleContext): Promise<Signal[]> {
  const errors: Signal[] = [];
  // Lowest precedence first: site-wide, legacy per-user (~/.pip, and ~/pip as on Windows), the
  // platform's per-user folder, then the env.
  const effective = new Map<string, [key: RegistryKey, value: string, source: string]>();
  const perUser =
    ctx.platform === 'win32'
      ? [join(ctx.env.APPDATA || join(ctx.home, 'AppData', 'Roaming'), 'pip', 'pip.ini')]
      : ctx.platform === 'darwin'
        ? [join(ctx.home, 'Library', 'Application Support', 'pip', 'pip.conf'), join(configHome(ctx), 'pip', 'pip.conf')]
        : [join(configHome(ctx), 'pip', 'pip.conf')];
  const candidates = [
    '/etc/pip.conf',
    join(ctx.home, '.pip', 'pip.conf'),
    join(ctx.home, 'pip', ctx.platform === 'win32' ? 'pip.ini' : 'pip.conf'),
    ...perUser,
  ];
  for (const path of candidates) {
    const r = await parsedConfig(ctx, path, registryFile('pip'), parsePipConf);
    if (!r) continue;
    if ('error' in r) errors.push(r.error);
    else for (const [id, { key, value }] of r.value) effective.set(id, [key, value, fileSource(ctx, path)]);
  }
  for (const [key, value, variable] of pipEnvSettings(ctx.env)) {
    effective.set(signalId({ kind: 'registry', key }), [key, value, `env:${variable}`]);
  }
  return [...errors, ...[...effective.values()].map(([key, value, source]) => registrySignal(key, value, source))];
}

async function goSignals(ctx: SampleContext): Promise<Signal[]> {
  let list = ctx.env.GOPROXY;
  let source = 'env:GOPROXY';
  if (!list) {
    const path = ctx.env.GOENV || join(configHome(ctx), 'go', 'env');
    const text = await readConfig(ctx, path);
    if (text && !text.ok) {
      const file = displayPath(path, ctx.home);
      return [errorSignal(registryFile('go')(file), fileSource(ctx, path), namingFile(text.reason, file))];
    }
    list = text ? (goEnvFileProxy(text.value) ?? undefined) : undefined;
    source = fileSource(ctx, path);
  }
  const proxy = list ? goProxyEntry(list) : null;
  return proxy ? [registrySignal({ ecosystem: 'go', setting: 'registry' }, proxy.entry, source, { list: proxy.list.length })] : [];
}

async function cargoSignals(ctx: SampleContext): Promise<Signal[]> {
  const cargoHome = ctx.env.CARGO_HOME || join(ctx.home, '.cargo');
  // Cargo prefers the extension-less file when both exist.
  for (const path of [join(cargoHome, 'config'), join(cargoHome, 'config.toml')]) {
    const r = await parsedConfig(ctx, path, registryFile('cargo'), parseCargoConfig);
    if (!r) continue;
    if ('error' in r) return [r.error];
    return r.value ? [registrySignal({ ecosystem: 'cargo', setting: 'registry' }, r.value.registry, fileSource(ctx, path), { name: r.value.name })] : [];
  }
  return [];
}

async function mavenSignals(ctx: SampleContext): Promise<Signal[]> {
  const path = join(ctx.home, '.m2', 'settings.xml');
  const r = await parsedConfig(ctx, path, registryFile('maven'), parseMavenSettings);
  if (!r) return [];
  if ('error' in r) return [r.error];
  const mirror = r.value;
  return mirror ? [registrySignal({ ecosystem: 'maven', setting: 'registry' }, mirror.url, fileSource(ctx, path), { mirrorOf: mirror.mirrorOf })] : [];
}

/**
 * Identity hints: git user, hostname, user, DNS search domains, package-registry settings (npm, yarn,
 * pip, Go, Cargo, Maven) and model base URLs from the env. Never throws; secrets never leave.
 */
export const sampleIdentity: SignalSampler = async (ctx) => {
  const user = userSignal(ctx.env);
  const parts = await Promise.all([
    gitSignals(ctx),
    hostnameSignal(ctx).then((s) => [s]),
    dnsSignals(ctx),
    npmSignals(ctx),
    pipSignals(ctx),
    goSignals(ctx),
    cargoSignals(ctx),
    mavenSignals(ctx),
  ]);
  return [...parts.flat(), ...(user ? [user] : []), ...modelBaseUrlSignals(ctx.env)];
};
