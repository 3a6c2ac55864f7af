#!/usr/bin/env node
/**
 * Load for the benchmarks: holds N TCP connections to a loopback server it runs itself, so the
 * machine has 2N (+1 listening) more sockets, all owned by this one process.
 *
 *   bash -c 'ulimit -n 30000 && exec node bench/hold-connections.mjs 5000'
 *
 * Prints "ready <sockets> <pid>" once every connection is established on both ends, then waits.
 * Exits when its parent goes away (stdin closes, or the parent pid changes), so a crashed benchmark
 * leaves nothing behind, resetting its connections so none linger in TIME_WAIT. Arguments after N are ignored: bench/cmdline.ts pads the command line with
 * them. Plain JavaScript, so it starts without a TypeScript loader.
 */
import net from 'node:net';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 0) {
  console.error(`usage: hold-connections.mjs N [ignored padding...]; got "${process.argv[2]}"`);
  process.exit(2);
}

// Opening all at once would overflow the listen backlog; a few hundred in flight is quick enough.
const IN_FLIGHT = 256;
const parent = process.ppid;
const clients = [];
const accepted = [];
let connected = 0;
let started = 0;

function fail(message) {
  console.error(`hold-connections: ${message}`);
  process.exit(1);
}

function maybeReady() {
  if (connected === count && accepted.length === count) {
    process.stdout.write(`ready ${2 * count + 1} ${process.pid}\n`);
  }
}

const server = net.createServer((socket) => {
  socket.on('error', () => undefined);
  accepted.push(socket);
  maybeReady();
});
server.on('error', (error) => fail(`server: ${error.message}`));

function openNext(port) {
  if (started >= count) return;
  started++;
  const socket = net.connect({ port, host: '127.0.0.1' }, () => {
    connected++;
    maybeReady();
    openNext(port);
  });
  socket.on('error', (error) => fail(`connection ${clients.length}: ${error.message}`));
  clients.push(socket);
}

server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  const { port } = server.address();
  if (count === 0) maybeReady();
  for (let i = 0; i < Math.min(IN_FLIGHT, count); i++) openNext(port);
});

// Closing with RST (SO_LINGER 0) leaves no TIME_WAIT rows behind to inflate the next benchmark's
// socket count, as a plain close of both ends would (for 60 s).
function shutdown() {
  for (const socket of [...clients, ...accepted]) socket.resetAndDestroy();
  setImmediate(() => process.exit(0));
}

// The parent holds our stdin: when it exits (even killed), stdin ends.
process.stdin.on('end', shutdown);
process.stdin.on('error', shutdown);
process.stdin.resume();
setInterval(() => {
  if (process.ppid !== parent) shutdown();
}, 1000);
process.on('SIGTERM', shutdown);
