/** What the Settings form sends: only the fields the user changed, nested groups partial. */
import type { Settings, SettingsPatch } from '../../../contract/settings.js';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

function changed<T extends object>(saved: T, draft: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    const a = saved[key];
    const b = draft[key];
    const same = Array.isArray(a) && Array.isArray(b) ? sameList(a, b) : a === b;
    if (!same) out[key] = b;
  }
  return out;
}

/** The patch that turns `saved` into `draft`; empty when nothing changed. Window bounds are left alone. */
export function settingsPatch(saved: Settings, draft: Settings): SettingsPatch {
  const { history, notifications, windowBounds: _bounds, ...top } = changed(saved, draft);
  const patch: SettingsPatch = { ...top };
  const historyChange = changed(saved.history, draft.history);
  const notificationsChange = changed(saved.notifications, draft.notifications);
  if (history && Object.keys(historyChange).length) patch.history = historyChange;
  if (notifications && Object.keys(notificationsChange).length) patch.notifications = notificationsChange;
  return patch;
}

/** `list` with `item` in it or not, keeping the order otherwise. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((entry) => entry !== item);
  return on ? [...without, item] : without;
}
