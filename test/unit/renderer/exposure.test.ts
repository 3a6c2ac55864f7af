import { describe, expect, it } from 'vitest';
import { ExposureLevel } from '../../../contract/snapshot.js';
import { exposureLabel } from '../../../common/exposure.js';
import { confidenceTone, exposureTone } from '../../../renderer/src/lib/exposure.js';

describe('exposure', () => {
  it('gives every level its own label and colour, rising with the level', () => {
    const levels = ExposureLevel.options;
    expect(levels.map(exposureTone)).toEqual(['ok', 'info', 'warn', 'danger']);
    expect(new Set(levels.map((level) => exposureLabel(level, 'en'))).size).toBe(levels.length);
    expect(exposureLabel('high', 'en')).toBe('High exposure');
  });

  it('handles a snapshot without an exposure assessment', () => {
    expect(exposureTone(undefined)).toBe('muted');
    expect(exposureLabel(undefined, 'en')).toBe('Exposure not assessed');
  });

  it('colours confidence from calm to alarming', () => {
    expect(confidenceTone('low')).toBe('info');
    expect(confidenceTone('high')).toBe('danger');
  });
});
