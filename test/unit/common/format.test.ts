import { describe, expect, it } from 'vitest';
import { apiCalls, ExportFormat } from '../../../contract/api.js';
import { EXPORT_FORMATS, exportFormatOfFile } from '../../../common/export-formats.js';
import { formatCommand, formatConnection, formatEndpoint, formatRemote, formatValue } from '../../../common/format.js';
import { toolsByPresence } from '../../../common/tools.js';
import { connection, tool } from '../../helpers/snapshot-builders.js';
import { formatMiB, SNAPSHOT_TEXT_LIMIT } from '../../../common/limits.js';
import { PROBE_FACTORS } from '../../../common/probe.js';
import { ProbeFactor } from '../../../contract/snapshot.js';

describe('formatEndpoint', () => {
  it('brackets IPv6 addresses and leaves out a missing port', () => {
    expect(formatEndpoint('1.2.3.4', 443)).toBe('1.2.3.4:443');
    expect(formatEndpoint('2001:db8::1', 443)).toBe('[2001:db8::1]:443');
    expect(formatEndpoint('fe80::1%eth0', 546)).toBe('[fe80::1%eth0]:546');
    expect(formatEndpoint('1.2.3.4', null)).toBe('1.2.3.4');
    expect(formatEndpoint(null, 443)).toBe('');
  });
});

describe('formatValue', () => {
  it('writes every signal value type as one line', () => {
    expect(formatValue('Asia/Shanghai', undefined, 'en')).toBe('Asia/Shanghai');
    expect(formatValue(480, undefined, 'en')).toBe('480');
    expect(formatValue(true, undefined, 'en')).toBe('true');
    expect(formatValue(['corp.example', 'example'], undefined, 'en')).toBe('corp.example, example');
    expect(formatValue([], undefined, 'en')).toBe('(empty list)');
    expect(formatValue('', undefined, 'en')).toBe('(empty)');
  });

  it('says "(none)" for a missing value unless told otherwise', () => {
    expect(formatValue(null, undefined, 'en')).toBe('(none)');
    expect(formatValue(undefined, '—', 'en')).toBe('—');
  });
});

describe('formatCommand', () => {
  it('quotes only the arguments a shell would split or expand', () => {
    expect(formatCommand(['claude', '-p', 'hello world'])).toBe("claude -p 'hello world'");
    expect(formatCommand(['node', '/opt/cli.js', '--model=x'])).toBe('node /opt/cli.js --model=x');
    expect(formatCommand(['echo', "it's", ''])).toBe(`echo 'it'\\''s' ''`);
  });
});

describe('shared constants', () => {
  it('describes every export format of the contract', () => {
    expect(Object.keys(EXPORT_FORMATS)).toEqual(ExportFormat.options);
    expect(exportFormatOfFile('/tmp/a.MD')).toBe('md');
    expect(exportFormatOfFile('report.htm')).toBe('html');
    expect(exportFormatOfFile('C:\\out\\snap.html')).toBe('html');
    expect(exportFormatOfFile('snap')).toBe('json');
    expect(exportFormatOfFile('dir.md/snap')).toBe('json');
  });

  it('holds the diff limit the contract enforces', () => {
    const request = apiCalls.diffWithCurrent.request;
    expect(request.safeParse({ previous: 'x'.repeat(SNAPSHOT_TEXT_LIMIT) }).success).toBe(true);
    expect(request.safeParse({ previous: 'x'.repeat(SNAPSHOT_TEXT_LIMIT + 1) }).success).toBe(false);
    expect(formatMiB(SNAPSHOT_TEXT_LIMIT)).toBe('64 MiB');
  });

  it('lists every probe factor of the contract', () => {
    expect([...PROBE_FACTORS].sort()).toEqual([...ProbeFactor.shape.factor.options].sort());
  });
});

describe('formatRemote and formatConnection', () => {
  const base = { ...connection({ pid: 7100, localAddress: '10.0.0.5', localPort: 51700, remoteAddress: '2001:db8::1', remotePort: 443, remote: null }), process: 'codex' };

  it('names the host when it is known and brackets IPv6', () => {
    expect(formatRemote(base)).toBe('[2001:db8::1]:443');
    expect(formatRemote({ ...base, remote: { country: 'US', asn: null, org: null, host: 'api.openai.com' } })).toBe('api.openai.com ([2001:db8::1]:443)');
    expect(formatRemote({ ...base, remoteAddress: null, remotePort: null })).toBe('-');
  });

  it('puts a connection on one line', () => {
    expect(formatConnection({ ...base, toolId: 'codex', remote: { country: 'US', asn: 13335, org: 'Cloudflare, Inc.', host: null } }, 'en')).toBe(
      `codex (pid 7100) ${base.protocol} 10.0.0.5:51700 -> [2001:db8::1]:443 [US, Cloudflare, Inc.] ${base.state} (codex)`,
    );
  });
});

describe('toolsByPresence', () => {
  it('groups running, installed and absent tools, each by name', () => {
    const t = (name: string, running: boolean, installed: boolean) => tool({ id: name.toLowerCase(), name, running, installed, pids: running ? [1] : [] });
    const groups = toolsByPresence([t('Zed', true, true), t('Codex', false, true), t('Aider', true, true), t('Kimi', false, false), t('Bolt', false, true)]);
    expect(Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.map((x) => x.name)]))).toEqual({
      running: ['Aider', 'Zed'],
      installed: ['Bolt', 'Codex'],
      absent: ['Kimi'],
    });
  });
});
