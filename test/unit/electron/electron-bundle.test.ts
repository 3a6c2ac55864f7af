/**
 * The Electron main bundle (dist/electron/main.js), built in memory with the config `npm run build`
 * uses: one file, whose imports are only what a packaged app has at run time (Node's modules,
 * electron, the package's dependencies; never a devDependency), that loads and runs its top level
 * (under Node, with a stand-in for electron), and with the dev-server support of `npm run dev`
 * compiled out of a production build.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAIN_FILE, mainConfig, mainExternal, outputChunks, type BundleMode } from '../../../main/scripts/electron-bundle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${root}`), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

async function bundle(mode: BundleMode) {
  const chunks = outputChunks(await build({ ...mainConfig({ root, mode, write: false }), logLevel: 'silent' }));
  return { fileNames: chunks.map((c) => c.fileName), imports: chunks.flatMap((c) => c.imports), code: chunks.map((c) => c.code).join('\n') };
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

  it('keeps npm dependencies external and bundles our own code', () => {
    const external = mainExternal(root);
    expect(external('zod')).toBe(true);
    expect(external('@ip-location-db/asn/package.json')).toBe(true);
    expect(external('node:fs')).toBe(true);
    expect(external('fs')).toBe(true);
    expect(external('vite')).toBe(false);
    expect(external('../../contract/api.js')).toBe(false);
    expect(production.code).toContain('// main/electron/main.ts');
    expect(production.code).toContain('// main/core/');
  });

  it('leaves the dev server out of a production build and in a development one', () => {
    expect(production.code).toContain('handleAppProtocol(rendererDir, null)');
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
    // A stand-in for electron with exactly the names the bundle imports; whenReady() ends the run.
    const names = /^import \{([^}]*)\} from "electron";$/m.exec(production.code)?.[1]?.split(',').map((n) => n.trim()) ?? [];
    expect(names).toContain('app');
    const stub = [
      'const calls = [];',
      'const record = (name, value) => (...args) => { calls.push(name); return value; };',
      'export const app = { getAppPath: () => process.cwd(), isPackaged: false, on: record("app.on"), quit: record("app.quit"),',
      '  requestSingleInstanceLock: record("requestSingleInstanceLock", true),',
      '  whenReady: () => { calls.push("whenReady"); setImmediate(() => { console.log(JSON.stringify(calls)); process.exit(0); }); return new Promise(() => {}); } };',
      'export const protocol = { registerSchemesAsPrivileged: record("registerSchemesAsPrivileged"), handle: record("protocol.handle") };',
      ...names.filter((name) => name !== 'app' && name !== 'protocol').map((name) => `export const ${name} = {};`),
    ].join('\n');
    await writeFile(join(dir, 'electron-stub.mjs'), stub);
    await writeFile(
      join(dir, 'hooks.mjs'),
      `export async function resolve(specifier, context, next) {
        if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(join(dir, 'electron-stub.mjs')).href)}, shortCircuit: true };
        return next(specifier, context);
      }`,
    );
    await writeFile(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, MAIN_FILE)], {
      cwd: root,
      timeout: 30_000,
    });
    const calls = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[];
    // The scheme must be registered before the app is ready; the rest waits for whenReady().
    expect(calls[0]).toBe('registerSchemesAsPrivileged');
    expect(calls).toContain('requestSingleInstanceLock');
    expect(calls.at(-1)).toBe('whenReady');
  });
});
