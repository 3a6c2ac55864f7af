/**
 * The bad-input corpus: what a config file, a PAC or an env variable can hold or be that no sampler
 * may hang, crash or lose the snapshot on. Small cases are files in this folder; big ones (10 MB
 * lines, deep nesting) are generated, and special files (FIFOs, sockets, symlink loops, files we
 * may not read) are made at test time, since git cannot hold them.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePath } from '../../../main/core/catalog/paths.js';
import { TOOL_CATALOG } from '../../../main/core/catalog/tools.js';

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));

const corpusFile = (name: string) => () => readFile(path.join(CORPUS_DIR, name));
const repeat = (text: string, times: number) => Buffer.from(text.repeat(times));

export interface ContentCase {
  name: string;
  /** What it tries to break. */
  why: string;
  bytes: () => Promise<Buffer>;
  /** Larger than the 1 MB read cap: every reader must refuse it with a reason. */
  overCap?: boolean;
  /** Readers that parse nested data (JSON, TOML, YAML, XML) must report it. */
  refusedWhenNested?: boolean;
}

const MB = 1024 * 1024;

export const CONTENT_CASES: ContentCase[] = [
  { name: 'empty', why: 'an empty file', bytes: corpusFile('empty.txt') },
  { name: 'binary', why: 'random bytes, NULs included', bytes: corpusFile('binary.bin') },
  { name: 'invalid-utf8', why: 'byte sequences that are not UTF-8', bytes: corpusFile('invalid-utf8.txt') },
  { name: 'bom-crlf', why: 'a UTF-8 BOM and CRLF line ends', bytes: corpusFile('bom-crlf.txt') },
  { name: 'bom-json', why: 'JSON after a BOM', bytes: corpusFile('bom.json') },
  { name: 'nul-bytes', why: 'NUL bytes inside lines', bytes: corpusFile('nul-bytes.txt') },
  { name: 'line-10mb', why: 'one 10 MB line (over the read cap)', bytes: async () => repeat('x', 10 * MB), overCap: true },
  { name: 'lines-900kb', why: 'many short lines just under the cap', bytes: async () => repeat('a=b\n[x]\n', 900 * 1024 / 8) },
  {
    name: 'deep-arrays',
    why: '200 000 nested JSON/TOML/YAML arrays',
    bytes: async () => Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`),
    refusedWhenNested: true,
  },
  {
    name: 'deep-objects',
    why: '50 000 nested JSON objects',
    bytes: async () => Buffer.from(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`),
    refusedWhenNested: true,
  },
  {
    name: 'unclosed-mirror',
    why: 'a 1 MB settings.xml with an unclosed <mirror> (quadratic for a lazy regex)',
    bytes: async () => Buffer.from(`<settings><mirrors><mirror><url>${'<mirror>x'.repeat(100_000)}`),
  },
  {
    name: 'space-runs',
    why: 'long runs of spaces before the line end (quadratic for /\\s+\\d+$/)',
    bytes: async () => Buffer.from(`[Proxy Settings]\nhttpProxy=http://h${' '.repeat(400_000)}x\nProxyType=1\n`),
  },
  {
    name: 'long-value',
    why: 'a 256 KB proxy URL in every key a reader looks at',
    bytes: async () => {
      const url = `http://u:${'p@'.repeat(64 * 1024)}@proxy.example:8080`;
      return Buffer.from(`proxy=${url}\nhttps-proxy=${url}\nGOPROXY=${url}\n[http]\n\tproxy = ${url}\n`);
    },
  },
];

export type SpecialKind =
  | 'fifo'
  | 'char-device'
  | 'directory'
  | 'socket'
  | 'dangling-symlink'
  | 'symlink-loop'
  | 'permission-denied'
  | 'unreadable-folder';

/** What stands at a config path instead of a regular file. */
export const SPECIAL_KINDS: SpecialKind[] = [
  'fifo',
  'char-device',
  'directory',
  'socket',
  'dangling-symlink',
  'symlink-loop',
  'permission-denied',
  'unreadable-folder',
];

/** Kinds that are simply "no file here" (a dangling link reads as missing, as it does for the tools). */
export const READS_AS_MISSING: ReadonlySet<SpecialKind> = new Set(['dangling-symlink']);

/** Kinds only a reader without root's powers is denied. */
export const NEEDS_NON_ROOT: ReadonlySet<SpecialKind> = new Set(['permission-denied', 'unreadable-folder']);

/** Open servers of 'socket' plants: closed by the caller. */
export type Planted = { close(): void };

/** Puts `kind` at `file` (its folder created); returns what must be closed afterwards. */
export async function plantSpecial(file: string, kind: SpecialKind): Promise<Planted | null> {
  await mkdir(path.dirname(file), { recursive: true });
  switch (kind) {
    case 'fifo':
      execFileSync('mkfifo', [file]);
      return null;
    case 'char-device':
      await symlink('/dev/urandom', file);
      return null;
    case 'directory':
      await mkdir(file);
      return null;
    case 'socket': {
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(file, resolve));
      return { close: () => server.close() };
    }
    case 'dangling-symlink':
      await symlink(path.join(path.dirname(file), 'nowhere', 'at-all'), file);
      return null;
    case 'symlink-loop':
      await symlink(`${file}.loop`, file);
      await symlink(file, `${file}.loop`);
      return null;
    case 'permission-denied':
      await writeFile(file, '[user]\n\tname = Hidden\n');
      await chmod(file, 0o000);
      return null;
    case 'unreadable-folder':
      await writeFile(file, '[user]\n\tname = Hidden\n');
      // The folder itself is made unsearchable, unless it is the home (the run needs to get in).
      return null;
  }
}

/**
 * Config files the samplers read under a fake home, with whether a bad one must show up as a
 * signal (some are read only when an earlier one was absent, e.g. Cargo's second file).
 */
export function configTargets(home: string): Array<{ file: string; reported: boolean }> {
  const ctx = { home, env: {}, platform: 'linux' as const, io: undefined as never };
  const tools = TOOL_CATALOG.flatMap((tool) => tool.configs.map((config) => resolvePath(config.path, ctx)));
  const reported = [
    '.gitconfig',
    '.npmrc',
    '.yarnrc.yml',
    '.m2/settings.xml',
    '.config/go/env',
    '.config/pip/pip.conf',
    '.pip/pip.conf',
    '.config/kioslaverc',
    '.cargo/config',
  ].map((relative) => path.join(home, relative));
  const quiet = ['.cargo/config.toml', '.config/git/config'].map((relative) => path.join(home, relative));
  const all = new Map<string, boolean>();
  for (const file of reported) all.set(file, true);
  // Only files under the fake home: a catalog path outside it (/etc/...) belongs to the machine.
  for (const file of tools) if (file?.startsWith(`${home}/`)) all.set(file, true);
  for (const file of quiet) if (!all.has(file)) all.set(file, false);
  return [...all].map(([file, isReported]) => ({ file, reported: isReported }));
}
