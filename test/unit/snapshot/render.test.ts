import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../contract/snapshot.js';
import { CONNECTION_LIST_LIMIT } from '../../../main/core/snapshot/report-model.js';
import { HTML_CSP, renderHtml } from '../../../main/core/snapshot/render-html.js';
import { renderMarkdown } from '../../../main/core/snapshot/render-markdown.js';
import { renderText, type TextStyle } from '../../../main/core/snapshot/render-text.js';
import { connection, process as proc, signal } from '../../helpers/snapshot-builders.js';
import { loadSnapshot } from './load-fixture.js';

/** Findings first, raw data last. */
const SECTIONS = [
  'Summary',
  'Inferences',
  'Checks',
  'Probe findings',
  'Tools',
  'Time zone & locale',
  'Proxy',
  'Identity',
  'Registries & model endpoints',
  'Tool configs',
  'Host',
  'Connections',
];

const sample = loadSnapshot('linux-sample.json');
const XSS = '<script>alert(1)</script>';
const OPTIONS = { version: '9.8.7' };

function hostile(): Snapshot {
  const s = structuredClone(sample);
  s.signals.push({ id: 'system.sampler.motd', kind: 'system', key: { part: 'sampler', sampler: 'motd' }, value: XSS, source: 'file:/etc/motd', status: 'ok' });
  s.inferences[0]!.statement = `Tricky "quotes" & <b>tags</b> | pipes *stars* _under_ [link](http://x) #hash`;
  return s;
}

const c = createColors(true);
const COLOUR: TextStyle = { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green };

/** Where each heading starts in `text`, in SECTIONS order. */
const positions = (text: string, heading: (title: string) => string) => SECTIONS.map((title) => text.indexOf(heading(title)));

function expectInOrder(found: number[]) {
  expect(found.every((p) => p > 0), `missing: ${SECTIONS.filter((_, i) => (found[i] ?? -1) < 0).join(', ')}`).toBe(true);
  expect([...found].sort((a, b) => a - b)).toEqual(found);
}

/** A busy machine: hundreds of connections, long URLs and paths, CJK names, many tool settings. */
function large(): Snapshot {
  const s = structuredClone(sample);
  const hosts = ['api.moonshot.cn', 'very-long-subdomain-name-for-telemetry.collector.example-analytics-platform.com', '北京.example.cn'];
  for (let i = 0; i < 400; i++) {
    s.connections.push(
      connection({
        pid: 4242 + (i % 3),
        localPort: 40000 + i,
        remoteAddress: i % 2 ? `2001:db8:85a3::8a2e:370:${(i % 9000).toString(16)}` : `47.246.${i % 250}.${i % 200}`,
        remote: { country: i % 2 ? 'CN' : 'US', asn: 37963, org: 'Hangzhou Alibaba Advertising Co.,Ltd. 阿里巴巴（中国）有限公司', host: hosts[i % 3] ?? null },
        toolId: i % 4 === 0 ? null : 'claude-code',
      }),
    );
  }
  s.processes.push(proc({ pid: 4243, name: 'a-process-with-a-really-quite-long-executable-name' }), proc({ pid: 4244, name: '进程' }));
  s.signals.push(
    signal({ id: 'identity.git-name', kind: 'identity', key: { field: 'git-name' }, value: '王小明 (Wang Xiaoming) 的工作账号', source: 'file:~/.gitconfig' }),
    signal({
      id: 'model.base-url.OPENAI_BASE_URL',
      kind: 'model-endpoint',
      key: { variable: 'OPENAI_BASE_URL' },
      value: `https://gateway.internal.example-corporation.cn/v1/${'segment/'.repeat(30)}openai?tenant=${'x'.repeat(120)}`,
      source: 'env:OPENAI_BASE_URL',
    } as Partial<Snapshot['signals'][number]>),
  );
  const claude = s.tools.find((t) => t.id === 'claude-code')!;
  claude.settings = Array.from({ length: 30 }, (_, i) => ({
    file: `~/.config/some/deeply/nested/folder/structure/that/goes/on/and/on/settings-${i}.json`,
    key: `env.VARIABLE_NUMBER_${i}_WITH_A_LONG_NAME`,
    kind: 'base-url' as const,
    value: `https://mirror-${i}.example.cn/${'path/'.repeat(20)}`,
    note: '这个设置告诉工具把请求发到哪里 (where the tool sends requests).',
  }));
  return s;
}

describe('the report model, rendered three ways', () => {
  const text = renderText(sample, OPTIONS);
  const md = renderMarkdown(sample, OPTIONS);
  const html = renderHtml(sample, OPTIONS);

  it('puts every section in order, findings before raw tables, in text, Markdown and HTML', () => {
    expectInOrder(positions(text, (t) => `\n${t}\n${'-'.repeat(t.length)}\n`));
    expectInOrder(positions(md, (t) => `\n## ${t.replace('&', '\\&')}\n`));
    expectInOrder(positions(html, (t) => `<h2>${t.replace('&', '&#38;')}</h2>`));
    // The first raw rows (a signal, a connection) come after the last finding (the per-tool section).
    for (const [doc, signalRow, connectionRow] of [
      [md, '| Time zone | Asia/Shanghai |', '| 4242 | node | api.moonshot.cn'],
      [html, '<td>Time zone</td><td>Asia/Shanghai</td>', '<td>4242</td><td>node</td><td>api.moonshot.cn'],
    ] as const) {
      const lastFinding = doc.indexOf('Qoder CLI (Alibaba)');
      expect(lastFinding).toBeGreaterThan(0);
      expect(doc.indexOf(signalRow)).toBeGreaterThan(lastFinding);
      expect(doc.indexOf(connectionRow)).toBeGreaterThan(lastFinding);
    }
  });

  it('opens with the version and the local time with its UTC offset, and UTC', () => {
    for (const doc of [text, md, html]) {
      expect(doc).toContain('9.8.7');
      // The text report wraps the line at 80 columns.
      expect(doc.replace(/\s+/g, ' ')).toContain('2026-11-24 18:00:00 UTC+08:00 (Asia/Shanghai); 2026-11-24 10:00:00 UTC');
    }
  });

  it('summarises severity first, most severe first: exposure, the 2026 check, inferences, probe verdicts', () => {
    const table = md.slice(md.indexOf('## Summary'), md.indexOf('## Inferences'));
    const rows = table.split('\n').filter((l) => l.startsWith('| ')).slice(2);
    expect(rows.map((r) => r.split(' | ')[0]?.replace(/^\| (\*\*)?|\*\*$/g, ''))).toEqual(['High', 'High', 'High', 'High', 'High', 'Medium', 'Low', 'None']);
    expect(table).toContain('| **High** | The 2026 proxy and time zone check | Would flag you | - | Claude Code |');
    expect(table).toContain('| Country | China (CN) | high | Claude Code, GitHub Copilot, Qoder CLI, Gemini CLI |');
    expect(table).toContain('| AI lab | Moonshot AI | low | Claude Code |');
    expect(table).toContain('| Probe of claude -p hello: timezone | Requests change with Asia/Shanghai | measured | - |');
    expect(table).toContain('| Probe of claude -p hello: locale | Requests do not change | measured | - |');
  });

  it('gives each inference its evidence and advice, each action once', () => {
    expect(text).toContain('- Country: China (CN) (high confidence)');
    expect(text).toMatch(/Evidence: Time zone, LANG \(environment\), npm registry, pip registry, go\s+registry/);
    expect(text).toContain('Run: TZ=UTC claude');
    expect(md.split('Run: TZ=UTC claude')).toHaveLength(2);
    expect(text).toContain('- FLAGGED: The 2026 proxy and time zone check');
  });

  it('shows probe findings as rows: factor, value tried, what the requests did, what it discloses', () => {
    expect(md).toContain('| **timezone** | Asia/Shanghai (against UTC) | changed in 1 place | The tool can tell its vendor that your time zone is Asia/Shanghai. |');
    expect(md).toContain('| locale | zh\\_CN.UTF-8 (against en\\_US.UTF-8) | no change | - |');
  });

  it('names tools and signals, never by their ids', () => {
    for (const doc of [text, md, html]) {
      // "@anthropic-ai/claude-code" in an install path is a path, not an id.
      expect(doc).not.toMatch(/(?<![/@\w-])(claude-code|gemini-cli)\b/);
      for (const id of ['timezone.iana', 'proxy.effective.https', 'identity.git-email']) expect(doc).not.toContain(id);
    }
    expect(md).toContain('| git email (user.email) | alice.wang@alibaba-inc.com | file:\\~/.gitconfig |');
  });

  it('gives per-tool findings: what each tool could infer, reads and where it connected', () => {
    const claude = text.slice(text.indexOf('Claude Code (Anthropic):'), text.indexOf('GitHub Copilot (GitHub):'));
    expect(claude).toMatch(/Could infer:\s+Country: China \(CN\) \(high\), Proxy in use: yes \(high\),/);
    expect(claude).toMatch(/Checks it could run:\s+The 2026 proxy and time zone check: would flag you/);
    expect(claude).toMatch(/Connections:\s+2 \(to CN, US\)/);
    expect(text).toContain('Not found: Codex CLI, Kimi CLI');
  });

  it('groups connections by tool and leaves loopback out unless asked', () => {
    expect(md).toContain('### Claude Code (2)');
    expect(md).toContain('### Other processes (3)');
    const loopbackRow = '| 4242 | node | 127.0.0.1:7890 |';
    expect(md).not.toContain(loopbackRow);
    expect(md).toMatch(/Loopback:\*\* 3, not listed/);
    const withLoopback = renderMarkdown(sample, { ...OPTIONS, includeLoopback: true });
    expect(withLoopback).toContain('### Claude Code (3)');
    expect(withLoopback).toContain(loopbackRow);
  });

  it('caps the connections listed per tool', () => {
    const many = structuredClone(sample);
    many.connections = Array.from({ length: CONNECTION_LIST_LIMIT + 7 }, (_, i) => connection({ localPort: 30000 + i, remotePort: 20000 + i }));
    const out = renderText(many, { width: 200 });
    expect(out).toContain('... 7 more');
    expect(out.match(/:2\d{4}\)/g)).toHaveLength(CONNECTION_LIST_LIMIT);
  });

  it('says so when there is nothing to infer', () => {
    const quiet = { ...structuredClone(sample), inferences: [], checks: [], connections: [], probes: [] };
    const out = renderText(quiet);
    expect(out).toContain('Nothing here points to a country, a proxy or an affiliation.');
    expect(out).toContain('No connections sampled.');
  });
});

describe('renderText', () => {
  it('starts with the summary: exposure, inferences and the 2026 check within the first screen', () => {
    const lines = renderText(sample, OPTIONS).split('\n');
    const summary = lines.indexOf('Summary');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(10);
    const screen = lines.slice(0, 40).join('\n');
    for (const finding of ['Exposure', 'The 2026 proxy', 'China (CN)', 'Alibaba', 'Moonshot AI']) expect(screen).toContain(finding);
  });

  it.each([60, 80, 120])('fits every line of a large snapshot in %i columns, wrapping cells', (width) => {
    const out = renderText(large(), { ...OPTIONS, width, signals: 'all' });
    const lines = out.split('\n');
    const widest = Math.max(...lines.map((line) => stringWidth(line)));
    expect(widest).toBeLessThanOrEqual(width);
    // Wrapped, not cut: the long URL's tail and the CJK note are there.
    expect(out.replace(/\s+/g, '')).toContain(`tenant=${'x'.repeat(120)}`);
    expect(out).toContain('王小明');
    expect(lines.length).toBeGreaterThan(200);
  });

  it('colours only when given a style, and the colour does not count towards the width', () => {
    const plain = renderText(sample, { width: 80 });
    expect(plain).not.toContain('\u001b[');
    const coloured = renderText(sample, { width: 80, style: COLOUR });
    expect(coloured).toContain(c.bold(c.red('High')));
    expect(coloured).toContain(c.yellow('Medium'));
    expect(Math.max(...coloured.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
  });

  it('lists only the signals that matter unless asked for all', () => {
    const short = renderText(sample, { signals: 'relevant', width: 200 });
    const all = renderText(sample, { signals: 'all', width: 200 });
    expect(short).not.toContain('TZ is not set');
    expect(all).toMatch(/TZ \(environment\)\s+unavailable: TZ is not set/);
    for (const out of [short, all]) expect(out).toContain("error: ~/.cargo/config.toml: TOML parse error at line 3: expected '='");
    expect(short).toContain('not set or unavailable (--verbose lists them)');
  });
});

describe('renderMarkdown', () => {
  it('escapes markup in values with backslashes', () => {
    const md = renderMarkdown(hostile());
    expect(md).not.toContain(XSS);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('\\& \\<b\\>tags\\</b\\> \\| pipes \\*stars\\* \\_under\\_ \\[link\\](http://x) \\#hash');
  });

  it('never contains an HTML entity', () => {
    for (const md of [renderMarkdown(sample), renderMarkdown(hostile()), renderMarkdown(large())]) {
      expect(md).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
    }
    expect(renderMarkdown(sample)).toContain('## Time zone \\& locale');
  });
});

describe('renderHtml', () => {
  const html = renderHtml(hostile());

  it('is one self-contained document with a strict CSP and no scripts or external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`);
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|@import|url\(/i);
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  it('escapes every text', () => {
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Tricky &#34;quotes&#34; &#38; &#60;b&#62;tags&#60;/b&#62;');
    expect(html).not.toContain('<b>tags');
  });

  it('marks the flagged check and the severe summary rows', () => {
    expect(html).toMatch(/<li class="alert"><span>FLAGGED: The 2026 proxy and time zone check</);
    expect(html).toContain('<tr class="alert"><td>High</td><td>The 2026 proxy and time zone check</td>');
    expect(html).toContain('<tr class="warn"><td>Medium</td><td>Employer</td>');
  });
});
