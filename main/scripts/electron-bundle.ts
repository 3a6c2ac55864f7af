/**
 * Bundles what Electron loads with Vite. The CLI and the core stay compiled by tsc into
 * dist/main/ (bin/telltale.js runs dist/main/cli.js); only what Electron loads is bundled:
 *
 *   dist/electron/main.js      the main process (package.json "main"): ESM, our code and the npm
 *                              dependencies it uses in one file; only node:*, electron and the few
 *                              packages of RUNTIME_PACKAGES stay external and load from
 *                              node_modules, so the packaged app carries no other node_modules.
 *   dist/electron/pac-sandbox.js  what the PAC worker imports (main/adapters/pac-sandbox.ts): QuickJS
 *                              and pac-resolver with their dependencies in one ESM file, loaded by
 *                              URL inside a worker thread, so it cannot be part of main.js.
 *
 * `npm run build` runs this file (`tsx main/scripts/electron-bundle.ts`); `npm run dev` uses
 * watchElectron() (main/scripts/dev.ts); the unit tests build in memory with write: false.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './repo-root.js';
import { build, type InlineConfig, type Rolldown } from 'vite';

export type BundleMode = 'production' | 'development';
export type ElectronTarget = 'main' | 'pac-sandbox';

export interface BundleOptions {
  /** The checkout root (the folder with package.json). */
  root: string;
  /** 'development' only for `npm run dev`: it compiles in the dev-server support (app-dev-server.ts). */
  mode?: BundleMode;
  /** false: return the output instead of writing it (tests). */
  write?: boolean;
}

export const ELECTRON_OUT_DIR = join('dist', 'electron');
export const MAIN_FILE = 'main.js';
export const PAC_SANDBOX_FILE = 'pac-sandbox.js';

export { repoRoot };

/**
 * The npm packages the packaged app loads from node_modules, each because it opens files of its own
 * at run time that a bundle cannot carry; every other dependency is inlined into main.js.
 * electron-builder.yml's `files` keeps exactly these (and what they require) in app.asar, and the
 * packaging test (test/unit/electron/packaging.test.ts) holds the two together.
 */
export const RUNTIME_PACKAGES = {
  /** The history store: a native addon, loaded from its build folder through `bindings`. */
  'better-sqlite3': 'imported',
  /** The PAC sandbox's WebAssembly: main/adapters/pac-worker.ts reads quickjs.wasm by path (its code is in PAC_SANDBOX_FILE). */
  'quickjs-wasi': 'data',
  /** Offline ASN data: main/adapters/geo-data.ts reads its CSV files by path. */
  '@ip-location-db/asn': 'data',
  /** Offline country data: main/adapters/geo-data.ts reads its mmdb file by path. */
  '@ip-location-db/geo-whois-asn-country-mmdb': 'data',
} as const satisfies Record<string, 'imported' | 'data'>;

/** What the main bundle leaves to be imported at run time: Node's modules, electron and the imported RUNTIME_PACKAGES. */
export function mainExternal(root: string): (id: string) => boolean {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const runtime = Object.keys(RUNTIME_PACKAGES);
  const undeclared = runtime.filter((name) => !pkg.dependencies?.[name]);
  if (undeclared.length > 0) throw new Error(`RUNTIME_PACKAGES must be dependencies in package.json: ${undeclared.join(', ')}`);
  const imported = Object.entries(RUNTIME_PACKAGES).flatMap(([name, kind]) => (kind === 'imported' ? [name] : []));
  const builtins = new Set(builtinModules);
  return (id) =>
    id === 'electron' ||
    id.startsWith('node:') ||
    builtins.has(id) ||
    imported.some((name) => id === name || id.startsWith(`${name}/`));
}

function shared(options: BundleOptions): InlineConfig {
  return {
    root: options.root,
    configFile: false,
    publicDir: false,
    envDir: false,
    clearScreen: false,
    mode: options.mode ?? 'production',
  };
}

/** One ESM file for Electron's Node from `entry`: only what `external` says stays an import. */
function nodeBundle(options: BundleOptions, entry: string, fileName: string, external: (id: string) => boolean): InlineConfig {
  const { root } = options;
  return {
    ...shared(options),
    // An SSR build leaves every dependency external by default; here `external` alone decides.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: join(root, entry),
      outDir: join(root, ELECTRON_OUT_DIR),
      emptyOutDir: false,
      write: options.write ?? true,
      // Electron's own Node (Electron 41 ships Node 24); the main process runs nothing older.
      target: 'node22',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        // One file: lazy imports (systeminformation) stay lazy in evaluation, but are inlined rather
        // than split into chunks that packaging would have to track.
        output: { format: 'es', entryFileNames: fileName, codeSplitting: false },
      },
    },
  };
}

export function mainConfig(options: BundleOptions): InlineConfig {
  return {
    ...nodeBundle(options, join('main', 'electron', 'main.ts'), MAIN_FILE, mainExternal(options.root)),
    define: {
      // Replaced at bundle time, so in a production bundle the dev-server code is dead: "" === '1'.
      'process.env.TELLTALE_DEV_BUILD': JSON.stringify(options.mode === 'development' ? '1' : ''),
      // The PAC worker imports QuickJS and pac-resolver from the sandbox bundle beside main.js.
      TELLTALE_PAC_SANDBOX: JSON.stringify(PAC_SANDBOX_FILE),
    },
  };
}

/** QuickJS and pac-resolver for the PAC worker: everything inlined but Node's own modules. */
export function pacSandboxConfig(options: BundleOptions): InlineConfig {
  const builtins = new Set(builtinModules);
  return nodeBundle(options, join('main', 'adapters', 'pac-sandbox.ts'), PAC_SANDBOX_FILE, (id) => id.startsWith('node:') || builtins.has(id));
}

const CONFIGS: Record<ElectronTarget, (options: BundleOptions) => InlineConfig> = {
  main: mainConfig,
  'pac-sandbox': pacSandboxConfig,
};
export const ELECTRON_TARGETS = Object.keys(CONFIGS) as ElectronTarget[];

export function electronConfig(target: ElectronTarget, options: BundleOptions): InlineConfig {
  return CONFIGS[target](options);
}

/** The chunks of a build run with write: false. */
export function outputChunks(result: Awaited<ReturnType<typeof build>>): Rolldown.OutputChunk[] {
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((out) => out.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk'));
}

/** Builds every target once into dist/electron/ (emptied first). */
export async function bundleElectron(options: BundleOptions): Promise<void> {
  if (options.write !== false) await rm(join(options.root, ELECTRON_OUT_DIR), { recursive: true, force: true });
  for (const target of ELECTRON_TARGETS) await build(electronConfig(target, options));
}

export interface ElectronWatcher {
  close(): Promise<void>;
}

/**
 * Builds every target and rebuilds each when a file it imports changes. onBuilt runs after
 * every successful build of a target (the first ones included), onError after a failed one (the
 * watcher keeps going and rebuilds on the next change).
 */
export async function watchElectron(
  options: BundleOptions & { onBuilt(target: ElectronTarget): void; onError(target: ElectronTarget, error: unknown): void },
): Promise<ElectronWatcher> {
  await rm(join(options.root, ELECTRON_OUT_DIR), { recursive: true, force: true });
  const watchers: Rolldown.RolldownWatcher[] = [];
  for (const target of ELECTRON_TARGETS) {
    const config = electronConfig(target, options);
    const watcher = (await build({ ...config, build: { ...config.build, watch: {} } })) as Rolldown.RolldownWatcher;
    watcher.on('event', (event) => {
      if (event.code === 'BUNDLE_END') {
        void event.result.close();
        options.onBuilt(target);
      } else if (event.code === 'ERROR') {
        void event.result?.close();
        options.onError(target, event.error);
      }
    });
    watchers.push(watcher);
  }
  return {
    close: async () => {
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleElectron({ root: repoRoot() });
}
