/**
 * The language a command that does not create the app speaks: --lang, else the `language` setting
 * (the settings file createApp reads, through the same store), else LC_ALL, LC_MESSAGES, LANG.
 */
import os from 'node:os';
import path from 'node:path';
import { chooseLanguage } from '../../common/i18n/choose-language.js';
import type { Language } from '../../common/i18n/languages.js';
import { settingsProblemText } from '../../common/i18n/render-settings.js';
import { defaultConfigDir } from '../adapters/state-dir.js';
import { openSettingsStore, SETTINGS_FILE } from '../settings/settings-store.js';
import { languageOption, type CliIo } from './args.js';

type Env = NodeJS.ProcessEnv;

/** A bad --lang is a usage error; a settings file that cannot be read is said on stderr and the locale decides. */
export function commandLanguage(flag: string | undefined, io: Pick<CliIo, 'stderr'>, env: Env = process.env): Language {
  const chosen = languageOption(flag);
  if (chosen) return chosen;
  const settings = openSettingsStore({ file: path.join(defaultConfigDir(env, os.homedir()), SETTINGS_FILE), watch: false });
  try {
    const { language: setting } = settings.get();
    const language = chooseLanguage({ setting: setting === 'system' ? null : setting, env });
    const problem = settingsProblemText(settings.status(), language);
    if (problem) io.stderr.write(`telltale: ${problem}\n`);
    return language;
  } finally {
    settings.close();
  }
}
