/** Mime type a Blob should carry; text types get an explicit charset so non-ASCII survives. */
export function blobType(mime: string): string {
  return /^text\/|json/.test(mime) && !/charset=/i.test(mime) ? `${mime};charset=utf-8` : mime;
}

/** A filename safe to offer as <a download>: no path parts or control characters. */
export function safeFilename(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}
