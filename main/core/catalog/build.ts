import type { Tool, ToolSetting } from '../../../contract/snapshot.js';
import { renderMessage } from '../../../common/i18n/render.js';
import type { ToolDefinition } from './types.js';

const rank = (tool: Tool): number => (tool.running ? 0 : tool.installed ? 1 : 2);

/**
 * Contract Tool objects for every catalog entry, running first, then installed, then absent
 * (each group by name). `inferences` is left empty for the inference stage to fill.
 */
export function buildTools(
  definitions: readonly ToolDefinition[],
  running: ReadonlyMap<string, readonly number[]>,
  installed: ReadonlyMap<string, readonly string[]>,
  settings: ReadonlyMap<string, readonly ToolSetting[]>,
): Tool[] {
  return definitions
    .map((def): Tool => {
      const pids = [...(running.get(def.id) ?? [])];
      const evidence = [...(installed.get(def.id) ?? [])];
      const found = settings.get(def.id) ?? [];
      return {
        id: def.id,
        name: def.name,
        vendor: def.vendor,
        running: pids.length > 0,
        pids,
        // a running tool is installed even when it sits somewhere the catalog does not look
        installed: evidence.length > 0 || pids.length > 0,
        ...(evidence.length ? { installEvidence: evidence } : {}),
        canRead: [...def.canRead],
        endpoints: [...def.endpoints],
        inferences: [],
        ...(found.length ? { settings: [...found] } : {}),
        ...(def.telemetryOptOuts.length
          ? { telemetryOptOuts: def.telemetryOptOuts.map((o) => renderMessage(o, 'en')), telemetryOptOutMessages: [...def.telemetryOptOuts] }
          : {}),
        ...(def.note ? { note: renderMessage(def.note, 'en'), noteMessage: def.note } : {}),
      };
    })
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'en'));
}
