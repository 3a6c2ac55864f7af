#!/usr/bin/env node
/**
 * Draws Telltale's icons (an eye: what the tools on your machine can see) as PNG files with
 * nothing but Node: shapes are signed-distance tests, supersampled for anti-aliasing, and the PNG
 * is written by hand (zlib deflate + CRC). Run `node assets/generate-icons.mjs`; the output is
 * committed so builds need no image tools.
 *
 * Output: icon.png (512) and icons/NxN.png (Linux), tray-<level>.png (16) + @2x (32) per
 * exposure level, trayTemplate.png + @2x (macOS menu bar: black with alpha).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = dirname(fileURLToPath(import.meta.url));
const SUPERSAMPLE = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}
/** RGBA, 8 bits per channel, no interlace; every row uses filter 0. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Renders paint(x, y) -> [r, g, b, a] (0-255, unit square coordinates -1..1, y down). */
function render(size, paint) {
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = ((px + (sx + 0.5) / SUPERSAMPLE) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / SUPERSAMPLE) / size) * 2 - 1;
          const [cr, cg, cb, ca] = paint(x, y);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = SUPERSAMPLE * SUPERSAMPLE;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round(a / n);
    }
  }
  return out;
}

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];
const CLEAR = [0, 0, 0, 0];
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** The eye's outline: the lens where two circles overlap, `scale` wide. */
const inLens = (x, y, scale) => inCircle(x / scale, y / scale, 0, 0.62, 1) && inCircle(x / scale, y / scale, 0, -0.62, 1);
const inRoundedSquare = (x, y, half, radius) => {
  const dx = Math.max(Math.abs(x) - (half - radius), 0);
  const dy = Math.max(Math.abs(y) - (half - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
};

const LEVEL_COLOURS = { none: '#8a94a6', low: '#2f9e5b', elevated: '#e09b00', high: '#d7263d' };

function trayIcon(level) {
  const colour = hex(LEVEL_COLOURS[level]);
  return (x, y) => {
    if (!inCircle(x, y, 0, 0, 0.96)) return CLEAR;
    if (inCircle(x, y, 0, 0, 0.24)) return colour;
    if (inLens(x, y, 0.95)) return hex('#ffffff');
    return colour;
  };
}

function trayTemplate(x, y) {
  const black = [0, 0, 0, 255];
  if (inCircle(x, y, 0, 0, 0.3)) return black;
  return inLens(x, y, 1.08) && !inLens(x, y, 0.84) ? black : CLEAR;
}

function appIcon(x, y) {
  if (!inRoundedSquare(x, y, 0.9, 0.22)) return CLEAR;
  if (inCircle(x, y, 0, 0, 0.13)) return hex('#10141c');
  if (inCircle(x, y, 0, 0, 0.3)) return hex('#2bb3a3');
  if (inLens(x, y, 0.88)) return hex('#f4f6fa');
  const t = (y + 1) / 2;
  return [Math.round(0x24 - 8 * t), Math.round(0x2c - 10 * t), Math.round(0x3d - 14 * t), 255];
}

function write(name, size, paint) {
  const path = join(OUT, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(size, render(size, paint)));
}

write('icon.png', 512, appIcon);
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) write(`icons/${size}x${size}.png`, size, appIcon);
for (const level of Object.keys(LEVEL_COLOURS)) {
  write(`tray-${level}.png`, 16, trayIcon(level));
  write(`tray-${level}@2x.png`, 32, trayIcon(level));
}
write('trayTemplate.png', 16, trayTemplate);
write('trayTemplate@2x.png', 32, trayTemplate);
