/**
 * Which environments the probe runs a tool under. Each factor has a baseline and variants that
 * differ from it in that one factor only:
 *  - timezone, locale, proxy share the neutral baseline: TZ=UTC, LANG=en_US.UTF-8, no proxy,
 *    base URLs pointing straight at the tap (http://127.0.0.1:PORT). NO_PROXY=127.0.0.1,localhost,::1
 *    is set everywhere (harmless without a proxy) so the proxy variant differs only in *_PROXY,
 *    which point at the tap too: a proxy on loopback. A tool that honours NO_PROXY reaches the tap
 *    directly; one that sends its requests through the proxy reaches it all the same (the tap
 *    answers what is addressed to the base URL it stands for, and notes and refuses the rest).
 *  - base-url needs the tool to believe it talks to a given host while reaching the tap: the base
 *    URLs become http://<host> and every *_PROXY is the tap, which sees absolute-form requests.
 *    Its baseline is therefore the official hosts (api.anthropic.com / api.openai.com /
 *    generativelanguage.googleapis.com) through the same tap proxy, so baseline and variants
 *    differ in the host alone.
 *  - system-timezone keeps TZ=UTC and sets the run's system zone (/etc/localtime, /etc/timezone),
 *    UTC in every other environment; with the timezone factor it tells which of the two a tool follows.
 */
import type { ProbeFactorName as FactorName } from '../../../common/probe.js';
import { BASELINE_HOSTS, NEUTRAL_VARIANT_HOSTS } from './hosts.js';

export const DEFAULT_TIMEZONES: readonly string[] = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Tokyo', 'America/New_York', 'Europe/Berlin'];
export const DEFAULT_LOCALES: readonly string[] = ['zh_CN.UTF-8', 'ja_JP.UTF-8'];

export const DUMMY_KEYS = {
  ANTHROPIC_API_KEY: 'sk-ant-telltale-dummy',
  OPENAI_API_KEY: 'sk-telltale-dummy',
  GEMINI_API_KEY: 'telltale-dummy-gemini-key',
} as const;

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'] as const;
const LOOPBACK_NO_PROXY = '127.0.0.1,localhost,::1';
/** The proxy factor's one value: a proxy is set (it is on loopback, the tap). */
export const PROXY_VARIANT = 'HTTPS_PROXY/HTTP_PROXY set (a loopback proxy)';

export interface EnvGroup {
  /** Stable id; groups with the same id are the same environment and run once. */
  id: string;
  env: Record<string, string>;
  /** The zone of /etc/localtime and /etc/timezone inside the run; absent: the probe's default, UTC. */
  systemZone?: string;
}

/** The system zone of every run that does not set its own. */
export const DEFAULT_SYSTEM_ZONE = 'UTC';

export interface PlannedFactor {
  factor: FactorName;
  baselineLabel: string;
  baseline: EnvGroup;
  variants: Array<{ value: string; group: EnvGroup }>;
  /**
   * Variants that stand for any value of the factor (api.example.com: any custom host). What the
   * tool does for them as well is not held against the other variants (see shared.ts).
   */
  neutralValues: readonly string[];
}

export interface PlanInput {
  factors: readonly FactorName[];
  timezones: readonly string[];
  locales: readonly string[];
  /** Base-URL hosts to try (bare host names, already validated). */
  hosts: readonly string[];
  tapPort: number;
  home: string;
  path: string;
  term: string;
}

function withProxy(env: Record<string, string>, proxyUrl: string): Record<string, string> {
  return { ...env, ...Object.fromEntries(PROXY_VARS.map((name) => [name, proxyUrl])) };
}

/** Base URLs of the Anthropic, OpenAI and Gemini APIs (GOOGLE_GEMINI_BASE_URL: the Gemini CLI and SDK). */
function baseUrls(anthropic: string, openai: string, gemini: string): Record<string, string> {
  return { ANTHROPIC_BASE_URL: anthropic, OPENAI_BASE_URL: `${openai}/v1`, GOOGLE_GEMINI_BASE_URL: gemini };
}

function withHost(env: Record<string, string>, hosts: { anthropic: string; openai: string; gemini: string }): Record<string, string> {
  return { ...env, ...baseUrls(`http://${hosts.anthropic}`, `http://${hosts.openai}`, `http://${hosts.gemini}`) };
}

export function planProbe(input: PlanInput): PlannedFactor[] {
  const tap = `http://127.0.0.1:${input.tapPort}`;
  const neutral: EnvGroup = {
    id: 'baseline',
    env: {
      PATH: input.path,
      HOME: input.home,
      TERM: input.term,
      TZ: 'UTC',
      LANG: 'en_US.UTF-8',
      NO_PROXY: LOOPBACK_NO_PROXY,
      no_proxy: LOOPBACK_NO_PROXY,
      // Lets newer Node honour *_PROXY in fetch/http; the same in every run, so it is no factor.
      NODE_USE_ENV_PROXY: '1',
      ...DUMMY_KEYS,
      ...baseUrls(tap, tap, tap),
    },
  };
  const viaTap = withProxy(neutral.env, tap);
  const hostBaseline: EnvGroup = {
    id: 'baseline-via-tap-proxy',
    env: withHost(viaTap, BASELINE_HOSTS),
  };
  const variant = (id: string, env: Record<string, string>, value: string, systemZone?: string) => ({
    value,
    group: { id, env, ...(systemZone ? { systemZone } : {}) },
  });

  return input.factors.map((factor): PlannedFactor => {
    switch (factor) {
      case 'timezone':
        return {
          factor,
          baselineLabel: 'UTC',
          baseline: neutral,
          variants: input.timezones.map((tz) => variant(`tz:${tz}`, { ...neutral.env, TZ: tz }, tz)),
          neutralValues: [],
        };
      case 'system-timezone':
        return {
          factor,
          baselineLabel: DEFAULT_SYSTEM_ZONE,
          baseline: neutral,
          variants: input.timezones.map((tz) => variant(`system-tz:${tz}`, neutral.env, tz, tz)),
          neutralValues: [],
        };
      case 'locale':
        return {
          factor,
          baselineLabel: 'en_US.UTF-8',
          baseline: neutral,
          variants: input.locales.map((lang) => variant(`lang:${lang}`, { ...neutral.env, LANG: lang }, lang)),
          neutralValues: [],
        };
      case 'proxy':
        return {
          factor,
          baselineLabel: 'no proxy',
          baseline: neutral,
          variants: [variant('proxy:loopback', viaTap, PROXY_VARIANT)],
          neutralValues: [],
        };
      case 'base-url':
        return {
          factor,
          baselineLabel: Object.values(BASELINE_HOSTS).join(' / '),
          baseline: hostBaseline,
          variants: input.hosts.map((host) => variant(`host:${host}`, withHost(viaTap, { anthropic: host, openai: host, gemini: host }), host)),
          neutralValues: NEUTRAL_VARIANT_HOSTS,
        };
    }
  });
}

const PLACEHOLDER = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/**
 * The tool command for one environment: {{NAME}} becomes that environment's value of NAME, for
 * tools that take their base URL as a flag or config override rather than from the environment
 * (`codex exec -c openai_base_url={{OPENAI_BASE_URL}} ...`). Unknown names stay as written.
 */
export function commandFor(command: readonly string[], env: Readonly<Record<string, string>>): string[] {
  return command.map((arg) => arg.replace(PLACEHOLDER, (whole, name: string) => env[name] ?? whole));
}
