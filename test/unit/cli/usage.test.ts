/**
 * Usage errors as typed messages (the option and the value as data, read from parseArgs' tokens)
 * rendered in either language, the help's language chosen from --lang then the locale, and the
 * wrapping that keeps help within 80 columns in Chinese (no spaces to break at) and English.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parse, UsageError } from '../../../main/cli/args.js';
import { helpLanguage, telltaleHelp } from '../../../main/cli/help.js';
import { renderUsage, type UsageMessage } from '../../../main/cli/usage-message.js';
import { wrapText } from '../../../main/cli/wrap-text.js';

const OPTIONS = { port: { type: 'string' }, json: { type: 'boolean' } } as const;

function usageOf(run: () => unknown): UsageMessage {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.usage;
    throw error;
  }
  throw new Error('no usage error');
}

describe('parse', () => {
  it.each<[string[], UsageMessage]>([
    [['--nope'], { id: 'usage.unknown-option', option: '--nope' }],
    [['-x'], { id: 'usage.unknown-option', option: '-x' }],
    [['--port'], { id: 'usage.missing-value', option: '--port' }],
    [['--port', '--json'], { id: 'usage.missing-value', option: '--port' }],
    [['--json=1'], { id: 'usage.takes-no-value', option: '--json' }],
    [['extra'], { id: 'usage.unexpected-argument', argument: 'extra' }],
  ])('%j is a typed usage error', (args, message) => {
    expect(usageOf(() => parse(args, OPTIONS))).toEqual(message);
  });

  it('returns what strict parsing returns when the line is right', () => {
    expect(parse(['--port', '-', '--json', 'a'], OPTIONS, true)).toMatchObject({ values: { port: '-', json: true }, positionals: ['a'] });
  });
});

describe('usage messages', () => {
  const message: UsageMessage = { id: 'usage.one-of', option: '--lang', choices: ['en', 'zh-CN'], value: 'fr' };

  it('keep the English text as the error message and render in Chinese, lists joined per language', () => {
    expect(new UsageError(message).message).toBe('--lang must be one of en, zh-CN, got "fr"');
    expect(renderUsage(message, 'en')).toBe('--lang must be one of en, zh-CN, got "fr"');
    expect(renderUsage(message, 'zh-CN')).toBe('--lang 必须是 en、zh-CN 之一，而不是“fr”');
  });

  it('leave what the user typed as it is, template syntax included', () => {
    expect(renderUsage({ id: 'usage.unknown-command', command: '{{command}}' }, 'zh-CN')).toBe('未知命令“{{command}}”');
  });
});

describe('the help language', () => {
  it('is a valid --lang first, else LC_ALL, LC_MESSAGES, LANG; never what follows "--"', () => {
    expect(helpLanguage(['help', '--lang', 'zh-CN'], { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(helpLanguage(['snapshot', '--lang=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(helpLanguage(['snapshot', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(helpLanguage(['help'], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(helpLanguage(['probe', '--', 'tool', '--lang', 'zh-CN'], {})).toBe('en');
  });

  it('fits 80 columns in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const line of telltaleHelp(language).split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
  });
});

describe('wrapText', () => {
  it('breaks Chinese between characters, never before closing punctuation, and Latin words only at spaces', () => {
    const text = '持续采样，实时打印发生的变化，直到被中断；同时列出工具在两次采样之间尝试建立的 TCP 连接（每 0.5 秒轮询一次）';
    for (const width of [10, 17, 23, 40]) {
      const lines = wrapText(text, width);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      for (const line of lines) {
        expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/^[，。；）]/);
      }
    }
    expect(wrapText('sample this machine once; print a report', 12)).toEqual(['sample this', 'machine', 'once; print', 'a report']);
  });

  it('cuts a word wider than the line rather than overflow', () => {
    expect(wrapText('https://registry.npmmirror.com/', 10).every((line) => stringWidth(line) <= 10)).toBe(true);
  });
});
