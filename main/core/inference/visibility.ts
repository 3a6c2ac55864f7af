/**
 * Which tools can see which signals. A tool sees a signal when its `canRead` covers how the signal
 * is obtained: time zone and locale come from the process (Intl) or its environment; env-derived
 * settings from the environment; config files, system proxy stores (dconf, kioslaverc, the macOS
 * and Windows settings stores) and resolv.conf from the file system.
 */
import type { Capability, Signal, Tool } from '../../../contract/snapshot.js';

/** Signals read from the process environment (or what it resolves to). */
function fromEnvironment(signal: Signal): boolean {
  switch (signal.kind) {
    case 'proxy':
      return signal.key.source === 'env' || signal.key.source === 'effective' || signal.key.source === 'no-proxy';
    case 'model-endpoint':
      return true;
    case 'identity':
      return signal.key.field === 'hostname' || signal.key.field === 'user';
    default:
      return false;
  }
}

export function capabilitiesFor(signal: Signal): Capability[] {
  if (signal.kind === 'timezone' || signal.kind === 'locale') return ['timezone', 'env'];
  if (fromEnvironment(signal)) return ['env'];
  // Registry and PAC settings may come from env vars (npm_config_registry, GOPROXY) or from files.
  if (signal.source.startsWith('env:')) return ['env'];
  return ['files'];
}

export function canReadSignal(tool: Tool, signal: Signal): boolean {
  return capabilitiesFor(signal).some((c) => tool.canRead.includes(c));
}

/** Tools present on the machine: installed or running. */
export function presentTools(tools: readonly Tool[]): Tool[] {
  return tools.filter((t) => t.installed || t.running);
}

/**
 * Tools that can draw an inference: those that can read at least one piece of its evidence.
 * "Any" rather than "all", because each piece on its own supports the inference (at a lower
 * confidence), and a privacy tool should not hide an exposure because one tool sees only part.
 */
export function visibleTo(evidence: readonly Signal[], tools: readonly Tool[]): string[] {
  return presentTools(tools)
    .filter((tool) => evidence.some((s) => canReadSignal(tool, s)))
    .map((t) => t.id);
}

/** Tools that can read at least one signal of every part (each part is needed for a verdict). */
export function visibleToAll(parts: ReadonlyArray<readonly Signal[]>, tools: readonly Tool[]): string[] {
  return presentTools(tools)
    .filter((tool) => parts.every((part) => part.some((s) => canReadSignal(tool, s))))
    .map((t) => t.id);
}
