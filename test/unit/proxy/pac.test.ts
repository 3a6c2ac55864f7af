import { renderReason } from '../../../common/i18n/render-reason.js';
import { describe, expect, it } from 'vitest';
import { evaluatePacOffThread } from '../../../main/adapters/pac-worker.js';
import { PAC_TARGET, PAC_TIMEOUT_MS, pacResultMeta } from '../../../main/core/proxy/index.js';
import { readFileSync } from 'node:fs';
import { proxyFixture } from './fixtures.js';
import { CORPUS_DIR } from '../../corpus/bad-input/cases.js';

const readCorpus = (name: string) => readFileSync(`${CORPUS_DIR}/${name}`, 'utf8');

/** The sandbox as samplers use it: off the main thread, for PAC_TARGET unless told. */
const evaluatePac = (script: string, url = PAC_TARGET, timeoutMs = PAC_TIMEOUT_MS) => evaluatePacOffThread(script, url, timeoutMs);

describe('evaluatePac', () => {
  it('evaluates a PAC for api.anthropic.com', async () => {
    expect(await evaluatePac(proxyFixture('corp.pac'))).toEqual({ ok: true, result: 'PROXY p.corp.example.cn:8080; DIRECT' });
  });

  it('answers for another URL (internal host goes direct)', async () => {
    expect(await evaluatePac(proxyFixture('corp.pac'), 'https://git.corp.example.cn/')).toEqual({ ok: true, result: 'DIRECT' });
  });

  it('matches isInNet on IP literals without resolving names', async () => {
    const pac = 'function FindProxyForURL(u, h) { return isInNet(h, "10.0.0.0", "255.0.0.0") ? "DIRECT" : "PROXY p:1 " + dnsResolve(h) + " " + myIpAddress(); }';
    expect(await evaluatePac(pac, 'http://10.1.2.3/')).toEqual({ ok: true, result: 'DIRECT' });
    expect(await evaluatePac(pac, 'https://api.anthropic.com/')).toEqual({ ok: true, result: 'PROXY p:1 null 127.0.0.1' });
  });

  it('stops a looping PAC and reports it', async () => {
    const outcome = await evaluatePac(proxyFixture('looping.pac'), undefined, 200);
    expect(outcome).toMatchObject({ ok: false, reason: { id: 'reason.pac.timed-out', limitMs: 200 } });
    expect(!outcome.ok && renderReason(outcome.reason, 'en')).toMatch(/^PAC script failed: did not finish within 200 ms \(stopped after \d+ ms\)$/);
  });

  it('reports a PAC whose promise never settles, instead of ending the process', async () => {
    const outcome = await evaluatePac(readCorpus('pac-never-settles.pac'));
    expect(outcome).toEqual({ ok: false, reason: { id: 'reason.pac.never-settled' } });
  });

  it('stops a PAC that allocates without bound (the sandbox memory cap, or the deadline)', async () => {
    const outcome = await evaluatePac(readCorpus('pac-allocates.pac'), PAC_TARGET, 500);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(renderReason(outcome.reason, 'en')).toMatch(/^PAC script failed: .*(out of memory|did not finish within 500 ms)/);
  });

  it('reports a throwing PAC and a syntax error', async () => {
    expect(await evaluatePac(proxyFixture('throwing.pac'))).toEqual({ ok: false, reason: { id: 'reason.pac.failed', detail: 'no proxy for api.anthropic.com' } });
    const garbage = await evaluatePac('function FindProxyForURL( {');
    expect(garbage.ok).toBe(false);
  });
});

describe('pacResultMeta', () => {
  it('takes the first proxy of the answer', () => {
    expect(pacResultMeta('PROXY p.corp:8080; DIRECT')).toEqual({ host: 'p.corp', port: 8080, scheme: 'http' });
    expect(pacResultMeta('SOCKS5 127.0.0.1:1080')).toEqual({ host: '127.0.0.1', port: 1080, scheme: 'socks5' });
    expect(pacResultMeta('DIRECT')).toEqual({ host: null, port: null, scheme: null });
  });
});
