/**
 * The translations are complete: the same keys in both languages, every key used by the i18n
 * code, every message id of the contract rendered in both languages with every placeholder filled
 * and, in Chinese, no English prose left.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MESSAGE_FAMILIES, Message, type SignalRef } from '../../../contract/message.js';
import { LANGUAGES } from '../../../common/i18n/languages.js';
import { renderMessage, renderSignal } from '../../../common/i18n/render.js';
import { renderNotification } from '../../../common/i18n/render-notify.js';
import { renderCaptureReason } from '../../../common/i18n/render-capture.js';
import { renderSettingsProblem } from '../../../common/i18n/render-settings.js';
import { RESOURCES } from '../../../common/i18n/translate.js';
import { EN_PARTS } from '../../../common/i18n/resources/en.js';
import { expectChinese, expectFilled } from '../../helpers/i18n-checks.js';
import {
  ADVICE,
  CAPTURE_REASONS,
  CAPTURE_WHY,
  BASE_URL_HINTS,
  CHANGES,
  CHECK_NAMES,
  CHECK_REASONS,
  CHECKS,
  DISCLOSURES,
  EVIDENCE,
  EXPOSURES,
  FACTS,
  INFERENCES,
  OPT_OUTS,
  NOTIFICATIONS,
  ISOLATION_PROBLEMS,
  PROBE_ERRORS,
  PROBE_SUMMARIES,
  REACH_GAPS,
  REACHES,
  SETTING_NOTES,
  RUN_FAILURES,
  REASONS,
  SAFETY_PROBLEMS,
  SETTINGS_FAULTS,
  SETTINGS_PROBLEMS,
  SIGNALS,
  TOOL_NOTES,
} from './message-samples.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where code that names a key lives; the resources' own folder is not scanned. */
const SOURCE_DIRS = ['common', 'contract', 'main', 'renderer/src'];
const RESOURCES_DIR = path.join(ROOT, 'common/i18n/resources');

/** Keys of `a` that `b` lacks. */
const missingFrom = (a: object, b: object) => Object.keys(a).filter((k) => !Object.hasOwn(b, k));

/** Every string literal in the TypeScript files under a folder (not in comments; the resources skipped). */
function stringLiterals(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (file !== RESOURCES_DIR) stringLiterals(file, found);
      continue;
    }
    if (!/\.tsx?$/.test(entry.name)) continue;
    const source = ts.createSourceFile(entry.name, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Keys neither a message id nor the code names (the resources' own folder is not scanned). */
const unusedKeys = (keys: readonly string[], literals: ReadonlySet<string>) => keys.filter((k) => !literals.has(k));

/** The message ids a zod family lists. */
const idsOf = (family: { options: ReadonlyArray<{ shape: { id: { value: unknown } } }> }) => family.options.map((o) => String(o.shape.id.value));

describe('resources', () => {
  it('have the same keys in English and Chinese', () => {
    expect(missingFrom(RESOURCES.en, RESOURCES['zh-CN'])).toEqual([]);
    expect(missingFrom(RESOURCES['zh-CN'], RESOURCES.en)).toEqual([]);
    // The check itself: a key in one language only is found, in either direction.
    expect(missingFrom({ ...RESOURCES.en, 'extra.key': 'x' }, RESOURCES['zh-CN'])).toEqual(['extra.key']);
  });

  it('have each key in one part only (a spread keeps the last and hides the others)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, entries] of Object.entries(EN_PARTS)) {
      for (const key of Object.keys(entries)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it('have no empty template and no broken placeholder', () => {
    for (const language of LANGUAGES) {
      for (const [key, template] of Object.entries(RESOURCES[language])) {
        expect(template, `${language} ${key}`).not.toBe('');
        expect(template.replace(/\{\{\w+\}\}/g, ''), `${language} ${key}`).not.toMatch(/[{}]{2}/);
      }
    }
  });

  it('has no key that no message or i18n code uses', () => {
    const literals = new Set([...SOURCE_DIRS.flatMap((dir) => [...stringLiterals(path.join(ROOT, dir))]), ...Object.values(MESSAGE_FAMILIES).flatMap(idsOf)]);
    expect(unusedKeys(Object.keys(RESOURCES.en), literals)).toEqual([]);
    expect(unusedKeys(['signal.timezone', 'never.used'], literals)).toEqual(['never.used']);
  });
});

describe('messages', () => {
  const samples: Record<string, readonly unknown[]> = {
    ...INFERENCES,
    ...EVIDENCE,
    ...ADVICE,
    ...CHECK_REASONS,
    ...CHECKS,
    ...FACTS,
    ...DISCLOSURES,
    ...CHECK_NAMES,
    ...EXPOSURES,
    ...PROBE_SUMMARIES,
    ...REACHES,
    ...OPT_OUTS,
    ...SETTING_NOTES,
    ...TOOL_NOTES,
    ...NOTIFICATIONS,
    ...CAPTURE_WHY,
    ...CAPTURE_REASONS,
    ...CHANGES,
    ...ISOLATION_PROBLEMS,
    ...SAFETY_PROBLEMS,
    ...REACH_GAPS,
    ...RUN_FAILURES,
    ...BASE_URL_HINTS,
    ...PROBE_ERRORS,
    ...REASONS,
    ...SETTINGS_FAULTS,
    ...SETTINGS_PROBLEMS,
  };

  it('every id of every family in the contract has samples, valid by its schema', () => {
    for (const [name, family] of Object.entries(MESSAGE_FAMILIES)) {
      for (const id of idsOf(family)) {
        const list = samples[id] ?? [];
        expect(list.length, `${name} ${id}`).toBeGreaterThan(0);
        for (const sample of list) expect(family.safeParse(sample).success, `${id} ${JSON.stringify(sample)}`).toBe(true);
      }
    }
  });

  /** The messages a view renders on its own; reasons and facts render inside checks and disclosures. */
  const standalone = [
    INFERENCES,
    EVIDENCE,
    ADVICE,
    CHECKS,
    DISCLOSURES,
    CHECK_NAMES,
    EXPOSURES,
    PROBE_SUMMARIES,
    REACHES,
    CHANGES,
    ISOLATION_PROBLEMS,
    SAFETY_PROBLEMS,
    REACH_GAPS,
    RUN_FAILURES,
    PROBE_ERRORS,
    OPT_OUTS,
    SETTING_NOTES,
    TOOL_NOTES,
    REASONS,
  ].flatMap(
    (family) => Object.values(family).flat() as Message[],
  );

  it('renders every message in English and in Chinese, the Chinese free of English prose', () => {
    expect(standalone.length).toBeGreaterThan(80);
    for (const message of standalone) {
      expect(Message.safeParse(message).success, message.id).toBe(true);
      const en = renderMessage(message, 'en');
      const zh = renderMessage(message, 'zh-CN');
      expectFilled(en, `en ${message.id}`);
      expectChinese(zh, message, `zh-CN ${message.id}`);
    }
  });

  it('renders every notification, title and body, in English and in Chinese', () => {
    for (const message of Object.values(NOTIFICATIONS).flat()) {
      const en = renderNotification(message, 'en');
      const zh = renderNotification(message, 'zh-CN');
      for (const part of ['title', 'body'] as const) {
        expectFilled(en[part], `en ${message.id} ${part}`);
        // The English statement of an inference without messages is data here: it is all there is.
        expectChinese(zh[part], message, `zh-CN ${message.id} ${part}`);
      }
    }
  });

  it('says why precise capture is off in both languages, the Chinese free of English prose', () => {
    for (const reason of Object.values(CAPTURE_REASONS).flat()) {
      expectFilled(renderCaptureReason(reason, 'en'), `en ${reason.why.id}`);
      // The commands it suggests are data too.
      const commands = ['`sudo telltale watch --precise`', `\`sudo mount -t tracefs nodev ${'root' in reason.why ? reason.why.root : ''}\``];
      expectChinese(renderCaptureReason(reason, 'zh-CN'), { reason, commands }, `zh-CN ${reason.why.id}`);
    }
  });

  it("says the settings file's problem in both languages, the Chinese free of English prose", () => {
    for (const problem of Object.values(SETTINGS_PROBLEMS).flat()) {
      expectFilled(renderSettingsProblem(problem, 'en'), `en ${problem.id}`);
      expectChinese(renderSettingsProblem(problem, 'zh-CN'), problem, `zh-CN ${problem.id}`);
    }
  });

  it('names every kind of signal in both languages', () => {
    for (const ref of SIGNALS) {
      const en = renderSignal(ref, 'en');
      expectFilled(en, `en ${ref.kind}`);
      expect(en).toContain(ref.value);
      expectFilled(renderSignal(ref, 'zh-CN'), `zh-CN ${ref.kind}`);
      expect(renderSignal(ref, 'zh-CN')).toContain(ref.value);
    }
  });

  it('names countries, languages and zones in the chosen language', () => {
    const country = { id: 'inference.location.country', country: 'CN', confidence: 'high' } as const;
    expect(renderMessage(country, 'en')).toBe('Tools can tell you are almost certainly in China (CN)');
    expect(renderMessage(country, 'zh-CN')).toBe('工具几乎可以肯定你在中国（CN）');
    const zone: Message = { id: 'disclosure.could-tell', fact: { id: 'fact.zone', factor: 'timezone', zone: 'Asia/Shanghai', country: 'CN' }, covert: ['confusable'] };
    expect(renderMessage(zone, 'zh-CN')).toBe('该工具可以向其厂商透露你的时区位于中国（Asia/Shanghai，中国标准时间），信息藏在请求中的形近字符变化里。');
    const locale: Message = { id: 'disclosure.could-tell', fact: { id: 'fact.locale', locale: 'zh_CN.UTF-8' }, covert: [] };
    expect(renderMessage(locale, 'en')).toBe('The tool could tell its vendor your locale is Chinese (China) (zh_CN.UTF-8), openly in its requests.');
    expect(renderMessage(locale, 'zh-CN')).toBe('该工具可以在请求中公开地向其厂商透露你的区域设置是中文（中国）（zh_CN.UTF-8）。');
  });

  it('leaves values as they are: no template or nesting syntax in a value is read', () => {
    const ref: SignalRef = { kind: 'timezone', subject: { source: 'env' }, value: '{{country}} $t(unknown)' };
    expect(renderSignal(ref, 'en')).toBe('time zone {{country}} $t(unknown)');
    expect(renderSignal(ref, 'zh-CN')).toBe('时区 {{country}} $t(unknown)');
  });
});
