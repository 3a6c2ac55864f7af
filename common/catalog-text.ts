/**
 * What the catalog says about a tool, in the language in force: rendered from the snapshot's
 * messages, else (a snapshot written before they existed) the English text it carries.
 */
import type { TelemetryOptOut } from '../contract/catalog-text.js';
import type { Tool, ToolSetting } from '../contract/snapshot.js';
import type { Language } from './i18n/languages.js';
import { renderMessage } from './i18n/render.js';

export interface OptOutLine {
  text: string;
  /** A line to copy and run, for an env var or a flag. */
  command?: string;
}

/** "DISABLE_TELEMETRY=1". */
export const envAssignment = (o: Extract<TelemetryOptOut, { id: 'opt-out.env' }>) => `${o.variable}=${o.value}`;

function commandOf(o: TelemetryOptOut): string | undefined {
  if (o.id === 'opt-out.env') return `export ${envAssignment(o)}`;
  if (o.id === 'opt-out.flag') return `${o.program} ${o.flag}`;
  return undefined;
}

/** Each way to turn the tool's telemetry off, in the catalog's order. */
export function optOutLines(tool: Tool, language: Language): OptOutLine[] {
  const messages = tool.telemetryOptOutMessages;
  if (!messages) return (tool.telemetryOptOuts ?? []).map((text) => ({ text }));
  return messages.map((o) => {
    const command = commandOf(o);
    return { text: renderMessage(o, language), ...(command ? { command } : {}) };
  });
}

/** Why a setting matters, when the catalog says. */
export function settingNoteText(setting: ToolSetting, language: Language): string | undefined {
  return setting.noteMessage ? renderMessage(setting.noteMessage, language) : setting.note;
}

/** What to know about the tool beside what it reads, when the catalog says. */
export function toolNoteText(tool: Tool, language: Language): string | undefined {
  return tool.noteMessage ? renderMessage(tool.noteMessage, language) : tool.note;
}
