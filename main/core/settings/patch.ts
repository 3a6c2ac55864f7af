/** Applying a change from the UI to the settings in force. */
import { Settings, type SettingsPatch } from '../../../contract/settings.js';

/** Applies a validated patch: nested groups are merged, other fields replaced. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return Settings.parse({
    ...current,
    ...patch,
    history: { ...current.history, ...patch.history },
    notifications: { ...current.notifications, ...patch.notifications },
  });
}

/** Structural equality of two settings (both parsed by the schema, so keys come in schema order). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
