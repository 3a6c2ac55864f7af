/** app://telltale/ answers from a real folder on disk, with the strict headers, and nothing else. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppResource } from '../../../main/electron/app-resource.js';
import { isAppUrl } from '../../../main/electron/app-url.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/service/security-headers.js';

let root: string;
let rendererDir: string;
const get = (url: string, method = 'GET') => serveAppResource(rendererDir, { url, method });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'telltale-app-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Telltale</title>');
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'export {};');
  await writeFile(join(root, 'outside.txt'), 'OUTSIDE');
  await symlink(join(root, 'outside.txt'), join(rendererDir, 'link.txt'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('serveAppResource', () => {
  it('serves the UI files with their MIME type and the strict CSP', async () => {
    const page = await get('app://telltale/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Telltale</title>');
    const script = await get('app://telltale/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://telltale/')).status).toBe(200);
  });

  it('refuses paths out of the folder, other hosts and other methods', async () => {
    for (const url of ['app://telltale/..%2foutside.txt', 'app://telltale/link.txt', 'app://telltale/%2e%2e/outside.txt']) {
      const res = await get(url);
      expect([403, 404], url).toContain(res.status);
      expect(await res.text()).not.toContain('OUTSIDE');
    }
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://telltale/index.html', 'POST')).status).toBe(405);
    expect((await get('app://telltale/missing.js')).status).toBe(404);
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://telltale/index.html')).toBe(true);
    for (const url of ['app://telltale.evil/', 'app://telltale@evil/', 'https://telltale/', 'file:///app://telltale/', '', 'app://telltale']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
