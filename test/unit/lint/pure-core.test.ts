/** The core code that used node:net and node:path before the boundary rule behaves as it did. */
import { describe, expect, it } from 'vitest';
import { commandFor } from '../../../main/core/inference/advice.js';
import { evaluatePacOffThread } from '../../../main/adapters/pac-worker.js';
import { isIpLiteral } from '../../../main/core/knowledge/domains.js';
import { tool } from '../../helpers/snapshot-builders.js';

describe('core without node:net and node:path', () => {
  it('tells IP literals from host names, bracketed IPv6 and zones included', () => {
    for (const host of ['10.0.0.1', '::1', '[2001:db8::1]', 'fe80::1%eth0', '::ffff:1.2.3.4']) expect(isIpLiteral(host)).toBe(true);
    for (const host of ['api.anthropic.com', 'localhost', '1.2.3', '1.2.3.256', '']) expect(isIpLiteral(host)).toBe(false);
  });

  it('matches isInNet only for IPv4 literals and valid masks', async () => {
    const evaluatePac = (script: string) => evaluatePacOffThread(script, 'https://api.anthropic.com/', 2000);
    const pac = (expr: string) => `function FindProxyForURL(u, h) { return (${expr}) ? "DIRECT" : "PROXY p:1"; }`;
    expect(await evaluatePac(pac('isInNet("10.1.2.3", "10.0.0.0", "255.0.0.0")'))).toEqual({ ok: true, result: 'DIRECT' });
    expect(await evaluatePac(pac('isInNet("11.1.2.3", "10.0.0.0", "255.0.0.0")'))).toEqual({ ok: true, result: 'PROXY p:1' });
    expect(await evaluatePac(pac('isInNet("200.1.2.3", "200.0.0.0", "255.255.0.0")'))).toEqual({ ok: true, result: 'PROXY p:1' });
    expect(await evaluatePac(pac('isInNet("200.0.2.3", "200.0.0.0", "255.255.0.0")'))).toEqual({ ok: true, result: 'DIRECT' });
    expect(await evaluatePac(pac('isInNet("intranet", "10.0.0.0", "255.0.0.0") || isResolvable("intranet")'))).toEqual({ ok: true, result: 'PROXY p:1' });
  });

  it('takes the command from the file name on PATH, with either separator', () => {
    expect(commandFor(tool({ installEvidence: ['~/.local/bin/claude (on PATH)'] }))).toBe('claude');
    expect(commandFor(tool({ id: 'codex-cli', installEvidence: ['C:\\Users\\dev\\AppData\\Roaming\\npm\\codex.cmd (on PATH)'] }))).toBe('codex');
  });
});
