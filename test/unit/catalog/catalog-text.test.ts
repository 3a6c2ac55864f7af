/**
 * The catalog's own words (telemetry opt-outs, setting notes, tool notes) are messages: every entry
 * of the real catalog renders in English and in Chinese with no English prose left in the Chinese
 * beside its data, the snapshot's English text is the English rendering, and the reports and the
 * advice say them in the report's language.
 */
import { describe, expect, it } from 'vitest';
import { SettingNote, TelemetryOptOut, ToolNote } from '../../../contract/catalog-text.js';
import type { Message } from '../../../contract/message.js';
import { optOutLines, settingNoteText, toolNoteText } from '../../../common/catalog-text.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { buildTools } from '../../../main/core/catalog/build.js';
import { TOOL_CATALOG } from '../../../main/core/catalog/tools.js';
import { renderHtml } from '../../../main/core/snapshot/render-html.js';
import { renderMarkdown } from '../../../main/core/snapshot/render-markdown.js';
import { renderText } from '../../../main/core/snapshot/render-text.js';
import { expectChinese, expectFilled } from '../../helpers/i18n-checks.js';
import { loadSnapshot } from '../snapshot/load-fixture.js';

/** Every message the catalog holds, with where it sits. */
const messages: Array<{ where: string; message: Message; schema: { safeParse: (m: unknown) => { success: boolean } } }> = TOOL_CATALOG.flatMap((tool) => [
  ...tool.telemetryOptOuts.map((message, i) => ({ where: `${tool.id} opt-out ${i}`, message, schema: TelemetryOptOut })),
  ...tool.configs.flatMap((config) =>
    config.settings.flatMap((spec) => (spec.note ? [{ where: `${tool.id} ${spec.key}`, message: spec.note, schema: SettingNote }] : [])),
  ),
  ...(tool.note ? [{ where: `${tool.id} note`, message: tool.note, schema: ToolNote }] : []),
]);

describe('the catalog’s words', () => {
  it('are messages valid by their schemas, every kind of them present', () => {
    const ids = new Set(messages.map((m) => m.message.id));
    for (const family of [TelemetryOptOut, SettingNote, ToolNote]) {
      // Not every id needs an entry, but each family has some.
      expect(family.options.some((o) => ids.has(o.shape.id.value)), String(family.options[0]?.shape.id.value)).toBe(true);
    }
    for (const { where, message, schema } of messages) expect(schema.safeParse(message).success, where).toBe(true);
    expect(messages.length).toBeGreaterThan(50);
  });

  it('render in English and in Chinese, the Chinese with no English prose beside the data', () => {
    for (const { where, message } of messages) {
      expectFilled(renderMessage(message, 'en'), `en ${where}`);
      expectChinese(renderMessage(message, 'zh-CN'), message, `zh-CN ${where}`);
    }
  });

  it('reach the snapshot as messages, beside their English rendering', () => {
    const tools = buildTools(TOOL_CATALOG, new Map(), new Map(), new Map());
    for (const def of TOOL_CATALOG) {
      const tool = tools.find((t) => t.id === def.id)!;
      expect(tool.telemetryOptOutMessages ?? [], def.id).toEqual(def.telemetryOptOuts);
      expect(tool.telemetryOptOuts ?? [], def.id).toEqual(def.telemetryOptOuts.map((o) => renderMessage(o, 'en')));
      expect(tool.noteMessage, def.id).toEqual(def.note);
      expect(tool.note, def.id).toBe(def.note && renderMessage(def.note, 'en'));
    }
    const copilot = tools.find((t) => t.id === 'copilot')!;
    expect(copilot.telemetryOptOuts).toContain('At github.com/settings/copilot, turn off “Allow GitHub to use my data for product improvements”');
    expect(optOutLines(copilot, 'zh-CN').map((l) => l.text)).toContain('在 github.com/settings/copilot 页面关闭“Allow GitHub to use my data for product improvements”');
  });

  it('give env vars and flags a command to copy, in any language', () => {
    const vscode = buildTools(TOOL_CATALOG, new Map(), new Map(), new Map()).find((t) => t.id === 'vscode')!;
    expect(optOutLines(vscode, 'zh-CN')).toEqual([
      { text: '在编辑器设置中将 telemetry.telemetryLevel 设为 off' },
      { text: '用 code --disable-telemetry 启动', command: 'code --disable-telemetry' },
    ]);
    const claude = buildTools(TOOL_CATALOG, new Map(), new Map(), new Map()).find((t) => t.id === 'claude-code')!;
    expect(optOutLines(claude, 'en')[0]).toEqual({ text: 'Set DISABLE_TELEMETRY=1', command: 'export DISABLE_TELEMETRY=1' });
  });

  it('fall back to the English text of a snapshot written before they had messages', () => {
    const old = { ...buildTools(TOOL_CATALOG, new Map(), new Map(), new Map()).find((t) => t.id === 'cursor')! };
    delete old.telemetryOptOutMessages;
    delete old.noteMessage;
    old.telemetryOptOuts = ['Cursor Settings > General > Privacy Mode: on'];
    expect(optOutLines(old, 'zh-CN')).toEqual([{ text: 'Cursor Settings > General > Privacy Mode: on' }]);
    expect(toolNoteText(old, 'zh-CN')).toBe(old.note);
    expect(settingNoteText({ file: '~/x.json', key: 'k', kind: 'proxy', value: 'v', note: 'Old note.' }, 'zh-CN')).toBe('Old note.');
  });
});

describe('the reports', () => {
  const sample = loadSnapshot('linux-sample.json');
  const installed = new Map([
    ['copilot', ['~/.vscode/extensions/github.copilot-1.2.3']],
    ['codex-cli', ['~/.codex']],
  ]);
  const snapshot = { ...sample, tools: buildTools(TOOL_CATALOG, new Map(), installed, new Map()) };
  const english = [...snapshot.tools.filter((t) => t.installed).flatMap((t) => [...(t.telemetryOptOuts ?? []), ...(t.note ? [t.note] : [])])];

  it('say each installed tool’s opt-outs and note in Chinese, none of their English left', () => {
    for (const report of [renderText(snapshot, { language: 'zh-CN', width: 400 }), renderMarkdown(snapshot, { language: 'zh-CN' }), renderHtml(snapshot, { language: 'zh-CN' })]) {
      expect(report).toContain('关闭遥测的方法');
      expect(report).toContain('在 github.com/settings/copilot 页面关闭“Allow GitHub to use my data for product improvements”');
      expect(report).toContain('运行在编辑器的扩展宿主进程中');
      expect(report).toMatch(/中将 otel\.exporter 设为 \S+（这本就是默认值；未在新版本上核实）/);
      for (const text of english) expect(report).not.toContain(text);
    }
  });

  it('say them in English in an English report, each opt-out a sentence of its own', () => {
    const text = renderText(snapshot, { width: 400 });
    for (const line of english) expect(text).toContain(line);
    expect(text).toContain('In the editor’s settings, set telemetry.telemetryLevel to off. At github.com/settings/copilot, turn off');
  });
});
