import type { Tool } from '../contract/snapshot.js';

/** The tools by presence, each group by name: running, installed but not running, not found. */
export function toolsByPresence(tools: readonly Tool[]): { running: Tool[]; installed: Tool[]; absent: Tool[] } {
  const sorted = [...tools].sort((a, b) => a.name.localeCompare(b.name));
  return {
    running: sorted.filter((tool) => tool.running),
    installed: sorted.filter((tool) => !tool.running && tool.installed),
    absent: sorted.filter((tool) => !tool.running && !tool.installed),
  };
}
