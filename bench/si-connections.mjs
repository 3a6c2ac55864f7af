#!/usr/bin/env node
/**
 * Baseline for bench/snapshot.ts: what a whole process costs that lists connections and processes
 * through systeminformation (the portable library Telltale falls back to), doing nothing else.
 * Prints the counts, so the caller can discard or check them.
 */
import si from 'systeminformation';

const [connections, processes] = await Promise.all([si.networkConnections(), si.processes()]);
process.stdout.write(`${connections.length} connections, ${processes.list.length} processes\n`);
