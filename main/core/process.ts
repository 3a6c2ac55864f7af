/** A process as the sampler saw it; the catalog recognises tools from these. */
export interface ProcessInfo {
  pid: number;
  ppid: number | null;
  /** Executable base name, e.g. "node", "claude", "Cursor Helper". */
  name: string;
  /** Full command line, arguments joined by spaces ("" when it could not be read). */
  command: string;
  user?: string | null;
  /** When it started (ISO 8601), where the source says. */
  startedAt?: string | null;
}
