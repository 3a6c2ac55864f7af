/**
 * Chinese typography, so new text cannot slip: a space between Han and Latin letters or digits,
 * full-width punctuation after Han, “ ” quotes, no doubled spaces, checked on every zh-CN template
 * and on every message sample as rendered (where placeholders hold real values).
 */
import { describe, expect, it } from 'vitest';
import { Message, SignalRef, type EvidenceMessage, type InferenceMessage } from '../../../contract/message.js';
import { renderMessage, renderSignal, renderStatement } from '../../../common/i18n/render.js';
import { RESOURCES, type MessageKey } from '../../../common/i18n/translate.js';
import { typographySlips } from '../../helpers/i18n-checks.js';
import * as SAMPLES from './message-samples.js';
import { EVIDENCE, INFERENCES } from './message-samples.js';

/**
 * Placeholders whose value is our own words in the language in force (a country's name, a level,
 * a reason), so it may begin or end with Han and sits against Han with no space: they are checked
 * in the renderings below. Every other placeholder holds a value (a host, a path, a count, a tool's
 * name), which a template must set off from Han by a space.
 */
const WORDS_PLACEHOLDERS = new Set([
  'advice',
  'after',
  'any',
  'before',
  'confidence',
  'countries',
  'country',
  'duration',
  'every',
  'exposure',
  'fact',
  'fromQuoted',
  'history',
  'hint',
  'kinds',
  'level',
  'monitoring',
  'name',
  'notifications',
  'reason',
  'setting',
  'toQuoted',
  'what',
]);

/** The few templates allowed a slip, each with why. */
const ALLOWED: Partial<Record<MessageKey, { slip: RegExp; why: string }>> = {
  'conn.filter.placeholder': { slip: /^ASCII punctuation after Han at «.*地址:端口/, why: '"address:port" is the syntax the filter reads' },
};

/** A template with a value placeholder as a Latin value and a words placeholder as a character that is neither Han nor Latin. */
const filled = (template: string) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (WORDS_PLACEHOLDERS.has(name) ? '\uE000' : 'v1'));

const slipsOf = (key: MessageKey, text: string) => {
  const allowed = ALLOWED[key];
  return typographySlips(text).filter((slip) => !allowed?.slip.test(slip));
};

/** Every sample of message-samples.ts that renders on its own: the messages and the signal references. */
function renderedSamples(): Array<{ what: string; zh: string }> {
  const values = Object.values(SAMPLES as Record<string, unknown>).flatMap((family) => (Array.isArray(family) ? family : Object.values(family as object).flat()));
  return values.flatMap((value: unknown) => {
    const message = Message.safeParse(value);
    if (message.success) return [{ what: message.data.id, zh: renderMessage(message.data, 'zh-CN') }];
    const ref = SignalRef.safeParse(value);
    return ref.success ? [{ what: `signal ${ref.data.kind}`, zh: renderSignal(ref.data, 'zh-CN') }] : [];
  });
}

describe('the rules', () => {
  it('find the slips they name, and pass typeset Chinese', () => {
    expect(typographySlips('Qwen Code 的基础 URL设置')).toEqual([expect.stringMatching(/^no space between Han and Latin/)]);
    expect(typographySlips('Asia/Shanghai或Asia/Urumqi')).toHaveLength(1);
    expect(typographySlips('采样失败:超时')).toEqual([expect.stringMatching(/^ASCII punctuation after Han/)]);
    expect(typographySlips('位于(中国)')).toHaveLength(2);
    expect(typographySlips('返回"DIRECT"')).toEqual([expect.stringMatching(/^ASCII quote/)]);
    expect(typographySlips('时区  Asia/Shanghai')).toEqual([expect.stringMatching(/^doubled space/)]);
    expect(typographySlips('U+02B9（ʹ） 之间')).toEqual([expect.stringMatching(/^space beside full-width/)]);
    expect(typographySlips('位于 中国')).toEqual([expect.stringMatching(/^space between two Han/)]);
    expect(typographySlips('工具可以判断你的代理很可能位于中国（CN）：HTTPS_PROXY=http://127.0.0.1:7890；时区 Asia/Shanghai。')).toEqual([]);
    expect(typographySlips('PAC 脚本返回“DIRECT”，共 12 个连接')).toEqual([]);
  });
});

describe('zh-CN', () => {
  it('templates are typeset: values set off by spaces, full-width punctuation, no doubled space', () => {
    const slips = Object.entries(RESOURCES['zh-CN']).flatMap(([key, template]) => slipsOf(key as MessageKey, filled(template)).map((slip) => `${key}: ${slip}`));
    expect(slips).toEqual([]);
  });

  it('names only placeholders some template uses, and allows slips only where they are found', () => {
    const used = new Set(Object.values(RESOURCES['zh-CN']).flatMap((template) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])));
    expect([...WORDS_PLACEHOLDERS].filter((name) => !used.has(name))).toEqual([]);
    for (const [key, allowed] of Object.entries(ALLOWED)) {
      expect(typographySlips(filled(RESOURCES['zh-CN'][key as MessageKey])).some((slip) => allowed.slip.test(slip)), key).toBe(true);
    }
  });

  it('every message sample, rendered, is typeset', () => {
    const rendered = renderedSamples();
    expect(rendered.length).toBeGreaterThan(100);
    expect(rendered.flatMap(({ what, zh }) => typographySlips(zh).map((slip) => `${what}: ${slip} in ${zh}`))).toEqual([]);
  });

  it('every statement, a headline with its evidence, is typeset', () => {
    const headlines = Object.values(INFERENCES).flat() as InferenceMessage[];
    const evidence = Object.values(EVIDENCE).flat() as EvidenceMessage[];
    const slips = headlines.flatMap((headline) => {
      const zh = renderStatement(headline, evidence, 'zh-CN');
      return typographySlips(zh).map((slip) => `${headline.id}: ${slip} in ${zh}`);
    });
    expect(slips).toEqual([]);
  });
});

describe('en', () => {
  it('templates have no doubled space', () => {
    expect(Object.entries(RESOURCES.en).filter(([, template]) => / {2}/.test(template))).toEqual([]);
  });
});
