/** `telltale probe [options] -- <tool command...>`: argument parsing, output and saving the report. */
import os from 'node:os';
import path from 'node:path';
import { PROBE_FACTORS as FACTORS, type ProbeFactorName as FactorName } from '../../common/probe.js';
import { defaultStateDir } from '../adapters/state-dir.js';
import { commandLanguage } from '../cli/language.js';
import type { Language } from '../../common/i18n/languages.js';
import { translator } from '../../common/i18n/translate.js';
import { redactText } from '../core/secrets/policy.js';
import { DEFAULT_LOCALES, DEFAULT_TIMEZONES } from '../core/probe/plan.js';
import { CHINESE_HOSTS, NEUTRAL_VARIANT_HOSTS } from '../core/probe/hosts.js';
import { renderProbeReport } from '../core/probe/report.js';
import { hostProblem, isKnownZone, type HostProblem } from '../core/probe/safety.js';
import { parse as parseOptions, UsageError } from '../cli/args.js';
import { HELP_WIDTH, helpLanguage, helpList, type HelpEntry } from '../cli/help.js';
import { listOf, renderUsage, type UsageMessage } from '../cli/usage-message.js';
import { wrapText } from '../cli/wrap-text.js';
import { ProbeRefused, probeTool, renderRefusal, type ProbeOptions } from './session.js';
import { progressPrinter } from './progress.js';
import { saveProbeReport } from './state.js';

export { loadProbeReports } from './state.js';

export interface ProbeIo {
  stdout: NodeJS.WritableStream;
  /** Progress goes here too: one updating line where it is a terminal (isTTY). */
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

const PROBE_OPTIONS: readonly HelpEntry[] = [
  { synopsis: ['--runs N'], about: (t) => t('help.probe.runs') },
  { synopsis: ['--factor LIST'], about: (t, language) => t('help.probe.factor', { factors: listOf(FACTORS, language) }) },
  { synopsis: ['--timezones LIST'], about: (t, language) => t('help.probe.timezones', { zones: listOf(DEFAULT_TIMEZONES, language) }) },
  { synopsis: ['--locales LIST'], about: (t, language) => t('help.probe.locales', { locales: listOf(DEFAULT_LOCALES, language) }) },
  { synopsis: ['--hosts LIST'], about: (t) => t('help.probe.hosts', { example: 'api.example.cn' }) },
  { synopsis: ['--timeout SECONDS'], about: (t) => t('help.probe.timeout') },
  { synopsis: ['--json'], about: (t) => t('help.probe.json') },
  { synopsis: ['--home-template DIR'], about: (t) => t('help.probe.home-template', { example: '.gemini/settings.json' }) },
  { synopsis: ['--keep-captures'], about: (t) => t('help.probe.keep-captures') },
  { synopsis: ['--no-isolation'], about: (t) => t('help.probe.no-isolation') },
  { synopsis: ['--state-dir DIR'], about: (t) => t('help.probe.state-dir') },
  { synopsis: ['--lang en|zh-CN'], about: (t) => t('help.probe.lang') },
];

function probeHelp(language: Language): string {
  const t = translator(language);
  return [
    t('help.usage', { command: 'telltale probe [options] -- <tool command...>' }),
    t('help.options'),
    ...helpList(PROBE_OPTIONS, language, 24),
    ...wrapText(t('help.probe.placeholders', { examples: listOf(['{{ANTHROPIC_BASE_URL}}', '{{OPENAI_BASE_URL}}'], language), placeholder: '{{NAME}}' }), HELP_WIDTH),
    '  telltale probe -- codex exec -c openai_base_url={{OPENAI_BASE_URL}} "say ok"',
  ].join('\n');
}

const list = (raw: string | undefined): string[] | undefined =>
  raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter(Boolean);

const HOST_PROBLEMS: Record<HostProblem, (host: string) => UsageMessage> = {
  url: (value) => ({ id: 'usage.host-not-url', option: '--hosts', example: 'api.example.cn', value }),
  'ip-address': (value) => ({ id: 'usage.host-not-ip', option: '--hosts', value }),
  loopback: (value) => ({ id: 'usage.host-loopback', option: '--hosts', value }),
  invalid: (value) => ({ id: 'usage.host-invalid', option: '--hosts', value }),
};

function intOption(raw: string | undefined, name: string, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError({ id: 'usage.whole-number-at-least', option: name, min: String(min), value: raw });
  return n;
}

interface ParsedArgs {
  options: ProbeOptions;
  json: boolean;
  stateDir: string;
  lang: string | undefined;
}

function parse(argv: string[]): ParsedArgs {
  const split = argv.indexOf('--');
  if (split < 0 || split === argv.length - 1) throw new UsageError({ id: 'usage.tool-command', example: 'telltale probe -- claude -p "say ok"' });
  const { values } = parseOptions(argv.slice(0, split), {
        runs: { type: 'string' },
        factor: { type: 'string' },
        timezones: { type: 'string' },
        locales: { type: 'string' },
        hosts: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        'keep-captures': { type: 'boolean' },
        'home-template': { type: 'string' },
        'no-isolation': { type: 'boolean' },
        'state-dir': { type: 'string' },
        lang: { type: 'string' },
  });
  const factors = list(values.factor) ?? [...FACTORS];
  const unknown = factors.filter((f) => !(FACTORS as readonly string[]).includes(f));
  if (unknown.length > 0 || factors.length === 0) throw new UsageError({ id: 'usage.one-of', option: '--factor', choices: FACTORS, value: values.factor ?? '' });
  const timezones = list(values.timezones) ?? [...DEFAULT_TIMEZONES];
  const extraHosts = (list(values.hosts) ?? []).map((h) => h.toLowerCase());
  const zone = timezones.find((z) => !isKnownZone(z));
  if (zone !== undefined) throw new UsageError({ id: 'usage.unknown-zone', option: '--timezones', value: zone });
  for (const host of extraHosts) {
    const problem = hostProblem(host);
    if (problem) throw new UsageError(HOST_PROBLEMS[problem](host));
  }
  const timeoutSeconds = Number(values.timeout ?? 60);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError({ id: 'usage.positive-number', option: '--timeout', value: values.timeout ?? '' });
  return {
    json: values.json ?? false,
    lang: values.lang,
    stateDir: values['state-dir'] ?? defaultStateDir(process.env, os.homedir()),
    options: {
      command: argv.slice(split + 1),
      runs: intOption(values.runs, '--runs', 2, 2),
      factors: [...new Set(factors)] as FactorName[],
      timezones,
      locales: list(values.locales) ?? [...DEFAULT_LOCALES],
      hosts: [...new Set([...NEUTRAL_VARIANT_HOSTS, ...CHINESE_HOSTS, ...extraHosts])],
      timeoutMs: Math.round(timeoutSeconds * 1000),
      keepCaptures: values['keep-captures'] ?? false,
      ...(values['home-template'] ? { homeTemplate: path.resolve(values['home-template']) } : {}),
      isolate: !(values['no-isolation'] ?? false),
    },
  };
}

export async function runProbe(argv: string[], io: ProbeIo): Promise<number> {
  let parsed: ParsedArgs;
  let language: Language;
  try {
    parsed = parse(argv);
    language = commandLanguage(parsed.lang, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const language = helpLanguage(argv);
    io.stderr.write(`telltale probe: ${redactText(renderUsage(error.usage, language))}\n\n${probeHelp(language)}\n`);
    return 2;
  }
  const t = translator(language);
  try {
    const progress = progressPrinter(io.stderr, language);
    const { report, keptDir } = await probeTool({ ...parsed.options, onProgress: (p) => progress.update(p) }).finally(() => progress.finish());
    if (!report.isolated) io.stderr.write(`telltale probe: ${t('cli.probe.not-isolated')}\n`);
    io.stdout.write(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : renderProbeReport(report, language));
    const file = await saveProbeReport(parsed.stateDir, report).catch((error: unknown) => {
      io.stderr.write(`telltale probe: ${t('cli.probe.not-saved', { error: redactText((error as Error).message) })}\n`);
      return null;
    });
    if (file) io.stderr.write(`telltale probe: ${t('cli.probe.saved', { file })}\n`);
    if (keptDir) io.stderr.write(`telltale probe: ${t('cli.probe.kept', { dir: keptDir })}\n`);
    return report.error ? 1 : 0;
  } catch (error) {
    if (error instanceof ProbeRefused) {
      io.stderr.write(`telltale probe: ${redactText(renderRefusal(error.refusal, language))}\n`);
      return 2;
    }
    io.stderr.write(`telltale probe: ${redactText((error as Error).message)}\n`);
    return 1;
  }
}
