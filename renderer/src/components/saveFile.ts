import { blobType, safeFilename } from '../lib/download.js';

/** Offers text as a download through a temporary <a download>. */
export function saveFile(filename: string, mime: string, content: string): string {
  const name = safeFilename(filename, 'telltale-snapshot.txt');
  const url = URL.createObjectURL(new Blob([content], { type: blobType(mime) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some engines read the blob asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
