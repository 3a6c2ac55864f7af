/** `telltale probe [options] -- <tool command...>`: argument parsing, output and saving the report. */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROBE_FACTORS as FACTORS, type ProbeFactorName as FactorName } from '../../common/probe.js';
import { defaultStateDir } from '../adapters/state-dir.js';
import { commandLanguage } from '../cli/language.js';
import type { Language } from '../../common/i18n/languages.js';
import { renderMessage } from '../../common/i18n/render.js';
import { translator } from '../../common/i18n/translate.js';
import { redactText } from '../core/secrets/policy.js';
import { DEFAULT_LOCALES, DEFAULT_TIMEZONES } from '../core/probe/plan.js';
import { CHINESE_HOSTS, NEUTRAL_VARIANT_HOSTS } from '../core/probe/hosts.js';
import { renderProbeReport } from '../core/probe/report.js';
import { hostProblem, timezoneProblem } from '../core/probe/safety.js';
import { ProbeRefused, probeTool, type ProbeOptions } from './session.js';
import { progressPrinter } from './progress.js';
import { saveProbeReport } from './state.js';

export { loadProbeReports } from './state.js';

export interface ProbeIo {
  stdout: NodeJS.WritableStream;
  /** Progress goes here too: one updating line where it is a terminal (isTTY). */
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

const USAGE = `Usage: telltale probe [options] -- <tool command...>
  --runs N              runs per environment (default 2, min 2)
  --factor LIST         timezone,system-timezone,locale,proxy,base-url (default: all)
  --timezones LIST      time zones to try (default ${DEFAULT_TIMEZONES.join(',')})
  --locales LIST        locales to try (default ${DEFAULT_LOCALES.join(',')})
  --hosts LIST          extra base-URL host names to try (bare names, e.g. api.example.cn)
  --timeout SECONDS     per run (default 60)
  --json                print the report as JSON
  --home-template DIR   copied into every run's fresh HOME (settings a tool needs to start,
                        e.g. .gemini/settings.json choosing API-key auth)
  --keep-captures       keep the temporary HOMEs, work dirs and captured requests
  --no-isolation        run the tool even where it cannot be cut off from the network
                        (Linux network namespaces); it may then reach the internet itself
  --state-dir DIR       where the report is saved (default: the Telltale state dir)
  --lang en|zh-CN       the language of the printed report (default: the language setting,
                        then LC_ALL, LC_MESSAGES, LANG)
In the tool command, {{ANTHROPIC_BASE_URL}} and {{OPENAI_BASE_URL}} (or any {{NAME}} the probe
sets) become each run's value, for tools configured by flags:
  telltale probe -- codex exec -c openai_base_url={{OPENAI_BASE_URL}} "say ok"`;

class UsageError extends Error {}

const list = (raw: string | undefined): string[] | undefined =>
  raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter(Boolean);

function intOption(raw: string | undefined, name: string, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}, got "${raw}"`);
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
  if (split < 0 || split === argv.length - 1) throw new UsageError('put the tool command after "--", e.g. telltale probe -- claude -p "say ok"');
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.slice(0, split),
      strict: true,
      options: {
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
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const factors = list(values.factor) ?? [...FACTORS];
  const unknown = factors.filter((f) => !(FACTORS as readonly string[]).includes(f));
  if (unknown.length > 0 || factors.length === 0) throw new UsageError(`--factor takes ${FACTORS.join(',')}; got "${values.factor ?? ''}"`);
  const timezones = list(values.timezones) ?? [...DEFAULT_TIMEZONES];
  const extraHosts = (list(values.hosts) ?? []).map((h) => h.toLowerCase());
  const problems = [...timezones.map(timezoneProblem), ...extraHosts.map(hostProblem)].filter((p): p is string => p !== null);
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  const timeoutSeconds = Number(values.timeout ?? 60);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout ?? ''}"`);
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
    io.stderr.write(`telltale probe: ${redactText((error as Error).message)}\n\n${USAGE}\n`);
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
      const { refusal } = error;
      const said = refusal ? t(refusal.key, { reason: renderMessage(refusal.problem, language) }) : error.message;
      io.stderr.write(`telltale probe: ${redactText(said)}\n`);
      return 2;
    }
    io.stderr.write(`telltale probe: ${redactText((error as Error).message)}\n`);
    return 1;
  }
}
