/**
 * The host for bench/serve-load.ts, in a process of its own so its memory is the host's alone: the
 * browser host (main/server/server.ts) with the real Monitor and API handlers over a sampler whose
 * every sample replaces all its connections (large deltas), sampling every INTERVAL_MS. Prints
 * "ready PORT TOKEN", then one JSON line per second: process.memoryUsage(), the host's load, and
 * how long the event loop was blocked in that second (perf_hooks' monitorEventLoopDelay: its max and p99).
 *   node --import tsx bench/serve-load-host.ts CONNECTIONS INTERVAL_MS MAX_CLIENTS
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Monitor } from '../main/monitor/monitor.js';
import { startServer } from '../main/server/server.js';
import { churningSnapshots } from '../test/helpers/churning-snapshots.js';
import { monitorOnlyHandlers } from '../test/helpers/monitor-handlers.js';

const [connections, intervalMs, maxClients] = process.argv.slice(2).map(Number);
const monitor = new Monitor({ takeSnapshot: churningSnapshots(connections ?? 1000), intervalMs: intervalMs ?? 250 });
const handlers = monitorOnlyHandlers(monitor);
const server = await startServer({ staticDir: 'no-ui' /* the API and events only */, handlers, events: monitor, eventStream: { maxClients: maxClients ?? 128 } });
await monitor.sampleNow();
monitor.start();
console.log(`ready ${server.port} ${server.token}`);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
setInterval(() => {
  const loop = { loopMaxMs: loopDelay.max / 1e6, loopP99Ms: loopDelay.percentile(99) / 1e6 };
  loopDelay.reset();
  console.log(JSON.stringify({ ...process.memoryUsage(), ...server.load(), ...loop, seq: monitor.current.seq }));
}, 1000);
process.once('SIGTERM', () => {
  monitor.stop();
  void server.close().then(() => process.exit(0));
});
