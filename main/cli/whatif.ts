/** `telltale whatif`: this machine's inferences and 2026 check, now and with some things changed. */
import { WhatIfToggle } from '../../contract/whatif.js';
import { renderWhatIfText } from '../core/whatif/render-text.js';
import { createSnapshotSource } from '../sample.js';
import { parse, UsageError, type CliIo } from './args.js';
import { commandLanguage } from './language.js';

type ToggleKind = WhatIfToggle['kind'];

/** Each change's option, and a value it takes, for a usage error that names what was typed. */
const TOGGLE_OPTIONS: Record<Exclude<ToggleKind, 'hide-git-email'>, { option: string; example: string }> = {
  'unset-env': { option: '--unset', example: 'HTTPS_PROXY' },
  timezone: { option: '--tz', example: 'UTC' },
  locale: { option: '--locale', example: 'en_US.UTF-8' },
  'drop-mirror': { option: '--drop-mirror', example: 'npm' },
  'base-url': { option: '--base-url', example: 'ANTHROPIC_BASE_URL=https://api.anthropic.com' },
};

/** A change as typed: its kind, what the option was given, and the toggle to check. */
type Typed = { kind: Exclude<ToggleKind, 'hide-git-email'>; value: string; toggle: unknown };

/** The command line's changes as typed toggles; a malformed one is a usage error naming it. */
export function togglesFrom(values: {
  unset?: string[];
  tz?: string;
  locale?: string;
  'drop-mirror'?: string[];
  'hide-git-email'?: boolean;
  'base-url'?: string[];
}): WhatIfToggle[] {
  const typed: Typed[] = [
    ...(values.unset ?? []).map((variable): Typed => ({ kind: 'unset-env', value: variable, toggle: { kind: 'unset-env', variable } })),
    ...(values.tz !== undefined ? [{ kind: 'timezone', value: values.tz, toggle: { kind: 'timezone', zone: values.tz } } as const] : []),
    ...(values.locale !== undefined ? [{ kind: 'locale', value: values.locale, toggle: { kind: 'locale', locale: values.locale } } as const] : []),
    ...(values['drop-mirror'] ?? []).map((ecosystem): Typed => ({ kind: 'drop-mirror', value: ecosystem, toggle: { kind: 'drop-mirror', ecosystem } })),
    ...(values['base-url'] ?? []).map((assignment): Typed => {
      const at = assignment.indexOf('=');
      if (at < 1) throw new UsageError({ id: 'usage.assignment', option: '--base-url', form: 'VARIABLE=URL', value: assignment });
      return { kind: 'base-url', value: assignment, toggle: { kind: 'base-url', variable: assignment.slice(0, at), url: assignment.slice(at + 1) } };
    }),
  ];
  const toggles = typed.map(({ kind, value, toggle }) => {
    const parsed = WhatIfToggle.safeParse(toggle);
    if (!parsed.success) throw new UsageError({ id: 'usage.invalid-value', ...TOGGLE_OPTIONS[kind], value });
    return parsed.data;
  });
  return values['hide-git-email'] ? [...toggles, { kind: 'hide-git-email' }] : toggles;
}

export async function whatifCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    unset: { type: 'string', multiple: true },
    tz: { type: 'string' },
    locale: { type: 'string' },
    'drop-mirror': { type: 'string', multiple: true },
    'hide-git-email': { type: 'boolean' },
    'base-url': { type: 'string', multiple: true },
    json: { type: 'boolean' },
    lang: { type: 'string' },
  });
  const toggles = togglesFrom(values);
  // Checked before sampling: a bad --lang is a usage error.
  const language = commandLanguage(values.lang, io);
  const source = createSnapshotSource();
  const result = source.whatIf(await source.take(), toggles);
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderWhatIfText(result, language));
  return 0;
}
