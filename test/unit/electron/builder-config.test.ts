/**
 * electron-builder.yml checked against the JSON schema electron-builder itself ships, so a typo
 * or a misplaced key fails here instead of in a release build; and every file it names exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const root = new URL('../../../', import.meta.url);
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<string, unknown>;

// The schema uses a few annotations Ajv does not know; strict mode would reject the schema itself.
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('electron-builder.yml', () => {
  it('matches electron-builder’s configuration schema', () => {
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would reject a misspelt key (the schema check is effective)', () => {
    expect(validate({ ...config, productNmae: 'Telltale' })).toBe(false);
    expect(validate({ ...config, linux: { ...(config.linux as object), categroy: 'Development' } })).toBe(false);
  });

  it('rebuilds the SQLite addon for Electron and unpacks it from the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**/*.node']));
  });

  it('gives the .deb what it needs (homepage, author with an e-mail) and publishes nowhere', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { homepage?: string; author?: { email?: string }; repository?: unknown };
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/@/);
    // No public home yet: honest placeholders on the reserved .invalid domain (RFC 2606), no repository.
    expect(new URL(pkg.homepage ?? '').hostname).toMatch(/\.invalid$/);
    expect(pkg.author?.email).toMatch(/\.invalid$/);
    expect((config.linux as { maintainer?: string }).maintainer).toMatch(/\.invalid>$/);
    expect(pkg.repository).toBeUndefined();
    expect(config.publish).toBeNull();
  });

  it('names the app and targets as intended', () => {
    expect(config).toMatchObject({
      appId: 'dev.telltale.app',
      productName: 'Telltale',
      directories: { output: 'release' },
      linux: { target: ['AppImage', 'deb'], category: 'Development' },
      mac: { target: ['dmg'], category: 'public.app-category.developer-tools' },
      win: { target: ['nsis'] },
    });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map']));
  });

  it('packages the Electron entry point package.json names, and the PAC sandbox bundle next to it', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
    // The PAC worker loads pac-sandbox.js from main.js's own folder.
    expect(config.files).toContain('dist/electron/**');
  });

  it('points at icons that exist', () => {
    const linux = config.linux as { icon: string };
    const mac = config.mac as { icon: string };
    expect(existsSync(new URL(`${linux.icon}/512x512.png`, root))).toBe(true);
    expect(existsSync(new URL(mac.icon, root))).toBe(true);
    for (const level of ['none', 'low', 'elevated', 'high']) {
      expect(existsSync(new URL(`assets/tray-${level}.png`, root)), level).toBe(true);
    }
  });
});
