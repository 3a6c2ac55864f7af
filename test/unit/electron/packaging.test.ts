/**
 * Packaging as `npm run dist` does it, offline: electron-builder --dir with the project's
 * electron-builder.yml against a stand-in Electron (electronDist: a placeholder executable carrying
 * Electron's fuse wire, resources/, and the licence and version files of a real Electron dist),
 * then the result checked: what app.asar holds and how big it is, that the packaged main bundle
 * loads from it, and which fuses electron-builder flipped in the executable. The .deb target is run
 * up to fpm; a real Electron is packaged too where its binary is installed.
 *
 * Two things differ from a release build, both because they need the network: the SQLite addon is
 * not rebuilt for Electron's ABI (npmRebuild needs Electron's headers), so the package carries the
 * Node build npm made; and fpm, which electron-builder downloads from GitHub, is used only when
 * installed (`fpm` on PATH), else a recorder stands in for it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
// Not re-exported by the package's index: the wire's sentinel and byte values.
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledPacSandbox, evaluatePacInSandbox } from '../../../main/adapters/pac-worker.js';
import { PAC_TARGET, PAC_TIMEOUT_MS } from '../../../main/core/proxy/index.js';
import { MAIN_FILE, PAC_SANDBOX_FILE, RUNTIME_PACKAGES } from '../../../main/scripts/electron-bundle.js';
import { proxyFixture } from '../proxy/fixtures.js';
import { NO_ELECTRON_BINARY, electronBinary } from '../../helpers/electron-binary.js';
import { runWithElectronStub } from '../../helpers/electron-stub.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; homepage?: string };
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean>; productName: string };
const MiB = 1024 * 1024;

/** What the fuses must say (README, Packaging): every Node.js entry point off, the app only from a verified asar. */
const FUSE_POLICY = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};
const FUSE_INDEX: Record<keyof typeof FUSE_POLICY, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

/**
 * A stand-in for an unpacked Electron: the executable is a shell script that also carries the fuse
 * wire as Electron's binary does (sentinel, wire version 1, length, one byte per fuse), set to
 * Electron's defaults, so @electron/fuses flips real bytes.
 */
async function stubElectronDist(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const defaults = [
    FuseState.ENABLE, // RunAsNode
    FuseState.DISABLE, // EnableCookieEncryption
    FuseState.ENABLE, // EnableNodeOptionsEnvironmentVariable
    FuseState.ENABLE, // EnableNodeCliInspectArguments
    FuseState.DISABLE, // EnableEmbeddedAsarIntegrityValidation
    FuseState.DISABLE, // OnlyLoadAppFromAsar
    FuseState.DISABLE, // LoadBrowserProcessSpecificV8Snapshot
    FuseState.ENABLE, // GrantFileProtocolExtraPrivileges
  ];
  const wire = Buffer.concat([Buffer.from(`#!/bin/sh\necho "placeholder Electron"\nexit 0\n# ${SENTINEL}`), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('\n')]);
  await writeFile(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'chrome-sandbox'), '');
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
  await writeFile(join(dir, 'LICENSE'), 'Electron licence (placeholder)\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<p>Chromium licences (placeholder)</p>\n');
  await writeFile(join(dir, 'version'), `${(require('electron/package.json') as { version: string }).version}\n`);
  return dir;
}

/** Runs electron-builder's CLI with the project's config; throws with its output when it fails. */
async function electronBuilder(args: string[], env: Record<string, string> = {}): Promise<string> {
  const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, '--config', 'electron-builder.yml', '-c.npmRebuild=false', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 200_000,
      maxBuffer: 16 * MiB,
    });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`electron-builder ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every file in the archive (not folders), as paths relative to its root, with size and whether it is unpacked. */
function asarFiles(archive: string): Map<string, { size: number; unpacked: boolean }> {
  const files = new Map<string, { size: number; unpacked: boolean }>();
  for (const entry of asar.listPackage(archive, { isPack: false })) {
    const path = entry.replace(/\\/g, '/').replace(/^\//, '');
    const stat = asar.statFile(archive, path, false) as { size?: number; unpacked?: boolean; files?: unknown };
    if (stat.files !== undefined || stat.size === undefined) continue;
    files.set(path, { size: stat.size, unpacked: stat.unpacked === true });
  }
  return files;
}

/** Reads the fuse wire of a packaged executable and compares it with FUSE_POLICY. */
async function expectFusesAsPolicy(executable: string): Promise<void> {
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
  for (const [name, index] of Object.entries(FUSE_INDEX)) {
    expect(wire[index], name).toBe(FUSE_POLICY[name as keyof typeof FUSE_POLICY] ? FuseState.ENABLE : FuseState.DISABLE);
  }
}

/** The package a node_modules path belongs to ("node_modules/@scope/name/..." -> "@scope/name"). */
function packageOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] !== 'node_modules' || parts.length < 3) return null;
  return parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2]}` : (parts[1] ?? null);
}

/** The data files the main bundle opens: geo-data.ts names each as packageFile(package, file). */
function dataFilesOpenedBy(code: string): string[] {
  return [...code.matchAll(/packageFile\("([^"]+)", "([^"]+)"\)/g)].map((m) => `node_modules/${m[1]}/${m[2]}`);
}

const realElectron = electronBinary();
let work: string;
let appOutDir: string;
let archive: string;
let files: Map<string, { size: number; unpacked: boolean }>;
let mainCode: string;
let extractedDir: string | null = null;

/** The archive extracted once, for the tests that run what it holds. */
function extracted(): string {
  if (!extractedDir) {
    extractedDir = join(work, 'extracted');
    asar.extractAll(archive, extractedDir);
  }
  return extractedDir;
}

beforeAll(async () => {
  for (const file of [`dist/electron/${MAIN_FILE}`, `dist/electron/${PAC_SANDBOX_FILE}`, 'dist/renderer/index.html']) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  }
  work = await mkdtemp(join(tmpdir(), 'telltale-packaging-'));
  const dist = await stubElectronDist(join(work, 'electron-dist'));
  await electronBuilder(['--dir', '--linux', '--x64', `-c.electronDist=${dist}`, `-c.directories.output=${join(work, 'out')}`], {
    ELECTRON_BUILDER_CACHE: join(work, 'cache'),
  });
  appOutDir = join(work, 'out', 'linux-unpacked');
  archive = join(appOutDir, 'resources', 'app.asar');
  files = asarFiles(archive);
  mainCode = await readFile(join(root, 'dist', 'electron', MAIN_FILE), 'utf8');
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packaged app (electron-builder --dir, stand-in Electron)', () => {
  it('holds in app.asar only the Electron bundles (no preload), the built UI, package.json and the runtime packages', () => {
    const paths = [...files.keys()];
    const outside = paths.filter(
      (p) =>
        !(
          p === 'package.json' ||
          p === `dist/electron/${MAIN_FILE}` ||
          p === `dist/electron/${PAC_SANDBOX_FILE}` ||
          p.startsWith('dist/renderer/') ||
          packageOf(p)
        ),
    );
    expect(outside).toEqual([]);
    expect(paths).toContain('dist/renderer/index.html');
    // The renderer reaches main through app:// alone: no preload script is packaged.
    expect(paths.filter((p) => /preload/i.test(p))).toEqual([]);
    // No source maps, no CLI (dist/main/), no second React: the UI bundle already has it.
    expect(paths.filter((p) => p.endsWith('.map') || p.startsWith('dist/main/'))).toEqual([]);
    // Of node_modules only RUNTIME_PACKAGES, and better-sqlite3's loader (bindings and its one dependency).
    const packages = new Set(paths.map(packageOf).filter((p): p is string => p !== null));
    expect([...packages].sort()).toEqual([...Object.keys(RUNTIME_PACKAGES), 'bindings', 'file-uri-to-path'].sort());
  });

  it('carries of the data packages (geo data, QuickJS WebAssembly) exactly the files the app opens, with their licences', () => {
    const opened = dataFilesOpenedBy(mainCode);
    expect(opened.length, 'the main bundle names the data files it opens').toBeGreaterThan(0);
    const dataPackages = Object.entries(RUNTIME_PACKAGES).flatMap(([name, kind]) => (kind === 'data' ? [name] : []));
    const carried = [...files.keys()].filter((p) => dataPackages.includes(packageOf(p) ?? ''));
    const extra = carried.filter((p) => !opened.includes(p) && !p.endsWith('/package.json') && !/LICENSE/.test(p));
    expect(extra).toEqual([]);
    for (const file of opened) expect(files.has(file), file).toBe(true);
  });

  it('unpacks the SQLite addon (a process cannot dlopen from inside an archive) and nothing else', () => {
    const unpacked = [...files].filter(([, f]) => f.unpacked).map(([p]) => p);
    expect(unpacked).toEqual(['node_modules/better-sqlite3/build/Release/better_sqlite3.node']);
    expect(existsSync(join(appOutDir, 'resources', 'app.asar.unpacked', unpacked[0] ?? ''))).toBe(true);
    // The sources and build leftovers of the addon stay out.
    expect([...files.keys()].filter((p) => p.startsWith('node_modules/better-sqlite3/') && !/^node_modules\/better-sqlite3\/(package\.json|lib\/)/.test(p))).toEqual(
      unpacked,
    );
  });

  it('keeps app.asar small: the code and UI under 15 MiB, with the data under 50 MiB', () => {
    const opened = new Set(dataFilesOpenedBy(mainCode));
    let data = 0;
    let code = 0;
    for (const [path, file] of files) {
      if (file.unpacked) continue;
      if (opened.has(path)) data += file.size;
      else code += file.size;
    }
    const archiveSize = readFileSync(archive).length;
    console.log(
      `app.asar: ${(archiveSize / MiB).toFixed(1)} MiB = code and UI ${(code / MiB).toFixed(1)} MiB + data ${(data / MiB).toFixed(1)} MiB (+ index); ` +
        `${files.size} files`,
    );
    expect(code).toBeLessThan(15 * MiB);
    expect(archiveSize).toBeLessThan(50 * MiB);
  });

  it('loads its main bundle from the package with every import resolved (better-sqlite3, the data files)', async () => {
    const main = join(extracted(), 'dist', 'electron', MAIN_FILE);
    const calls = await runWithElectronStub(main, join(work, 'electron-stub'), extracted());
    expect(calls[0]).toBe('registerSchemesAsPrivileged');
    expect(calls.at(-1)).toBe('whenReady');
    const fromMain = createRequire(main);
    for (const file of dataFilesOpenedBy(mainCode)) {
      const [, scope, name] = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(file) ?? [];
      expect(existsSync(join(dirname(fromMain.resolve(`${scope}/package.json`)), name ?? '')), file).toBe(true);
    }
  }, 60_000);

  it('evaluates a real PAC with the packaged PAC sandbox and QuickJS WebAssembly, packed in the archive', async () => {
    // Both stay inside app.asar (under its integrity check): the main thread reads them and hands them to the worker.
    for (const path of [`dist/electron/${PAC_SANDBOX_FILE}`, 'node_modules/quickjs-wasi/quickjs.wasm']) expect(files.get(path)?.unpacked, path).toBe(false);
    expect(mainCode).toContain('packageFile("quickjs-wasi", "quickjs.wasm")');
    const sandbox = await bundledPacSandbox(
      join(extracted(), 'dist', 'electron', PAC_SANDBOX_FILE),
      join(extracted(), 'node_modules', 'quickjs-wasi', 'quickjs.wasm'),
    );
    // The sandbox bundle imports nothing from node_modules: it runs from a data: URL.
    expect(await evaluatePacInSandbox(sandbox, proxyFixture('corp.pac'), PAC_TARGET, PAC_TIMEOUT_MS)).toEqual({ ok: true, result: 'PROXY p.corp.example.cn:8080; DIRECT' });
    expect(await evaluatePacInSandbox(sandbox, proxyFixture('corp.pac'), 'https://git.corp.example.cn/', PAC_TIMEOUT_MS)).toEqual({ ok: true, result: 'DIRECT' });
  }, 60_000);

  it('flips the fuses in the executable as electron-builder.yml asks', async () => {
    expect(config.electronFuses).toEqual(FUSE_POLICY);
    await expectFusesAsPolicy(join(appOutDir, pkg.name));
  });

  it('hands fpm a complete .deb description (homepage, maintainer, dependencies, files)', async () => {
    const argsFile = join(work, 'fpm-args.json');
    // fpm is not installable offline (electron-builder downloads it): a recorder stands in for it
    // unless the real one is on PATH (next test).
    const recorder = join(work, 'fpm');
    await writeFile(
      recorder,
      `#!/bin/sh\nexec "${process.execPath}" -e 'const a = process.argv.slice(1); require("fs").writeFileSync(${JSON.stringify(argsFile)}, JSON.stringify(a)); const p = a[a.indexOf("--package") + 1]; if (p) require("fs").writeFileSync(p, "")' -- "$@"\n`,
    );
    chmodSync(recorder, 0o755);
    await electronBuilder(['--linux', 'deb', '--x64', '--prepackaged', appOutDir, `-c.directories.output=${join(work, 'deb')}`], {
      CUSTOM_FPM_PATH: recorder,
      ELECTRON_BUILDER_CACHE: join(work, 'cache'),
    });
    const args = JSON.parse(await readFile(argsFile, 'utf8')) as string[];
    const option = (name: string) => args[args.indexOf(name) + 1];
    expect(option('-t')).toBe('deb');
    expect(option('--name')).toBe(pkg.name);
    expect(option('--url')).toBe(pkg.homepage);
    expect(option('--maintainer')).toMatch(/^Telltale contributors <.+@.+>$/);
    expect(args).toContain(`${appOutDir}/=/opt/${config.productName}`);
    expect(args.filter((a, i) => args[i - 1] === '-d')).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3']));
  }, 120_000);

  const fpm = onPath('fpm');
  it.skipIf(!fpm)(`builds a real .deb (${fpm ? 'fpm on PATH' : 'skipped: no fpm on PATH, and electron-builder cannot download its own offline'})`, async () => {
    const out = join(work, 'deb-real');
    await electronBuilder(['--linux', 'deb', '--x64', '--prepackaged', appOutDir, `-c.directories.output=${out}`], {
      USE_SYSTEM_FPM: 'true',
      ELECTRON_BUILDER_CACHE: join(work, 'cache'),
    });
    const deb = join(out, `${pkg.name}_${pkg.version}_amd64.deb`);
    const fields = execFileSync('dpkg-deb', ['--field', deb, 'Package', 'Homepage']).toString();
    expect(fields).toContain(`Package: ${pkg.name}`);
    expect(fields).toContain(`Homepage: ${pkg.homepage}`);
  }, 120_000);
});

describe('the packaged app with a real Electron', () => {
  it.skipIf(!realElectron)(`flips the fuses in Electron's own binary (${realElectron ? 'installed' : NO_ELECTRON_BINARY})`, async () => {
    const out = join(work, 'real');
    await electronBuilder(['--dir', '--linux', `-c.electronDist=${dirname(realElectron ?? '')}`, `-c.directories.output=${out}`], {
      ELECTRON_BUILDER_CACHE: join(work, 'cache'),
    });
    await expectFusesAsPolicy(join(out, 'linux-unpacked', pkg.name));
  }, 180_000);
});
