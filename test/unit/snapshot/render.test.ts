import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../contract/snapshot.js';
import { CONNECTION_LIST_LIMIT } from '../../../main/core/snapshot/report-model.js';
import { HTML_CSP, renderHtml } from '../../../main/core/snapshot/render-html.js';
import { renderMarkdown } from '../../../main/core/snapshot/render-markdown.js';
import { renderText } from '../../../main/core/snapshot/render-text.js';
import { loadSnapshot } from './load-fixture.js';

const SECTIONS = [
  'Host',
  'Time zone & locale',
  'Proxy',
  'Identity',
  'Registries & model endpoints',
  'Tool configs',
  'Tools',
  'Connections',
  'Inferences',
  'Checks',
];

const sample = loadSnapshot('linux-sample.json');
const XSS = '<script>alert(1)</script>';

function hostile(): Snapshot {
  const s = structuredClone(sample);
  s.signals.push({ id: 'system.sampler.motd', kind: 'system', key: { part: 'sampler', sampler: 'motd' }, value: XSS, source: 'file:/etc/motd', status: 'ok' });
  s.inferences[0]!.statement = `Tricky "quotes" & <b>tags</b> | pipes *stars* _under_ [link](http://x)`;
  return s;
}

describe('renderText', () => {
  const text = renderText(sample);

  it('has every section in order', () => {
    const positions = SECTIONS.map((title) => text.indexOf(`\n${title}\n${'-'.repeat(title.length)}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('shows values, unavailable and error signals with their reasons', () => {
    expect(text).toMatch(/timezone\.iana\s+Asia\/Shanghai\s+file:\/etc\/localtime/);
    expect(text).toMatch(/timezone\.env\s+unavailable: TZ is not set/);
    expect(text).toContain("error: ~/.cargo/config.toml: TOML parse error at line 3: expected '='");
  });

  it('groups tools and summarises connections', () => {
    expect(text).toMatch(/Running:\n {2}- Claude Code \(Anthropic\): running, pid 4242/);
    expect(text).toMatch(/Installed, not running:\n {2}- Gemini CLI/);
    expect(text).toMatch(/Not found:\n {2}Codex CLI, Kimi CLI/);
    expect(text).toContain('By state:                 ESTABLISHED 8, LISTEN 2, TIME_WAIT 1, UNCONN 1');
    expect(text).toContain('Top remote countries:     US 4, CN 3, JP 1');
    expect(text).toMatch(/4242\s+node\s+10\.0\.0\.5:51234\s+api\.moonshot\.cn \(103\.22\.10\.8:443\)\s+CN/);
  });

  it('shows inferences with confidence, evidence and advice, and the check result', () => {
    expect(text).toContain('- [high] You are probably in China');
    expect(text).toContain('Evidence: timezone.iana, locale.LANG, registry.npm, registry.pip, registry.go');
    expect(text).toContain('Run: TZ=UTC claude');
    expect(text).toContain('- FLAGGED: The 2026 proxy and time zone check.');
  });

  it('caps the list of established connections', () => {
    const many = structuredClone(sample);
    const base = many.connections[0]!;
    many.connections = Array.from({ length: CONNECTION_LIST_LIMIT + 7 }, (_, i) => ({ ...base, localPort: 30000 + i }));
    const out = renderText(many);
    expect(out).toContain('... 7 more');
    expect(out.match(/10\.0\.0\.5:3\d{4}/g)).toHaveLength(CONNECTION_LIST_LIMIT);
  });

  it('says so when there is nothing to infer', () => {
    const quiet = { ...structuredClone(sample), inferences: [], checks: [], connections: [] };
    const out = renderText(quiet);
    expect(out).toContain('Nothing here points to a country, a proxy or an affiliation.');
    expect(out).toContain('No connections sampled.');
  });
});

describe('renderMarkdown', () => {
  it('has every section as a heading and tables of signals', () => {
    const md = renderMarkdown(sample);
    for (const title of SECTIONS) expect(md).toContain(`\n## ${title.replace('&', '&amp;')}\n`);
    expect(md).toContain('| timezone.iana | Asia/Shanghai | file:/etc/localtime |');
    expect(md).toContain('http://alice:\\*\\*\\*@proxy.corp.example.cn:3128');
  });

  it('escapes markup in values', () => {
    const md = renderMarkdown(hostile());
    expect(md).not.toContain(XSS);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('&amp; \\<b\\>tags\\</b\\> \\| pipes \\*stars\\* \\_under\\_ \\[link\\](http://x)');
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

  it('has every section and marks the flagged check', () => {
    for (const title of SECTIONS) expect(html).toContain(`<h2>${title.replace('&', '&#38;')}</h2>`);
    expect(html).toMatch(/<li class="alert"><span>FLAGGED: The 2026 proxy and time zone check\./);
  });
});
