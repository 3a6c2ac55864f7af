import type { Connection, Inference, Tool } from '../../../contract/snapshot.js';
import { toolsByPresence } from '../../../common/tools.js';
import type { Language } from '../../../common/i18n/languages.js';
import { translator } from '../../../common/i18n/translate.js';
import { formatNumber } from './count.js';

/** Tools found on this machine (running first, then by name), and those not found. */
export function partitionTools(tools: readonly Tool[]): { present: Tool[]; absent: Tool[] } {
  const { running, installed, absent } = toolsByPresence(tools);
  return { present: [...running, ...installed], absent };
}

/** "running", "running (3 processes)", "installed" or "not found", in `language`. */
export function toolPresence(tool: Tool, language: Language): string {
  const t = translator(language);
  if (tool.running) return tool.pids.length > 1 ? t('apps.running-processes', { count: formatNumber(tool.pids.length, language) }) : t('apps.running');
  return tool.installed ? t('apps.installed') : t('apps.not-found');
}

export function inferencesVisibleTo(inferences: readonly Inference[], toolId: string): Inference[] {
  return inferences.filter((inference) => inference.visibleTo.includes(toolId));
}

export function connectionsOf(connections: readonly Connection[], toolId: string): Connection[] {
  return connections.filter((connection) => connection.toolId === toolId);
}

/** Tool names for ids, falling back to the id for a tool the snapshot does not list. */
export function toolNames(ids: readonly string[], tools: readonly Tool[]): string[] {
  const names = new Map(tools.map((tool) => [tool.id, tool.name]));
  return ids.map((id) => names.get(id) ?? id);
}
