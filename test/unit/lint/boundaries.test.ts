/**
 * The import boundaries in eslint.config.js can fail: each deliberate violation below, linted as a
 * file inside the boundary, is reported by the rule that guards it, and the allowed imports are not.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The ids of the rules that fire on `code` as the file `file` (repo-relative). */
async function rulesFiring(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return [...new Set((result?.messages ?? []).map((m) => m.ruleId ?? 'fatal'))];
}

const BUILTINS = 'no-restricted-imports';
const PATHS = 'telltale/boundaries';
const GLOBALS = 'no-restricted-globals';

describe('import boundaries fire on violations', () => {
  it.each([
    // common/: pure, shared by main and renderer
    ['common/x.ts', "import fs from 'node:fs';\nexport const f = fs;", BUILTINS],
    ['common/x.ts', "import { readFile } from 'fs/promises';\nexport const f = readFile;", BUILTINS],
    ['common/x.ts', "import { join } from 'path';\nexport const f = join;", BUILTINS],
    ['common/x.ts', "export async function f() {\n  return import('../main/sample.js');\n}", PATHS],
    ['common/x.ts', "export { createSnapshotSource } from '../main/sample.js';", PATHS],
    ['common/x.ts', "import type { Tone } from '../renderer/src/lib/exposure.js';\nexport type T = Tone;", PATHS],
    ['common/x.ts', 'export const home = () => process.env.HOME;', GLOBALS],
    ['common/x.ts', 'export const title = () => document.title;', GLOBALS],
    // main/core/: pure, the bottom of main
    ['main/core/probe/x.ts', "import { spawn } from 'node:child_process';\nexport const f = spawn;", BUILTINS],
    ['main/core/probe/x.ts', "import { readFileSync } from 'fs';\nexport const f = readFileSync;", BUILTINS],
    ['main/core/probe/x.ts', "import { systemIo } from '../../adapters/system-io.js';\nexport const f = systemIo;", PATHS],
    ['main/core/x.ts', "import type { Monitor } from '../monitor/monitor.js';\nexport type M = Monitor;", PATHS],
    ['main/core/x.ts', "export const load = () => import('../server/server.js');", PATHS],
    ['main/core/x.ts', "import '../electron/tray.js';", PATHS],
    // an allow-listed core file may import its one built-in, and no other
    ['main/core/identity/index.ts', "import { readFile } from 'node:fs/promises';\nexport const f = readFile;", BUILTINS],
    ['main/core/identity/index.ts', "import { join } from 'path';\nexport const f = join;", BUILTINS],
    // renderer: contract/, common/, its own files and UI packages only
    ['renderer/src/x.ts', "import '../../main/sample.js';", PATHS],
    ['renderer/src/views/X.tsx', "import { startServer } from '../../../main/server/server.js';\nexport const f = startServer;", PATHS],
    ['renderer/src/x.ts', "import path from 'node:path';\nexport const f = path;", BUILTINS],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const f = ipcRenderer;", BUILTINS],
    // main/electron/ does not reach into the browser host
    ['main/electron/x.ts', "import '../server/server.js';", PATHS],
    ['main/electron/app-resource.ts', "import { startServer } from '../server/server.js';\nexport const f = startServer;", PATHS],
    // main/tap/ does not depend on main/probe/
    ['main/tap/x.ts', "import { probeTool } from '../probe/session.js';\nexport const f = probeTool;", PATHS],
    ['main/tap/cli.ts', "import { defaultStateDir } from '../probe/state.js';\nexport const f = defaultStateDir;", PATHS],
    ['main/electron/app-resource.ts', "import { resolveStaticFile } from '../server/static-files.js';\nexport const f = resolveStaticFile;", PATHS],
    // contract/ is the bottom layer
    ['contract/x.ts', "import { Monitor } from '../main/monitor/monitor.js';\nexport const f = Monitor;", PATHS],
  ])('%s: %s -> %s', async (file, code, rule) => {
    expect(await rulesFiring(file, code)).toContain(rule);
  });
});

describe('import boundaries let allowed imports through', () => {
  it.each([
    ['common/x.ts', "import type { Inference } from '../contract/snapshot.js';\nimport { formatEndpoint } from './format.js';\nexport const f = (i: Inference) => formatEndpoint(String(i.value), null);"],
    ['main/core/probe/x.ts', "import { parse } from 'tldts';\nimport { exposureFor } from '../../../common/exposure.js';\nimport type { Signal } from '../../../contract/snapshot.js';\nimport { ok } from '../context.js';\nexport const f = [parse, exposureFor, ok] as const;\nexport type S = Signal;"],
    ['main/core/identity/index.ts', "import { join } from 'node:path';\nexport const f = join;"],
    ['main/core/catalog/config-format.ts', "import { parseEnv } from 'node:util';\nexport const f = parseEnv;"],
    ['renderer/src/views/X.tsx', "import { useMemo } from 'react';\nimport { formatValue } from '../../../common/format.js';\nimport type { TelltaleApi } from '../../../contract/api.js';\nimport { relativeTime } from '../lib/time.js';\nexport const f = [useMemo, formatValue, relativeTime] as const;\nexport type A = TelltaleApi;"],
    ['main/electron/x.ts', "import { Monitor } from '../monitor/monitor.js';\nimport { readFile } from 'node:fs/promises';\nimport { trayState } from './tray-state.js';\nexport const f = [Monitor, readFile, trayState] as const;"],
    ['main/tap/x.ts', "import type { ObservedRequest } from '../core/probe/types.js';\nexport type C = ObservedRequest;"],
    ['main/adapters/x.ts', "import { readFile } from 'node:fs/promises';\nexport const f = readFile;"],
    ['main/electron/app-resource.ts', "import { resolveStaticFile } from '../service/static-files.js';\nexport const f = resolveStaticFile;"],
    ['main/tap/cli.ts', "import { defaultStateDir } from '../adapters/state-dir.js';\nexport const f = defaultStateDir;"],
    ['renderer/vite.config.ts', "import { fileURLToPath } from 'node:url';\nexport const f = fileURLToPath;"],
  ])('%s', async (file, code) => {
    expect(await rulesFiring(file, code)).toEqual([]);
  });
});
