import { describe, expect, it } from 'vitest';
import { blobType, safeFilename } from '../../../renderer/src/lib/download.js';
import { takeToken } from '../../../renderer/src/lib/token.js';

describe('takeToken', () => {
  it('returns the token and the URL without it, keeping other parts', () => {
    expect(takeToken('http://127.0.0.1:7345/?token=abc123&view=apps#x')).toEqual({
      token: 'abc123',
      cleanUrl: 'http://127.0.0.1:7345/?view=apps#x',
    });
    expect(takeToken('http://127.0.0.1:7345/index.html')).toEqual({
      token: null,
      cleanUrl: 'http://127.0.0.1:7345/index.html',
    });
    expect(takeToken('http://127.0.0.1:7345/?token=').token).toBeNull();
  });
});

describe('download helpers', () => {
  it('adds a UTF-8 charset to text types only', () => {
    expect(blobType('text/markdown')).toBe('text/markdown;charset=utf-8');
    expect(blobType('application/json')).toBe('application/json;charset=utf-8');
    expect(blobType('text/html; charset=utf-8')).toBe('text/html; charset=utf-8');
    expect(blobType('application/octet-stream')).toBe('application/octet-stream');
  });

  it('keeps only a plain file name', () => {
    expect(safeFilename('telltale-2026-11-24.json', 'x')).toBe('telltale-2026-11-24.json');
    expect(safeFilename('../../etc/passwd', 'x')).toBe('passwd');
    expect(safeFilename('a\u202Egpj.exe', 'x')).toBe('agpj.exe');
    expect(safeFilename('..', 'fallback.txt')).toBe('fallback.txt');
  });
});

