/**
 * The reports (text, Markdown, HTML) of one real snapshot of a realistic Chinese setup, sampled from
 * a HOME on disk: in Chinese every heading, label and finding is Chinese (the data aside), lines
 * still fit the width with double-width characters; in English the same report as before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Snapshot } from '../../contract/snapshot.js';
import { systemIo } from '../../main/adapters/system-io.js';
import { buildReport } from '../../main/core/snapshot/report-model.js';
import { renderHtml } from '../../main/core/snapshot/render-html.js';
import { renderMarkdown } from '../../main/core/snapshot/render-markdown.js';
import { renderText } from '../../main/core/snapshot/render-text.js';
import { createSnapshotSource } from '../../main/sample.js';
import { writeToolConfigs } from '../e2e/live-fixture.js';
import { expectNoEnglishProse, htmlText, markdownText, reportData } from '../helpers/report-prose.js';

let home: string;
let snapshot: Snapshot;
let data: string[];

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'telltale-report-lang-'));
  // The end-to-end tests' realistic setup: Claude Code on Moonshot, an Alibaba email, an npm mirror.
  await writeToolConfigs(home);
  const env = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TZ: 'Asia/Shanghai',
    LANG: 'zh_CN.UTF-8',
    HTTPS_PROXY: 'http://127.0.0.1:7890',
  };
  const source = createSnapshotSource({ ctx: { env, home, platform: process.platform, io: systemIo }, stateDir: path.join(home, 'state') });
  snapshot = Snapshot.parse(await source.take());
  data = reportData(snapshot);
}, 60_000);

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('the report in Chinese', () => {
  it('has Chinese headings and labels, and the findings rendered from their messages', () => {
    const report = buildReport(snapshot, { language: 'zh-CN', version: '1.2.3' });
    expect(report.title).toBe('Telltale 报告');
    expect(report.sections.map((s) => s.title)).toEqual(['概要', '推断', '检测', '工具', '时区和区域设置', '代理', '身份信息', '软件包源和模型端点', '工具配置', '主机', '网络连接']);
    expect(report.header[1]?.[1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d UTC\+08:00（Asia\/Shanghai，中国标准时间）；UTC \d{4}年/);
    const text = renderText(snapshot, { language: 'zh-CN', width: 1000 });
    expect(text).toContain('工具几乎可以肯定你在中国（CN）');
    expect(text).toMatch(/会被标记：.*2026/);
    expect(text).toContain('建议（Claude Code）：');
  });

  it('leaves no English prose outside data values, in text, Markdown and HTML', () => {
    // Wide enough that no value is wrapped across lines (a wrapped value is not found as data).
    expectNoEnglishProse(renderText(snapshot, { language: 'zh-CN', width: 1000, signals: 'all' }), data, 'text');
    expectNoEnglishProse(markdownText(renderMarkdown(snapshot, { language: 'zh-CN' })), data, 'Markdown');
    const html = renderHtml(snapshot, { language: 'zh-CN' });
    expect(html).toContain('<html lang="zh-CN">');
    expectNoEnglishProse(htmlText(html), data, 'HTML');
  });

  it('finds English prose when there is some (the check is not blind)', () => {
    expect(() => expectNoEnglishProse(renderText(snapshot, { language: 'en', width: 1000 }), data, 'English text')).toThrow();
  });

  it.each([40, 60, 80])('fits every line of the text report into %i columns, CJK counted double', (width) => {
    const text = renderText(snapshot, { language: 'zh-CN', width });
    const widest = Math.max(...text.split('\n').map((line) => stringWidth(line)));
    expect(widest).toBeLessThanOrEqual(width);
    // The title's underline is as wide as the title shows.
    const [title, rule] = text.split('\n');
    expect(rule).toBe('='.repeat(stringWidth(title ?? '')));
  });
});

describe('the report in English', () => {
  it('is English, with <html lang="en">', () => {
    const report = buildReport(snapshot, { version: '1.2.3' });
    expect(report.language).toBe('en');
    expect(report.sections[0]?.title).toBe('Summary');
    expect(report.header[1]?.[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00 \(Asia\/Shanghai\); \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(renderHtml(snapshot)).toContain('<html lang="en">');
    const md = renderMarkdown(snapshot, { language: 'en' });
    expect(md).toContain('## Time zone \\& locale');
    expect(md).toContain('Tools can tell you are almost certainly in China (CN)');
  });
});
