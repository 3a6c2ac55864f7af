/**
 * The user's settings, persisted as JSON in the config dir and validated with this schema on every
 * read and write. Every field has a default, so an older or partial file still loads.
 */
import { z } from 'zod';
import { LANGUAGES } from '../common/i18n/languages.js';
import { ReasonCause } from './reason.js';

export const NotificationRule = z.enum([
  /** The exposure level rose. */
  'exposure-rose',
  /** An AI coding tool started. */
  'tool-started',
  /** A tool connected to a country or organisation it had not contacted before. */
  'new-destination',
  /** A tool can newly infer something (e.g. your country). */
  'inference-gained',
]);
export type NotificationRule = z.infer<typeof NotificationRule>;

/** The language Telltale speaks: one it knows, or 'system' (the locale: LC_ALL, LC_MESSAGES, LANG, the app's). */
export const LanguageSetting = z.enum(['system', ...LANGUAGES]);
export type LanguageSetting = z.infer<typeof LanguageSetting>;

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(150).max(20000),
});

export const Settings = z.object({
  /** Seconds between full samples. */
  intervalSeconds: z.number().min(1).max(3600).default(5),
  paused: z.boolean().default(false),
  history: z
    .object({
      enabled: z.boolean().default(true),
      retentionDays: z.number().int().min(1).max(3650).default(30),
      maxSizeMb: z.number().int().min(10).max(100_000).default(200),
    })
    .prefault({}),
  notifications: z
    .object({
      enabled: z.boolean().default(true),
      /** Rules that are muted. */
      mutedRules: z.array(NotificationRule).default([]),
      /** Tool ids that never notify. */
      mutedTools: z.array(z.string().max(200)).max(500).default([]),
    })
    .prefault({}),
  /** Linux: capture every TCP attempt via tracefs (needs root or the capture helper). */
  preciseCapture: z.boolean().default(false),
  launchAtLogin: z.boolean().default(false),
  windowBounds: WindowBounds.nullable().default(null),
  language: LanguageSetting.default('system'),
});
export type Settings = z.infer<typeof Settings>;

/** What the UI may change in one call: any subset, nested objects merged. */
export const SettingsPatch = z
  .object({
    intervalSeconds: Settings.shape.intervalSeconds.unwrap(),
    paused: z.boolean(),
    history: z
      .object({ enabled: z.boolean(), retentionDays: z.number().int().min(1).max(3650), maxSizeMb: z.number().int().min(10).max(100_000) })
      .partial()
      .strict(),
    notifications: z
      .object({ enabled: z.boolean(), mutedRules: z.array(NotificationRule), mutedTools: z.array(z.string().max(200)).max(500) })
      .partial()
      .strict(),
    preciseCapture: z.boolean(),
    launchAtLogin: z.boolean(),
    windowBounds: WindowBounds.nullable(),
    language: LanguageSetting,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Why the settings file was not used. detail: what the JSON parser or the schema said, verbatim. */
export const SettingsFileFault = z.discriminatedUnion('id', [
  z.object({ id: z.literal('settings-fault.unreadable'), cause: ReasonCause }),
  z.object({ id: z.literal('settings-fault.not-json'), detail: z.string() }),
  z.object({ id: z.literal('settings-fault.invalid'), detail: z.string() }),
]);
export type SettingsFileFault = z.infer<typeof SettingsFileFault>;

/** What went wrong with the settings file, as a message (SettingsStatus.problem is its English rendering). error: the OS's message. */
export const SettingsProblem = z.discriminatedUnion('id', [
  z.object({ id: z.literal('settings-problem.moved-aside'), fault: SettingsFileFault, aside: z.string() }),
  z.object({ id: z.literal('settings-problem.not-moved'), fault: SettingsFileFault, error: z.string() }),
  z.object({ id: z.literal('settings-problem.not-watched'), error: z.string() }),
]);
export type SettingsProblem = z.infer<typeof SettingsProblem>;

/** Whether the settings file is in use, and what went wrong with it (the UI shows `problemMessage`, else `problem`). */
export const SettingsStatus = z.object({
  /** The settings file, null when settings live in memory only. */
  file: z.string().nullable(),
  /** Why the file could not be read or written (malformed, invalid, not a regular file, ...), null when fine. */
  problem: z.string().nullable(),
  /** Where a bad file was moved so nothing is lost, null when none was. */
  keptAside: z.string().nullable(),
  /** `problem` as a message, rendered in the language in force (absent from older servers). */
  problemMessage: SettingsProblem.optional(),
});
export type SettingsStatus = z.infer<typeof SettingsStatus>;
