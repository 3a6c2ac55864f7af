/**
 * `telltale help` in the language in force: synopses (commands, options, metavariables) as they
 * are, descriptions translated, every line fitted to 80 columns as a terminal shows it (CJK two
 * wide). Loaded by `--help` and usage errors, so it imports nothing that samples or serves.
 */
import type { Language } from '../../common/i18n/languages.js';
import { chooseLanguage } from '../../common/i18n/choose-language.js';
import { isLanguage } from '../../common/i18n/languages.js';
import { translator, type Translate } from '../../common/i18n/translate.js';
import { HISTORY_KINDS } from '../core/history/event-kinds.js';
import { listOf } from './usage-message.js';
import { wrapText } from './wrap-text.js';

export const HELP_WIDTH = 80;

/** One command or option: its synopsis lines, as typed, and what it does. */
export interface HelpEntry {
  synopsis: readonly string[];
  about: (t: Translate, language: Language) => string;
}

/**
 * Entries as a two-column list: the synopsis at `indent`, the description at `column` (beside a
 * synopsis short enough, else under it), wrapped to the width.
 */
export function helpList(entries: readonly HelpEntry[], language: Language, column: number, indent = '  '): string[] {
  const t = translator(language);
  const hanging = ' '.repeat(column);
  return entries.flatMap(({ synopsis, about }) => {
    const last = synopsis.at(-1) ?? '';
    const beside = synopsis.length === 1 && indent.length + last.length < column - 1;
    const head = synopsis.slice(0, beside ? 0 : synopsis.length).map((line) => indent + line);
    const start = beside ? (indent + last).padEnd(column) : hanging;
    const [first = '', ...rest] = wrapText(about(t, language), HELP_WIDTH - column);
    return [...head, start + first, ...rest.map((line) => hanging + line)];
  });
}

const LANG = '[--lang en|zh-CN]';
/** tap's synopsis, for its own usage errors too. */
export const TAP_SYNOPSIS = `tap [--port N] [--capture-dir DIR] [--forward] ${LANG}`;

const COMMANDS: readonly HelpEntry[] = [
  {
    synopsis: [
      'snapshot [--json] [--out FILE] [--format json|md|html]',
      '         [--mask-hostname] [--mask-username] [--verbose] [--include-loopback]',
      `         ${LANG}`,
    ],
    about: (t) => t('help.snapshot'),
  },
  { synopsis: [`watch [--interval SECONDS] [--count N] [--json] [--precise] ${LANG}`], about: (t) => t('help.watch') },
  {
    synopsis: [
      'whatif [--unset VAR]... [--tz ZONE] [--locale en_US.UTF-8]',
      '       [--drop-mirror npm|pip|go|...] [--hide-git-email] [--base-url VAR=URL]',
      `       [--json] ${LANG}`,
    ],
    about: (t) => t('help.whatif'),
  },
  { synopsis: [`diff A.json B.json [--verbose] [--json] ${LANG}`], about: (t) => t('help.diff') },
  { synopsis: [`serve [--port N] [--interval SECONDS] [--precise] ${LANG}`], about: (t) => t('help.serve') },
  { synopsis: ['capture [--user UID] [--socket PATH]'], about: (t) => t('help.capture', { command: '`sudo telltale capture`' }) },
  { synopsis: [TAP_SYNOPSIS], about: (t) => t('help.tap') },
  { synopsis: ['probe [options] -- <tool command...>'], about: (t) => t('help.probe') },
  { synopsis: [`history [--since 1h|24h|7d] [--tool ID] [--kind K] [--json] ${LANG}`], about: (t, language) => t('help.history', { kinds: listOf(HISTORY_KINDS, language) }) },
  { synopsis: [`history endpoints [--tool ID] [--json] ${LANG}`], about: (t) => t('help.history-endpoints') },
  { synopsis: [`history points [--limit N] [--json] ${LANG}`], about: (t) => t('help.history-points') },
  { synopsis: ['fleet osquery-config [--platform linux|darwin|windows]'], about: (t) => t('help.fleet') },
  { synopsis: ['help'], about: (t) => t('help.help') },
];

export function telltaleHelp(language: Language): string {
  const t = translator(language);
  return [
    t('help.usage', { command: 'telltale <command> [options]' }),
    '',
    t('help.commands'),
    ...helpList(COMMANDS, language, 23),
    '',
    ...wrapText(t('help.lang'), HELP_WIDTH),
    '',
    ...wrapText(t('help.privacy'), HELP_WIDTH),
  ].join('\n');
}

/** The raw value of --lang (or --lang=X) before any "--" (after it, a probed tool's own arguments). */
function langArgument(argv: readonly string[]): string | undefined {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  for (let i = 0; i < end; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--lang') return argv[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/**
 * The language of help and usage errors: a valid --lang, else LC_ALL, LC_MESSAGES, LANG. Not the
 * settings file: help stays light, and a usage error comes before anything is read.
 */
export function helpLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Language {
  const flag = langArgument(argv);
  return chooseLanguage({ flag: flag !== undefined && isLanguage(flag) ? flag : null, env });
}
