/**
 * What the tool catalog says about a tool, as messages (rendered by common/i18n/render-catalog.ts):
 * how to turn its telemetry off, why a setting matters, what to know about the tool. Parameters are
 * facts: env vars, config files and keys, values as written in the file, the vendor's own UI labels.
 */
import { z } from 'zod';

/** A qualification of an opt-out, shown beside it. */
export const OptOutCaveat = z.enum([
  /** The value shown is already the default. */
  'is-default',
  /** Not verified against the tool's newer releases. */
  'unverified-newer',
  /** The switch's label was not verified: the text shown describes it. */
  'label-unverified',
  /** Reported in 2025 not to stop all of the tool's own reporting. */
  'partial-2025',
]);
export type OptOutCaveat = z.infer<typeof OptOutCaveat>;

const caveats = { caveats: z.array(OptOutCaveat).optional() };

/** One way to turn a tool's telemetry off. */
export const TelemetryOptOut = z.discriminatedUnion('id', [
  /** An env var in the tool's environment: DISABLE_TELEMETRY=1. */
  z.object({ id: z.literal('opt-out.env'), variable: z.string(), value: z.string(), ...caveats }),
  /** A key in a config file (a dotted path, as the tool's settings are named); value as written in the file. */
  z.object({ id: z.literal('opt-out.config'), file: z.string(), key: z.string(), value: z.string(), ...caveats }),
  /** A key in the editor's settings (its Settings UI or settings.json); value as the Settings UI shows it. */
  z.object({ id: z.literal('opt-out.editor-setting'), key: z.string(), value: z.string(), ...caveats }),
  /** A flag to start the program with. */
  z.object({ id: z.literal('opt-out.flag'), program: z.string(), flag: z.string(), ...caveats }),
  /** A switch in the app's own settings UI: the path through it and the switch's label, as the vendor writes them. */
  z.object({ id: z.literal('opt-out.app-switch'), path: z.array(z.string()).min(1), label: z.string(), on: z.boolean(), ...caveats }),
  /** A switch on the vendor's web page (host and path, no scheme), its label as the vendor writes it. */
  z.object({ id: z.literal('opt-out.web-switch'), page: z.string(), label: z.string(), on: z.boolean(), ...caveats }),
]).meta({ id: 'TelemetryOptOut' });
export type TelemetryOptOut = z.infer<typeof TelemetryOptOut>;

/** Why a setting in a tool's config matters (ToolSetting.noteMessage). */
export const SettingNote = z.discriminatedUnion('id', [
  z.object({ id: z.literal('setting-note.editor-proxy') }),
  /** levels: the values the setting takes. */
  z.object({ id: z.literal('setting-note.editor-telemetry-level'), levels: z.array(z.string()).min(1) }),
  z.object({ id: z.literal('setting-note.legacy-telemetry') }),
  z.object({ id: z.literal('setting-note.base-url') }),
  /** vendor: whose API the requests would otherwise go to. */
  z.object({ id: z.literal('setting-note.base-url.instead-of'), vendor: z.string() }),
  z.object({ id: z.literal('setting-note.base-url.of-tool'), tool: z.string() }),
  /** api: the API the requests follow ("OpenAI"-compatible). */
  z.object({ id: z.literal('setting-note.base-url.compatible'), api: z.string() }),
  z.object({ id: z.literal('setting-note.tool-proxy'), tool: z.string() }),
  z.object({ id: z.literal('setting-note.uses-editor-proxy'), tool: z.string() }),
  z.object({ id: z.literal('setting-note.follows-editor-telemetry'), tool: z.string() }),
  z.object({ id: z.literal('setting-note.session-env'), tool: z.string() }),
  z.object({ id: z.literal('setting-note.loaded-into-env'), tool: z.string() }),
  /** table: the config table whose entry is picked ("model_providers"). */
  z.object({ id: z.literal('setting-note.model-provider'), table: z.string() }),
  z.object({ id: z.literal('setting-note.usage-statistics'), host: z.string() }),
  z.object({ id: z.literal('setting-note.older-layout') }),
  /** oauth: the sign-in's own value; api: the API whose keys it also takes. */
  z.object({ id: z.literal('setting-note.sign-in'), oauth: z.string(), api: z.string() }),
  z.object({ id: z.literal('setting-note.session-sharing'), host: z.string() }),
]).meta({ id: 'SettingNote' });
export type SettingNote = z.infer<typeof SettingNote>;

/** What to know about a tool beside what it reads (Tool.noteMessage); each says that extensions share its access. */
export const ToolNote = z.discriminatedUnion('id', [
  /** An editor: extensions run with its rights. */
  z.object({ id: z.literal('tool-note.editor') }),
  /** An extension in the editor's extension host; only its language server shows as a process. */
  z.object({ id: z.literal('tool-note.extension-host') }),
  z.object({ id: z.literal('tool-note.in-editor') }),
  /** An IDE built on another editor ("VS Code"). */
  z.object({ id: z.literal('tool-note.ide-based-on'), base: z.string() }),
  /** Plugins for editors, and an IDE of its own. */
  z.object({ id: z.literal('tool-note.plugins-and-ide'), editors: z.array(z.string()).min(1), ide: z.string() }),
]).meta({ id: 'ToolNote' });
export type ToolNote = z.infer<typeof ToolNote>;
