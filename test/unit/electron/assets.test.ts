/** The committed icons are real PNGs of the sizes the tray and the packagers expect. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExposureLevel } from '../../../contract/snapshot.js';

const assets = new URL('../../../assets/', import.meta.url);

function pngInfo(name: string) {
  const buf = readFileSync(new URL(name, assets));
  expect(buf.subarray(0, 8).toString('hex'), name).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii'), name).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colourType: buf[25] };
}

describe('assets', () => {
  it('has a 512x512 app icon and the Linux icon set', () => {
    expect(pngInfo('icon.png')).toMatchObject({ width: 512, height: 512 });
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngInfo(`icons/${size}x${size}.png`)).toMatchObject({ width: size, height: size });
    }
  });

  it('has a tray icon with transparency per exposure level, at 1x and 2x', () => {
    for (const level of ExposureLevel.options) {
      expect(pngInfo(`tray-${level}.png`)).toEqual({ width: 16, height: 16, colourType: 6 });
      expect(pngInfo(`tray-${level}@2x.png`)).toEqual({ width: 32, height: 32, colourType: 6 });
    }
    expect(pngInfo('trayTemplate.png')).toEqual({ width: 16, height: 16, colourType: 6 });
    expect(pngInfo('trayTemplate@2x.png')).toEqual({ width: 32, height: 32, colourType: 6 });
  });
});
