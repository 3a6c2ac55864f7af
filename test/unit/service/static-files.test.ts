import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticFile } from '../../../main/service/static-files.js';

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'telltale-static-'));
  dir = join(root, 'www');
  await mkdir(join(dir, 'assets', 'sub'), { recursive: true });
  await writeFile(join(dir, 'index.html'), 'home');
  await writeFile(join(dir, 'assets', 'sub', 'index.html'), 'sub');
  await writeFile(join(dir, 'assets', 'a b.css'), 'x');
  await writeFile(join(root, 'www-secret.txt'), 'secret');
  await symlink(join(dir, 'index.html'), join(dir, 'assets', 'inside-link.html'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('resolveStaticFile', () => {
  it('maps / and folder paths to index.html and decodes percent-escapes', async () => {
    expect(await resolveStaticFile(dir, '/')).toMatchObject({ kind: 'file', path: join(dir, 'index.html') });
    expect(await resolveStaticFile(dir, '/assets/sub/')).toMatchObject({ kind: 'file', path: join(dir, 'assets', 'sub', 'index.html') });
    expect(await resolveStaticFile(dir, '/assets/a%20b.css')).toMatchObject({ kind: 'file', mime: 'text/css; charset=utf-8' });
  });

  it('follows a symlink that stays inside the folder', async () => {
    expect(await resolveStaticFile(dir, '/assets/inside-link.html')).toMatchObject({ kind: 'file', path: join(dir, 'index.html') });
  });

  it('refuses escapes, including a sibling folder that shares the prefix', async () => {
    for (const path of ['/../www-secret.txt', '/..%2fwww-secret.txt', '/assets/%2e%2e/%2e%2e/www-secret.txt', '/%2e%2e%5cwww-secret.txt', '/a%00b', '/%E0%A4%A']) {
      expect(await resolveStaticFile(dir, path), path).toEqual({ kind: 'forbidden' });
    }
  });

  it('answers not-found for missing files and folders without an index', async () => {
    expect(await resolveStaticFile(dir, '/nope.js')).toEqual({ kind: 'not-found' });
    expect(await resolveStaticFile(dir, '/assets')).toEqual({ kind: 'not-found' });
  });
});

describe('mimeTypeFor', () => {
  it('knows the UI file types and falls back to octet-stream', () => {
    expect(mimeTypeFor('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
