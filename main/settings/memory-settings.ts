/** Settings held in memory for this run only (defaults, then whatever the UI changes). */
import { Settings, type SettingsPatch } from '../../contract/settings.js';
import type { SettingsAccess } from '../service/api-handlers.js';

/** Applies a validated patch: nested groups are merged, other fields replaced. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return Settings.parse({
    ...current,
    ...patch,
    history: { ...current.history, ...patch.history },
    notifications: { ...current.notifications, ...patch.notifications },
  });
}

export function memorySettings(initial: Settings = Settings.parse({})): SettingsAccess {
  let settings = initial;
  return {
    get: () => settings,
    update: (patch) => (settings = applySettingsPatch(settings, patch)),
  };
}
