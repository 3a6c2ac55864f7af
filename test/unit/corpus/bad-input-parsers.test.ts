/**
 * The bad-input corpus (test/corpus/bad-input) through every parser of what a sampler reads: config
 * formats, registry and git files, Maven XML, KDE, GNOME, macOS and Windows proxy output, resolv.conf,
 * locale and time-zone values, URLs and snapshots. None may throw; each answers a value or a reason,
 * and a reason never repeats the input (it may hold a secret, and may be megabytes long). What a
 * reader passes on is at most the 1 MB read cap, so larger cases are cut to it, as the reader does.
 */
import { renderReason } from '../../../common/i18n/render-reason.js';
import { ReasonMessage } from '../../../contract/reason.js';
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES } from '../../../main/adapters/read-regular-file.js';
import { parseConfig } from '../../../main/core/catalog/config-format.js';
import { parseResolvConf } from '../../../main/core/identity/host.js';
import { parseGitConfig } from '../../../main/core/identity/git.js';
import { parseMavenSettings } from '../../../main/core/identity/maven.js';
import * as registries from '../../../main/core/identity/registries.js';
import { parsePosixLocale } from '../../../main/core/locale/locale.js';
import { parseEtcTimezone, parseTzEnv } from '../../../main/core/locale/timezone.js';
import { effectiveProxySignals, proxyEnvSignals } from '../../../main/core/proxy/env.js';
import { parseGnomeProxy } from '../../../main/core/proxy/gnome.js';
import { parseKioslaverc } from '../../../main/core/proxy/kde.js';
import { parseScutilProxy } from '../../../main/core/proxy/macos.js';
import { parseWindowsInternetSettings } from '../../../main/core/proxy/windows.js';
import { parseSnapshotJson } from '../../../main/core/snapshot/validate.js';
import { parseUrlish } from '../../../main/core/url.js';
import { CONTENT_CASES } from '../../corpus/bad-input/cases.js';

type Answer = unknown;

/** Every parser, as a reader calls it with a file's text. */
const PARSERS: Record<string, (text: string) => Answer> = {
  'config json': (t) => parseConfig(t, 'json'),
  'config jsonc': (t) => parseConfig(t, 'jsonc'),
  'config toml': (t) => parseConfig(t, 'toml'),
  'config yaml': (t) => parseConfig(t, 'yaml'),
  'config ini': (t) => parseConfig(t, 'ini'),
  'config env': (t) => parseConfig(t, 'env'),
  npmrc: (t) => registries.parseNpmrc(t, { HOME: '/home/dev' }),
  yarnrc: registries.parseYarnrc,
  'pip.conf': registries.parsePipConf,
  'cargo config': registries.parseCargoConfig,
  'go env file': registries.goEnvFileProxy,
  GOPROXY: registries.goProxyEntry,
  'maven settings.xml': parseMavenSettings,
  gitconfig: (t) => parseGitConfig(t, '/home/dev/.gitconfig', '/home/dev'),
  'resolv.conf': parseResolvConf,
  kioslaverc: parseKioslaverc,
  'scutil --proxy': parseScutilProxy,
  gsettings: parseGnomeProxy,
  'reg query': parseWindowsInternetSettings,
  'snapshot json': parseSnapshotJson,
  '/etc/timezone': parseEtcTimezone,
  TZ: parseTzEnv,
  LANG: parsePosixLocale,
  URL: parseUrlish,
  'registry URL signal': (t) => registries.registrySignal({ ecosystem: 'npm', setting: 'registry' }, t, 'file:~/.npmrc'),
  'proxy variables': (t) => [...proxyEnvSignals({ HTTPS_PROXY: t, NO_PROXY: t }), ...effectiveProxySignals({ HTTPS_PROXY: t, NO_PROXY: t })],
};

/** Reasons anywhere in an answer (Outcome reasons, signal reasons, error lists). */
function reasons(answer: Answer): string[] {
  if (typeof answer !== 'object' || answer === null) return [];
  if (Array.isArray(answer)) return answer.flatMap(reasons);
  const record = answer as Record<string, unknown>;
  // An Outcome's reason is a message: its English rendering is what a person reads.
  const reason = ReasonMessage.safeParse(record.reason);
  const own = [reason.success ? renderReason(reason.data, 'en') : record.reason, ...(Array.isArray(record.errors) ? record.errors : [])].filter((r): r is string => typeof r === 'string');
  return [...own, ...(record.ok === false || record.status === 'error' || record.status === 'unavailable' ? [] : [])];
}

describe('every parser on every bad-input case', () => {
  for (const content of CONTENT_CASES) {
    it(`${content.name}: ${content.why}`, async () => {
      const bytes = await content.bytes();
      const text = bytes.subarray(0, MAX_CONFIG_BYTES).toString('utf8');
      for (const [name, parse] of Object.entries(PARSERS)) {
        let answer: Answer;
        expect(() => (answer = parse(text)), `${name} does not throw`).not.toThrow();
        const failed = typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === false;
        for (const reason of reasons(answer)) {
          expect(reason, `${name}: a reason`).toMatch(/\S/);
          expect(reason.length, `${name}: the reason does not carry the input`).toBeLessThan(2000);
        }
        if (failed) expect(reasons(answer).length, `${name}: a failure has a reason`).toBeGreaterThan(0);
      }
    });
  }

  it('config formats refuse input nested deeper than they read, with a reason', async () => {
    const deep = CONTENT_CASES.filter((c) => c.refusedWhenNested);
    for (const content of deep) {
      const text = (await content.bytes()).toString('utf8');
      for (const format of ['json', 'jsonc', 'toml', 'yaml'] as const) {
        const parsed = parseConfig(text, format);
        expect(parsed.ok, `${content.name} as ${format}`).toBe(false);
      }
    }
    expect(parseConfig('[[[[1]]]]', 'json')).toEqual({ ok: true, value: [[[[1]]]] });
    expect(parseConfig(`${'['.repeat(101)}${']'.repeat(101)}`, 'json')).toEqual({ ok: false, reason: { id: 'reason.config.too-deep', format: 'JSON', max: 100 } });
  });

  it('a BOM does not make a config file malformed', () => {
    expect(parseConfig('\uFEFF{"a": 1}', 'json')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseConfig('\uFEFFa = 1\r\n', 'toml')).toEqual({ ok: true, value: { a: 1 } });
  });
});
