import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundsToSave, debounce, restorableBounds } from '../../../main/electron/window-bounds.js';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('window bounds', () => {
  it('restores bounds that lie within one display, not ones that fell off a display that is gone', () => {
    const onExternal = { x: 1600, y: 0, width: 1200, height: 800 };
    expect(restorableBounds(onExternal, [laptop, external])).toEqual(onExternal);
    expect(restorableBounds(onExternal, [laptop])).toBeNull();
    expect(restorableBounds({ x: 1000, y: 100, width: 1200, height: 800 }, [laptop, external])).toBeNull();
    expect(restorableBounds({ x: 10, y: 10, width: 800, height: 600 }, [laptop])).toEqual({ x: 10, y: 10, width: 800, height: 600 });
    expect(restorableBounds(null, [laptop])).toBeNull();
    expect(restorableBounds({ x: 10, y: 10, width: 800, height: 600 }, [])).toBeNull();
  });

  it('saves whole pixels within the schema limits', () => {
    expect(boundsToSave({ x: 10.4, y: -3.6, width: 1200.5, height: 800 })).toEqual({ x: 10, y: -4, width: 1201, height: 800 });
    expect(boundsToSave({ x: 0, y: 0, width: 100, height: 800 })).toBeNull();
  });
});

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('calls once with the last arguments after calls stop; flush runs a pending call now, cancel drops it', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const save = debounce(fn, 500);
    save(1);
    vi.advanceTimersByTime(300);
    save(2);
    vi.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn.mock.calls).toEqual([[2]]);

    save(3);
    save.flush();
    expect(fn.mock.calls).toEqual([[2], [3]]);
    save.flush();
    save(4);
    save.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
