/**
 * Maps a request path to a file inside the built UI folder, for the browser host and for
 * Electron's app:// protocol. Nothing outside the folder is ever returned: `..` segments (also
 * percent-encoded ones), NUL bytes and symlinks that lead out are all refused, and no source map.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; mime: string }
  | { kind: 'not-found' }
  /** The path tried to leave the folder or was malformed. */
  | { kind: 'forbidden' };

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** `pathname` is the URL path as sent (still percent-encoded); "/" means index.html. */
export async function resolveStaticFile(staticDir: string, pathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  // Source maps would hand out the whole source; a build made with them (dev) must not serve them.
  if (extname(decoded).toLowerCase() === '.map') return { kind: 'not-found' };
  const root = resolve(staticDir);
  const relativePath = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const candidate = resolve(root, `.${relativePath.startsWith('/') ? '' : '/'}${relativePath}`);
  if (!isInside(root, candidate)) return { kind: 'forbidden' };

  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(candidate), realpath(root)]);
  } catch {
    return { kind: 'not-found' };
  }
  if (!isInside(realRoot, real)) return { kind: 'forbidden' };
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) return { kind: 'not-found' };
  return { kind: 'file', path: real, mime: mimeTypeFor(real) };
}
