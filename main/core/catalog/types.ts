import type { SettingNote, TelemetryOptOut, ToolNote } from '../../../contract/catalog-text.js';
import type { Capability, ToolSetting } from '../../../contract/snapshot.js';

/** The platforms the catalog knows paths for; any other Unix is treated like linux. */
export type CatalogPlatform = 'linux' | 'darwin' | 'win32';

/**
 * A path template, the same on every platform (string) or one per platform. Templates may start with
 * "~/" (the home directory), "%VAR%" (a Windows env var such as %APPDATA%) or "$XDG_CONFIG_HOME";
 * a final segment may contain "*" (e.g. "~/.vscode/extensions/github.copilot-*").
 */
export type PathSpec = string | Partial<Record<CatalogPlatform, string>>;

export type ConfigFormat = 'json' | 'jsonc' | 'toml' | 'yaml' | 'ini' | 'env';

export type SettingKind = ToolSetting['kind'];

export interface SettingSpec {
  /**
   * Dotted key path into the parsed file. A segment "*" matches every key (or array index) at that
   * level; keys that themselves contain dots (VS Code's "http.proxy") are matched as written.
   */
  key: string;
  kind: SettingKind;
  /** Why it matters, when the kind alone does not say. */
  note?: SettingNote;
}

export interface ConfigSpec {
  path: PathSpec;
  format: ConfigFormat;
  /** In order: a concrete key is reported once, by the first spec that matches it. */
  settings: SettingSpec[];
}

export interface Recognition {
  /** Exact executable names, compared case-insensitively and without a Windows ".exe". */
  processNames: string[];
  /** Matched against the full command line (interpreter scripts, app-bundle paths, package paths). */
  commandPatterns: RegExp[];
}

export interface InstallHints {
  /** Files or folders under (or relative to) the home directory, e.g. "~/.claude". */
  homePaths: PathSpec[];
  /** Executable names looked up on PATH (PATHEXT is tried on Windows). */
  bins: string[];
  /** Application folders, usually per platform, e.g. { darwin: "/Applications/Cursor.app" }. */
  appPaths: PathSpec[];
}

export interface ToolDefinition {
  id: string;
  name: string;
  vendor: string;
  recognise: Recognition;
  install: InstallHints;
  configs: ConfigSpec[];
  /** Hosts it talks to ("*." marks a family of subdomains). */
  endpoints: string[];
  /** Each way to turn its telemetry off: the exact env var, setting, flag or switch. */
  telemetryOptOuts: TelemetryOptOut[];
  canRead: Capability[];
  /** Env vars it honours (base URLs, proxies, telemetry switches). */
  envVars: string[];
  /** Anything the UI should say alongside, e.g. that extensions share the editor's access. */
  note?: ToolNote;
}
