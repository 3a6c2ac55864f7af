/**
 * Window bounds kept across runs: restored only when they still fit on a display (a monitor that
 * was unplugged must not leave the window off-screen), and saved once the user stops moving it.
 * Pure (no electron import); main.ts passes the displays' work areas and the window's bounds.
 */
import type { z } from 'zod';
import type { WindowBounds } from '../../contract/settings.js';

export type Bounds = z.infer<typeof WindowBounds>;
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (b: Area, area: Area): boolean =>
  b.x >= area.x && b.y >= area.y && b.x + b.width <= area.x + area.width && b.y + b.height <= area.y + area.height;

/** The saved bounds when they lie wholly within one display's work area, else null (the default size). */
export function restorableBounds(saved: Bounds | null, workAreas: readonly Area[]): Bounds | null {
  if (saved === null) return null;
  return workAreas.some((area) => inside(saved, area)) ? saved : null;
}

/** Whole pixels within the schema's limits, or null when the window is too small to be worth keeping. */
export function boundsToSave(bounds: Area): Bounds | null {
  const b = { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) };
  if (b.width < 200 || b.height < 150 || b.width > 20000 || b.height > 20000) return null;
  return b;
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs a pending call now (e.g. when the window closes). */
  flush(): void;
  cancel(): void;
}

/** `fn` called once calls stop coming for `ms`, with the last arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: A | null = null;
  const run = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const debounced = (...args: A): void => {
    pending = args;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = run;
  debounced.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return debounced;
}
