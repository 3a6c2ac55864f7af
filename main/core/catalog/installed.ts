import type { SampleContext } from '../context.js';
import { displayPath } from '../signal.js';
import { getEnv, homeDir, resolvePath } from './paths.js';
import { TOOL_CATALOG } from './tools.js';
import type { PathSpec, ToolDefinition } from './types.js';

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/** The PATH directories, split with the platform's delimiter (quotes and empty entries dropped). */
export function pathDirs(ctx: SampleContext): string[] {
  const raw = getEnv(ctx, 'PATH') ?? '';
  const delimiter = ctx.platform === 'win32' ? ';' : ':';
  return raw
    .split(delimiter)
    .map((dir) => dir.trim().replace(/^"(.*)"$/, '$1'))
    .filter((dir) => dir !== '')
    .map((dir) => (ctx.platform === 'win32' ? dir.replace(/\\/g, '/') : dir).replace(/\/$/, ''));
}

/** Every place `name` is found on PATH, in PATH order; on Windows each PATHEXT extension is tried. */
export async function findOnPath(name: string, ctx: SampleContext): Promise<string[]> {
  const names =
    ctx.platform === 'win32'
      ? (getEnv(ctx, 'PATHEXT') || DEFAULT_PATHEXT)
          .split(';')
          .filter(Boolean)
          .map((ext) => name + ext.toLowerCase())
      : [name];
  const candidates = [...new Set(pathDirs(ctx))].flatMap((dir) => names.map((n) => `${dir}/${n}`));
  const present = await Promise.all(candidates.map((path) => ctx.io.exists(path)));
  return candidates.filter((_, i) => present[i]);
}

/** Turns a "*" in the final segment into a regex over directory entries. */
function wildcard(segment: string): RegExp {
  return new RegExp(`^${segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The existing paths a spec names here (a "*" in the final segment is matched against the folder). */
async function existingPaths(spec: PathSpec, ctx: SampleContext): Promise<string[]> {
  const path = resolvePath(spec, ctx);
  if (path === null) return [];
  const slash = path.lastIndexOf('/');
  const last = path.slice(slash + 1);
  if (!last.includes('*')) return (await ctx.io.exists(path)) ? [path] : [];
  const dir = path.slice(0, slash);
  const listing = await ctx.io.listDir(dir);
  if (!listing.ok) return [];
  const pattern = wildcard(last);
  return listing.value
    .filter((entry) => pattern.test(entry))
    .sort()
    .map((entry) => `${dir}/${entry}`);
}

/** What shows one tool is installed: home paths, app folders, bins on PATH (display form). */
async function evidenceFor(tool: ToolDefinition, ctx: SampleContext): Promise<string[]> {
  const home = homeDir(ctx);
  const specs = [...tool.install.homePaths, ...tool.install.appPaths];
  const [paths, bins] = await Promise.all([
    Promise.all(specs.map((spec) => existingPaths(spec, ctx))),
    Promise.all(tool.install.bins.map((bin) => findOnPath(bin, ctx))),
  ]);
  return [
    ...paths.flat().map((path) => displayPath(path, home)),
    ...bins.flat().map((path) => `${displayPath(path, home)} (on PATH)`),
  ];
}

/** toolId -> evidence, for every tool with any; all I/O goes through ctx.io and never throws. */
export async function detectInstalled(
  ctx: SampleContext,
  catalog: readonly ToolDefinition[] = TOOL_CATALOG,
): Promise<Map<string, string[]>> {
  const evidence = await Promise.all(catalog.map((tool) => evidenceFor(tool, ctx)));
  return new Map(catalog.flatMap((tool, i) => (evidence[i]?.length ? [[tool.id, evidence[i]] as const] : [])));
}
