/**
 * Long adversarial strings (runs that made the old regexes backtrack from every position) are
 * redacted correctly. No timing here: the speed goal lives in bench/redaction.ts.
 */
import { describe, expect, it } from 'vitest';
import { redactText } from '../../../main/core/secrets/policy.js';

const run = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size - (size % unit.length));

/** [name, run unit]: runs that hold no secret themselves, so they must come back unchanged. */
const RUNS: Array<[string, string]> = [
  ['letters', 'a'],
  ['a:', 'a:'],
  ['a@', 'a@'],
  ['--x ', '--x '],
  ['key=', 'key='],
  ['://', '://'],
  ['a-', 'a-'],
  ['=(', '=('],
  ['"a": ', '"a": '],
  ['-p after sshpass', '-p -x '],
  ['docker not followed by login', 'docker \t'],
  ['htpasswd not in batch mode', 'htpasswd -c x '],
  ['jar classpath', '/opt/gradle/lib/plugin-1.2.jar:'],
];

const SIZES = [128 * 1024, 1024 * 1024];

describe.each(SIZES)('redacting %i-character adversarial strings', (size) => {
  it.each(RUNS)('%s: the run is kept, secrets around it are masked', (_name, unit) => {
    const body = run(unit, size);
    const input = `sshpass ${body} --token t0k-AAA ${body} http://u:pw-BBB@proxy:8080 ${body} DB_PASSWORD_MAIN=pw-CCC`;
    expect(redactText(input)).toBe(`sshpass ${body} --token *** ${body} http://u:***@proxy:8080 ${body} DB_PASSWORD_MAIN=***`);
  });

  it('masks a password as long as the string, up to the last "@"', () => {
    const password = run('p@/', size);
    expect(redactText(`HTTPS_PROXY=http://user:${password}x@proxy.corp:3128`)).toBe('HTTPS_PROXY=http://user:***@proxy.corp:3128');
  });

  it('masks the whole of a huge secret value and of a run of user:pass@ pairs', () => {
    expect(redactText(`ANTHROPIC_AUTH_TOKEN=${run('a', size)} rest`)).toBe('ANTHROPIC_AUTH_TOKEN=*** rest');
    expect(redactText(`${run('a:b@', size)}host:80`)).toBe('a:***@host:80');
  });

  it('masks every one of many short secrets', () => {
    const count = Math.floor(size / 32);
    const input = Array.from({ length: count }, (_, i) => `--password p${i} KEY${i}_TOKEN=t${i}`).join(' ');
    const expected = Array.from({ length: count }, (_, i) => `--password *** KEY${i}_TOKEN=***`).join(' ');
    expect(redactText(input)).toBe(expected);
  });
});
