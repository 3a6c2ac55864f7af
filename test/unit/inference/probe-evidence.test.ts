import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../contract/snapshot.js';
import { CHECK_2026_ID } from '../../../common/overview.js';
import { check2026Proof, withProbeEvidence } from '../../../main/core/inference/probe-evidence.js';
import { matchCommand } from '../../../main/core/catalog/index.js';
import { change, factor, probeReport } from '../../helpers/probe-builders.js';
import { tool } from '../../helpers/snapshot-builders.js';

const notFlagged: CheckResult = { id: CHECK_2026_ID, name: '2026 coding-CLI China check', flagged: false, statement: 'Would not be flagged', evidence: [], visibleTo: [] };

describe('probes as proof of the 2026 check', () => {
  it('takes covert changes under the zones, a proxy or a listed base-URL host the check looks at', () => {
    const report = probeReport({
      toolId: 'claude-code',
      factors: [
        factor('timezone', { 'Asia/Shanghai': [change('format')], 'Asia/Tokyo': [change('confusable')], 'Asia/Urumqi': [change('offset')] }),
        factor('system-timezone', { PRC: [change('invisible')] }),
        factor('base-url', { 'api.moonshot.cn': [change('confusable')], 'api.example.com': [change('confusable')] }, 'api.anthropic.com'),
        factor('proxy', { 'HTTPS_PROXY/HTTP_PROXY set': [change('whitespace'), change('text')] }, 'no proxy'),
        factor('locale', { 'zh_CN.UTF-8': [change('confusable')] }, 'en_US.UTF-8'),
      ],
    });
    const proof = check2026Proof([report]);
    expect(proof.map((p) => [p.factor, p.value, p.kinds])).toEqual([
      ['timezone', 'Asia/Shanghai', ['format']],
      ['system-timezone', 'PRC', ['invisible']],
      ['base-url', 'api.moonshot.cn', ['confusable']],
      ['proxy', 'HTTPS_PROXY/HTTP_PROXY set', ['whitespace']],
    ]);
    expect(proof[0]).toMatchObject({ toolId: 'claude-code', command: report.command, startedAt: report.startedAt, description: 'The tool could tell its vendor Asia/Shanghai.' });
  });

  it("uses each tool's latest probe, and none that failed", () => {
    const covert = probeReport({ toolId: 'claude-code', factors: [factor('timezone', { 'Asia/Shanghai': [change('format')] })] });
    const fixedLater = probeReport({ toolId: 'claude-code', startedAt: '2026-11-25T00:00:00.000Z', factors: [factor('timezone', { 'Asia/Shanghai': [] })] });
    expect(check2026Proof([covert, fixedLater])).toEqual([]);
    expect(check2026Proof([{ ...covert, error: 'no model request' }])).toEqual([]);
  });

  it('adds the proof to the 2026 check and counts the probes in the exposure, naming the tool', () => {
    const covert = probeReport({ toolId: 'claude-code', factors: [factor('timezone', { 'Asia/Shanghai': [change('format')] })] });
    const out = withProbeEvidence({ inferences: [], checks: [notFlagged] }, [covert], [tool({ id: 'claude-code', name: 'Claude Code' })]);
    expect(out.checks[0]?.probeProof).toHaveLength(1);
    expect(out.exposure).toMatchObject({ level: 'high', summary: 'High exposure: a probe found a covert channel in Claude Code.' });
    const none = withProbeEvidence({ inferences: [], checks: [notFlagged] }, [], []);
    expect(none.checks[0]).toEqual(notFlagged);
    expect(none.exposure.level).toBe('none');
  });
});

describe('the tool a probed command runs', () => {
  it('recognises the catalog tool from the program or the script an interpreter runs', () => {
    expect(matchCommand(['claude', '-p', 'hi'])).toBe('claude-code');
    expect(matchCommand(['/usr/bin/node', '/tmp/bin/claude.mjs', '--now', '2026-11-24T10:00:00Z'])).toBe('claude-code');
    expect(matchCommand(['/usr/local/bin/gemini', '--skip-trust', '-p', 'hi'])).toBe('gemini-cli');
    expect(matchCommand(['node', '/x/covert-tool.mjs'])).toBeNull();
    expect(matchCommand([])).toBeNull();
  });
});
