/**
 * `telltale watch --precise`: every outbound TCP attempt, as it happens, from the tracefs capture
 * (main/adapters/trace-capture.ts). The tool is recognised once per pid from its command line,
 * read from /proc while the process is alive and redacted; a process that already exited keeps
 * the comm the kernel reported.
 */
import { readFileSync } from 'node:fs';
import { startTraceCapture } from '../adapters/trace-capture.js';
import { matchProcess } from '../core/catalog/index.js';
import { nameAndCommand } from '../core/connections/proc-pid.js';
import type { ConnectionEvent } from '../core/connections/trace-events.js';
import { redactText } from '../core/secrets/policy.js';
import type { CliIo } from './args.js';

interface Who {
  command: string | null;
  tool: string | null;
}

function lookUp(pid: number, comm: string): Who {
  let raw: string | null = null;
  try {
    raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // exited: the comm is all there is
  }
  const { name, command } = nameAndCommand(comm, raw);
  const redacted = command ? redactText(command) : null;
  return { command: redacted, tool: matchProcess({ pid, ppid: null, name, command: redacted ?? '' }) };
}

function endpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** One line of text for a connection event. */
export function formatConnectionEvent(event: ConnectionEvent, who: Who): string {
  const elapsed = event.elapsed === undefined ? '' : ` after ${(event.elapsed * 1000).toFixed(1)} ms`;
  const tool = who.tool ? ` (${who.tool})` : '';
  return `[${event.timestamp.toFixed(6)}] tcp ${event.type} ${event.comm} pid ${event.pid}${tool} -> ${endpoint(event.remoteAddress, event.remotePort)}${elapsed}`;
}

/** One JSON line: {"type":"tcp","event":"attempt",...}. */
function tcpJson({ type, ...rest }: ConnectionEvent, who: Who): string {
  return JSON.stringify({ type: 'tcp', event: type, ...rest, tool: who.tool, command: who.command });
}

/** Starts the precise capture, printing each event; null (after saying why, once) when unavailable. */
export async function startPrecise(io: CliIo, json: boolean): Promise<(() => Promise<void>) | null> {
  const cache = new Map<number, Who>();
  const result = await startTraceCapture({
    onEvent: (event) => {
      let who = cache.get(event.pid);
      if (!who) {
        who = lookUp(event.pid, event.comm);
        cache.set(event.pid, who);
        if (cache.size > 4096) cache.delete(cache.keys().next().value!);
      }
      io.stdout.write(
        json ? `${tcpJson(event, who)}\n` : `${formatConnectionEvent(event, who)}\n`,
      );
    },
    onError: (error) => void io.stderr.write(`telltale: precise capture failed: ${error.message}\n`),
  });
  if ('unavailable' in result) {
    io.stderr.write(`telltale: precise capture unavailable, polling only: ${result.unavailable}\n`);
    return null;
  }
  return () => result.stop();
}
