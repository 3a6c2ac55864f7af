import { execFile } from 'node:child_process';
import { lstat, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsResponder, type DnsResponder } from '../../main/probe/dns-responder.js';
import { renderMessage } from '../../common/i18n/render.js';
import { DNS_SOCKET, startIsolation, type Isolation } from '../../main/probe/isolation.js';
import { caughtReach } from '../../main/probe/reach-events.js';

/** Runs a command wrapped by the isolation; its exit code and output. */
function run(command: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const [file, ...args] = command;
    execFile(file ?? '', args, { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const script = (code: string) => [process.execPath, '-e', code];

let dir: string;
let isolation: Isolation | null = null;
let dns: DnsResponder | null = null;
let unavailable: string | null = null;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-isolation-'));
  const started = await startIsolation(dir, [], process.env.PATH ?? '');
  if (!started.ok) unavailable = renderMessage(started.problem, 'en');
  else {
    isolation = started.isolation;
    unavailable = isolation.mountUnavailable && renderMessage(isolation.mountUnavailable, 'en');
    if (unavailable === null) dns = await startDnsResponder(path.join(dir, DNS_SOCKET));
  }
  if (unavailable) console.warn(`isolation tests skipped: ${unavailable}`);
});
afterAll(async () => {
  await dns?.close();
  await isolation?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The host's /etc entries the runs overlay, as the host sees them. */
async function hostEtc(): Promise<Array<string | null>> {
  return Promise.all(
    ['localtime', 'timezone', 'resolv.conf'].map(async (name) => {
      const file = path.join('/etc', name);
      try {
        const stat = await lstat(file);
        return stat.isSymbolicLink() ? `link ${await readlink(file)}` : `file ${await readFile(file, 'utf8')}`;
      } catch (error) {
        return `missing ${(error as NodeJS.ErrnoException).code ?? ''}`;
      }
    }),
  );
}

describe('probe isolation: system zone, resolver, caught connects', { timeout: 60_000 }, () => {
  it("gives a run the variant's zone as its system zone, in its namespace only", async (ctx) => {
    if (!isolation || unavailable) return ctx.skip();
    const before = await hostEtc();
    const inside = await run(
      await isolation.wrap(
        script(
          "const fs = require('node:fs'); console.log(JSON.stringify({ link: fs.readlinkSync('/etc/localtime'), name: fs.readFileSync('/etc/timezone', 'utf8').trim(), " +
            "resolv: fs.readFileSync('/etc/resolv.conf', 'utf8'), intl: Intl.DateTimeFormat().resolvedOptions().timeZone, passwd: fs.existsSync('/etc/passwd') }))",
        ),
        { systemZone: 'Asia/Shanghai', connectsFile: path.join(dir, 'c0.jsonl') },
      ),
    );
    expect(inside.stderr).toBe('');
    const seen = JSON.parse(inside.stdout) as Record<string, unknown>;
    expect(seen).toMatchObject({ link: '/usr/share/zoneinfo/Asia/Shanghai', name: 'Asia/Shanghai', passwd: true });
    expect(seen.resolv).toMatch(/^nameserver 127\.0\.0\.1$/m);
    // Node's Intl (ICU) reads the link when TZ is unset (execFile passes the test's env; drop TZ).
    if (!process.env.TZ) expect(seen.intl).toBe('Asia/Shanghai');
    // The host's files are as they were, during and after the run.
    expect(await hostEtc()).toEqual(before);
  });

  it('answers every name NXDOMAIN and notes the question', async (ctx) => {
    if (!isolation || !dns || unavailable) return ctx.skip();
    const asked = dns.questions().length;
    const inside = await run(
      await isolation.wrap(
        script("require('node:dns').lookup('update.fake-vendor.example', (e) => { console.log(e ? e.code : 'resolved'); })"),
        { systemZone: 'UTC', connectsFile: path.join(dir, 'c1.jsonl') },
      ),
    );
    expect(inside.stdout.trim()).toBe('ENOTFOUND');
    expect(dns.questions().slice(asked).map((q) => q.name)).toContain('update.fake-vendor.example');
  });

  it('notes a direct connect to an IP on port 443 and refuses it at once', async (ctx) => {
    if (!isolation || unavailable) return ctx.skip();
    const connectsFile = path.join(dir, 'c2.jsonl');
    const inside = await run(
      await isolation.wrap(
        script("const s = require('node:net').connect(443, '198.51.100.23'); s.on('error', (e) => console.log(e.code)); s.on('close', () => console.log('closed'));"),
        { systemZone: 'UTC', connectsFile },
      ),
    );
    expect(inside.stdout).toMatch(/closed/);
    expect(await caughtReach(connectsFile)).toEqual([{ host: '198.51.100.23', port: 443, via: 'direct-connect' }]);
    // Another port: refused at once, not noted.
    const other = path.join(dir, 'c3.jsonl');
    const refused = await run(
      await isolation.wrap(script("require('node:net').connect(8443, '198.51.100.23').on('error', (e) => console.log(e.code))"), {
        systemZone: 'UTC',
        connectsFile: other,
      }),
    );
    expect(refused.stdout.trim()).toBe('ECONNREFUSED');
    expect(await caughtReach(other)).toEqual([]);
  });
});
