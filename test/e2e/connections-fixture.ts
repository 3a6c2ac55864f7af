/**
 * Real connections for the Connections view's specs: a listening socket on loopback, a loopback
 * connection of this process's own, and a child that the catalog takes for the Codex CLI holding
 * another (with a secret on its command line), plus checks both specs run on the view.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { stopChild } from './live-fixture.js';
import { forEachScreen } from './page-checks.js';

export const SECRET = 'hunter2-e2e-secret';

export interface HeldConnections {
  /** A scratch directory (the Codex stand-in's script lives under it; HOME and state may go there too). */
  root: string;
  port: number;
  codex: ChildProcess;
  /** A new loopback connection to the port (two more sockets: both ends). */
  connectLate(): Promise<Socket>;
  close(): Promise<void>;
}

/** A child whose script lives where the Codex CLI's does, holding a connection to 127.0.0.1:port. */
async function holdAsCodex(dir: string, port: number): Promise<ChildProcess> {
  const script = join(dir, 'node_modules', '@openai', 'codex', 'bin', 'codex.cjs');
  await mkdir(join(script, '..'), { recursive: true });
  await writeFile(script, `require('net').connect(Number(process.argv[2]), '127.0.0.1', () => console.log('connected')).on('error', () => process.exit(1)); setInterval(() => {}, 1e6);`);
  const child = spawn(process.execPath, [script, String(port), `--api-key=${SECRET}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('connected') && resolve());
    child.once('exit', (code) => reject(new Error(`the Codex stand-in exited ${String(code)}`)));
  });
  return child;
}

export async function holdConnections(prefix: string): Promise<HeldConnections> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const accepted = new Set<Socket>();
  const server: Server = createServer((socket) => {
    accepted.add(socket);
    socket.on('error', () => undefined).on('close', () => accepted.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const connectLate = () =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket)).on('error', reject);
    });
  const client = await connectLate();
  const codex = await holdAsCodex(root, port);
  return {
    root,
    port,
    codex,
    connectLate,
    async close() {
      await stopChild(codex);
      client.destroy();
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * For each screen the view is checked at (page-checks.ts's sizes, light and dark): opens it with
 * `open`, checks that no cell is cut and that only the table's box scrolls sideways (not the
 * page), and writes a screenshot to `<dir>/<name>-<w>x<h>-<scheme>.png`.
 */
export async function checkScreens(page: Page, open: () => Promise<void>, dir: string, name: string): Promise<void> {
  await forEachScreen(page, async ({ width, height, colorScheme }) => {
    await open();
    expect(await cutCells(page), `cut cells at ${width}x${height}`).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: join(dir, `${name}-${width}x${height}-${colorScheme}.png`) });
  });
}

/** Cells (and headers) of the view whose text does not fit: scrollWidth beyond clientWidth. */
function cutCells(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.querySelectorAll('.connections [role=cell], .connections [role=columnheader], .connections td, .connections th')]
    .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
    .map((cell) => cell.textContent.slice(0, 60) + ' (' + cell.scrollWidth + ' > ' + cell.clientWidth + ')')`);
}

