/**
 * Runs a built Electron main bundle under plain Node with a stand-in for the `electron` module, so
 * its top level (every import resolved, the scheme registered before the app is ready) is checked
 * where Electron's binary is missing. The stand-in exports exactly the names the bundle imports;
 * `app.whenReady()` prints the calls made so far and ends the run.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The names a bundle imports from "electron" (one static import statement, as Vite writes it). */
export function electronImportNames(code: string): string[] {
  return /^import \{([^}]*)\} from "electron";$/m.exec(code)?.[1]?.split(',').map((n) => n.trim()) ?? [];
}

/**
 * Loads `mainFile` with Node, `electron` resolved to the stand-in written into `stubDir`; returns
 * the electron calls made before whenReady() (in order). `cwd` is where app.getAppPath() points.
 */
export async function runWithElectronStub(mainFile: string, stubDir: string, cwd: string): Promise<string[]> {
  const names = electronImportNames(await readFile(mainFile, 'utf8'));
  if (!names.includes('app')) throw new Error(`${mainFile} does not import app from electron.`);
  await mkdir(stubDir, { recursive: true });
  const stub = [
    'const calls = [];',
    'const record = (name, value) => (...args) => { calls.push(name); return value; };',
    'export const app = { getAppPath: () => process.cwd(), isPackaged: false, on: record("app.on"), quit: record("app.quit"),',
    '  requestSingleInstanceLock: record("requestSingleInstanceLock", true),',
    '  whenReady: () => { calls.push("whenReady"); setImmediate(() => { console.log(JSON.stringify(calls)); process.exit(0); }); return new Promise(() => {}); } };',
    'export const protocol = { registerSchemesAsPrivileged: record("registerSchemesAsPrivileged"), handle: record("protocol.handle") };',
    ...names.filter((name) => name !== 'app' && name !== 'protocol').map((name) => `export const ${name} = {};`),
  ].join('\n');
  await writeFile(join(stubDir, 'electron-stub.mjs'), stub);
  await writeFile(
    join(stubDir, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
      if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(join(stubDir, 'electron-stub.mjs')).href)}, shortCircuit: true };
      return next(specifier, context);
    }`,
  );
  await writeFile(join(stubDir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(join(stubDir, 'register.mjs')).href, mainFile], {
    cwd,
    timeout: 30_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[];
}
