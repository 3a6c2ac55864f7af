import type { SampleContext } from '../context.js';
import type { CatalogPlatform, PathSpec } from './types.js';

export function catalogPlatform(platform: NodeJS.Platform): CatalogPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** Reads an env var; on Windows names are case-insensitive ("Path", "ProgramFiles"). */
export function getEnv(ctx: Pick<SampleContext, 'env' | 'platform'>, name: string): string | undefined {
  if (ctx.platform !== 'win32') return ctx.env[name];
  const upper = name.toUpperCase();
  const key = Object.keys(ctx.env).find((k) => k.toUpperCase() === upper);
  return key === undefined ? undefined : ctx.env[key];
}

/** Windows paths are handled with forward slashes, which Windows accepts, so displayPath works. */
function slashes(path: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? path.replace(/\\/g, '/') : path;
}

export function homeDir(ctx: Pick<SampleContext, 'home' | 'platform'>): string {
  return slashes(ctx.home, ctx.platform).replace(/\/$/, '');
}

/** Where a variable points when it is unset (as the tools themselves assume). */
const FALLBACKS: Record<string, (home: string) => string> = {
  APPDATA: (home) => `${home}/AppData/Roaming`,
  LOCALAPPDATA: (home) => `${home}/AppData/Local`,
  USERPROFILE: (home) => home,
  PROGRAMFILES: () => 'C:/Program Files',
  PROGRAMDATA: () => 'C:/ProgramData',
  XDG_CONFIG_HOME: (home) => `${home}/.config`,
};

function variable(ctx: SampleContext, name: string): string | null {
  const set = getEnv(ctx, name);
  if (set) return slashes(set, ctx.platform).replace(/\/$/, '');
  const fallback = FALLBACKS[name.toUpperCase()];
  return fallback ? fallback(homeDir(ctx)) : null;
}

/** The absolute path a spec names on this platform, or null when it names none here. */
export function resolvePath(spec: PathSpec, ctx: SampleContext): string | null {
  const template = typeof spec === 'string' ? spec : spec[catalogPlatform(ctx.platform)];
  if (template === undefined) return null;
  if (template === '~' || template.startsWith('~/')) return homeDir(ctx) + template.slice(1);
  const match = /^(?:%([A-Za-z_]+)%|\$([A-Za-z_]+))(.*)$/.exec(template);
  if (!match) return template;
  const base = variable(ctx, match[1] ?? match[2] ?? '');
  return base === null ? null : base + (match[3] ?? '');
}
