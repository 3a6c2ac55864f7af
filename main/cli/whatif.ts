/** `telltale whatif`: this machine's inferences and 2026 check, now and with some things changed. */
import { WhatIfToggle } from '../../contract/whatif.js';
import { renderWhatIfText } from '../core/whatif/render-text.js';
import { createSnapshotSource } from '../sample.js';
import { parse, UsageError, type CliIo } from './args.js';
import { commandLanguage } from './language.js';

/** The command line's changes as typed toggles; a malformed one is a usage error naming it. */
export function togglesFrom(values: {
  unset?: string[];
  tz?: string;
  locale?: string;
  'drop-mirror'?: string[];
  'hide-git-email'?: boolean;
  'base-url'?: string[];
}): WhatIfToggle[] {
  const raw: unknown[] = [
    ...(values.unset ?? []).map((variable) => ({ kind: 'unset-env', variable })),
    ...(values.tz !== undefined ? [{ kind: 'timezone', zone: values.tz }] : []),
    ...(values.locale !== undefined ? [{ kind: 'locale', locale: values.locale }] : []),
    ...(values['drop-mirror'] ?? []).map((ecosystem) => ({ kind: 'drop-mirror', ecosystem })),
    ...(values['hide-git-email'] ? [{ kind: 'hide-git-email' }] : []),
    ...(values['base-url'] ?? []).map((assignment) => {
      const at = assignment.indexOf('=');
      if (at < 1) throw new UsageError(`--base-url takes VARIABLE=URL, got "${assignment}"`);
      return { kind: 'base-url', variable: assignment.slice(0, at), url: assignment.slice(at + 1) };
    }),
  ];
  return raw.map((toggle) => {
    const parsed = WhatIfToggle.safeParse(toggle);
    if (!parsed.success) throw new UsageError(`invalid change ${JSON.stringify(toggle)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    return parsed.data;
  });
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
