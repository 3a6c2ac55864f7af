/** A real `telltale serve` as a child process, and calls to its API, for integration tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { HostAddress } from './sse.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));

export interface ServeChild {
  child: ChildProcess;
  host: HostAddress;
  /** What it wrote to stderr so far. */
  stderr: () => string;
}

/** Starts `telltale serve` with exactly `env` and waits for the address it prints. */
export async function startServe(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ServeChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const host = await new Promise<HostAddress>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no address: ${out} ${stderr}`)), timeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out);
      if (!found) return;
      clearTimeout(timer);
      resolve({ port: Number(found[1]), token: found[2] as string });
    });
  });
  return { child, host, stderr: () => stderr };
}

/** POSTs an API call; resolves with the body text of a 200 answer, rejects with any other. */
export function postApi(host: HostAddress, name: string, body: unknown = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${name}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode}: ${text}`))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
