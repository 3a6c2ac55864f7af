import type { Language } from '../../../common/i18n/languages.js';
import { formatNumber } from './count.js';

/** "512 B", "3.4 MB", "1.2 GB" (decimal units, as file managers show sizes; the units read the same in Chinese). */
export function formatBytes(bytes: number, language: Language): string {
  if (bytes < 1000) return `${formatNumber(bytes, language)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${formatNumber(value, language, value < 10 ? 1 : 0)} ${units[unit]}`;
}
