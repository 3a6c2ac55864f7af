import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../../common/i18n/choose-language.js';
import { languageOfLocale } from '../../../common/i18n/languages.js';

describe('languageOfLocale', () => {
  it('maps Simplified Chinese locales, POSIX or BCP 47, to zh-CN', () => {
    for (const tag of ['zh_CN.UTF-8', 'zh_CN', 'zh_SG.UTF-8', 'zh-Hans', 'zh-Hans-CN', 'zh-Hans-HK', 'zh', 'zh_CN.GB18030@stroke']) {
      expect(languageOfLocale(tag), tag).toBe('zh-CN');
    }
  });

  it('gives English for Traditional Chinese (no zh-TW yet), English, C/POSIX and other languages', () => {
    for (const tag of ['zh_TW.UTF-8', 'zh_HK', 'zh_MO', 'zh-Hant', 'zh-Hant-CN', 'en_US.UTF-8', 'C', 'C.UTF-8', 'POSIX', 'fr_FR.UTF-8', 'ja-JP']) {
      expect(languageOfLocale(tag), tag).toBe('en');
    }
  });

  it('reads nothing from an empty or malformed tag', () => {
    for (const tag of ['', '   ', '.UTF-8', 'not a locale!', '@euro']) expect(languageOfLocale(tag), JSON.stringify(tag)).toBeNull();
  });
});

describe('chooseLanguage', () => {
  const env = { LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' };

  it('flag > setting > LC_ALL > LC_MESSAGES > LANG > app locale > en', () => {
    expect(chooseLanguage({ flag: 'en', setting: 'zh-CN', env, appLocale: 'zh-CN' })).toBe('en');
    expect(chooseLanguage({ flag: 'zh-CN', setting: 'en', env: {}, appLocale: 'en-US' })).toBe('zh-CN');
    expect(chooseLanguage({ setting: 'zh-CN', env: { LC_ALL: 'en_US.UTF-8' } })).toBe('zh-CN');
    expect(chooseLanguage({ setting: 'en', env })).toBe('en');
    expect(chooseLanguage({ env })).toBe('zh-CN');
    expect(chooseLanguage({ env: { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } })).toBe('zh-CN');
    expect(chooseLanguage({ env: { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(chooseLanguage({ env: { LANG: 'zh_CN.UTF-8' }, appLocale: 'en-US' })).toBe('zh-CN');
    expect(chooseLanguage({ env: {}, appLocale: 'zh-CN' })).toBe('zh-CN');
    expect(chooseLanguage({ env: {}, appLocale: 'de-DE' })).toBe('en');
    expect(chooseLanguage({})).toBe('en');
  });

  it('lets the first source that is set decide, as POSIX does: LC_ALL=C over LANG=zh_CN is English', () => {
    expect(chooseLanguage({ env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(chooseLanguage({ env: { LANG: 'zh_TW.UTF-8' }, appLocale: 'zh-CN' })).toBe('en');
  });

  it('skips unset, empty and malformed sources', () => {
    expect(chooseLanguage({ flag: null, setting: '', env: { LC_ALL: '', LC_MESSAGES: '!!', LANG: 'zh_SG.UTF-8' } })).toBe('zh-CN');
    expect(chooseLanguage({ setting: null, env: { LANG: '' }, appLocale: null })).toBe('en');
  });
});
