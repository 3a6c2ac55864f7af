/**
 * The Electron main bundle (dist/electron/main.js), built in memory with the config `npm run build`
 * uses: one file, whose imports are only what a packaged app has at run time (Node's modules,
 * electron, the package's dependencies; never a devDependency), that loads and runs its top level
 * (under Node, with a stand-in for electron), and with the dev-server support of `npm run dev`
 * compiled out of a production build.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runWithElectronStub } from '../../helpers/electron-stub.js';
import { MAIN_FILE, RUNTIME_PACKAGES, mainConfig, mainExternal, outputChunks, type BundleMode } from '../../../main/scripts/electron-bundle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${root}`), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

async function bundle(mode: BundleMode) {
  const chunks = outputChunks(await build({ ...mainConfig({ root, mode, write: false }), logLevel: 'silent' }));
  const fileNames = chunks.map((c) => c.fileName);
  // A lazy import() of our own code is inlined (one file), yet listed as a dynamic import of the file itself.
  const imports = chunks.flatMap((c) => [...c.imports, ...c.dynamicImports]).filter((id) => !fileNames.includes(id));
  return { fileNames, imports, code: chunks.map((c) => c.code).join('\n') };
}

let production: Awaited<ReturnType<typeof bundle>>;
let development: Awaited<ReturnType<typeof bundle>>;

beforeAll(async () => {
  production = await bundle('production');
  development = await bundle('development');
}, 120_000);

describe('Electron main bundle', () => {
  it('is the one file package.json names as main', () => {
    expect(production.fileNames).toEqual([MAIN_FILE]);
    expect(pkg.main).toBe(`dist/electron/${MAIN_FILE}`);
  });

  it('imports only Node modules, electron and declared dependencies', () => {
    const allowed = new Set(['electron', ...builtinModules, ...Object.keys(pkg.dependencies)]);
    const packageOf = (id: string) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : (id.split('/')[0] ?? id));
    const outside = production.imports.filter((id) => !id.startsWith('node:') && !allowed.has(packageOf(id)));
    expect(outside).toEqual([]);
    expect(production.imports).toContain('electron');
    // electron is a devDependency (electron-builder insists) that the Electron runtime itself provides.
    for (const dev of Object.keys(pkg.devDependencies).filter((name) => name !== 'electron')) {
      expect(production.imports.map(packageOf), dev).not.toContain(dev);
    }
  });

  it('inlines our code and npm dependencies, leaving external only the packages that open files of their own', () => {
    const external = mainExternal(root);
    expect(external('node:fs')).toBe(true);
    expect(external('fs')).toBe(true);
    expect(external('better-sqlite3')).toBe(true);
    // The PAC worker's packages are in a bundle of their own (pac-sandbox.js), never imported by main.js.
    expect(external('quickjs-wasi')).toBe(false);
    expect(production.code).not.toContain('// node_modules/quickjs-wasi/');
    expect(production.code).not.toContain('// node_modules/pac-resolver/');
    expect(external('zod')).toBe(false);
    expect(external('systeminformation')).toBe(false);
    expect(external('vite')).toBe(false);
    expect(external('../../contract/api.js')).toBe(false);
    expect(production.code).toContain('// main/electron/main.ts');
    expect(production.code).toContain('// main/core/');
    expect(production.code).toContain('// node_modules/zod/');
    // The npm packages the bundle still imports are exactly the imported RUNTIME_PACKAGES.
    const packages = new Set(production.imports.filter((id) => id !== 'electron' && !id.startsWith('node:') && !builtinModules.includes(id)));
    const imported = Object.entries(RUNTIME_PACKAGES).flatMap(([name, kind]) => (kind === 'imported' ? [name] : []));
    expect([...packages].sort()).toEqual(imported.sort());
  });

  it('refuses a runtime package that package.json does not declare', async () => {
    const dir = join(root, 'test-results', 'electron-bundle-undeclared');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'package.json'), JSON.stringify({ dependencies: { 'better-sqlite3': '1' } }));
    expect(() => mainExternal(dir)).toThrow(/must be dependencies in package.json: quickjs-wasi, @ip-location-db/);
  });

  it('leaves the dev server out of a production build and in a development one', () => {
    expect(production.code).toContain('const devRenderer = null;');
    expect(production.code).not.toContain('devRendererFromEnv(');
    expect(development.code).toContain('devRendererFromEnv(process.env)');
  });
});

describe('Electron main bundle at run time', () => {
  it('loads under Node with every import resolved, and registers the app before it is ready', async () => {
    // Written inside the checkout (test-results/ is git-ignored) so node_modules resolve as from dist/electron/.
    const dir = join(root, 'test-results', 'electron-main-bundle');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, MAIN_FILE), production.code);
    const calls = await runWithElectronStub(join(dir, MAIN_FILE), dir, root);
    // The scheme must be registered before the app is ready; the rest waits for whenReady().
    expect(calls[0]).toBe('registerSchemesAsPrivileged');
    expect(calls).toContain('requestSingleInstanceLock');
    expect(calls.at(-1)).toBe('whenReady');
  });
});
