/**
 * Property tests: generated secrets, in every position a secret arrives in (env and config names,
 * argv flags, URL user info, paths and queries, headers, error text, JSON), never survive any output
 * (snapshot JSON, Markdown, HTML and text exports, diff, probe report and stdout, tap capture,
 * messages). The outputs are the project's own (test/fixtures/secrets/outputs.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactDeep, redactText } from '../../../main/core/secrets/policy.js';
import { leaksOf } from '../../fixtures/secrets/outputs.js';
import type { Placement, Planted, SecretClass } from '../../fixtures/secrets/planted.js';

const RUNS = { numRuns: 40 };

/** A secret distinct from anything else in the outputs: letters and digits between fixed ends. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{8,24}$/).map((body) => `Q${body}9z`);

/** Holds the characters users leave unescaped in proxy passwords. */
const password = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{4,10}$/), fc.stringMatching(/^[A-Za-z0-9@/#?!$*~]{0,8}$/), fc.stringMatching(/^[A-Za-z0-9]{2,6}$/))
  .map(([a, b, c]) => `P${a}${b}${c}`);

const SECRET_WORDS = ['TOKEN', 'SECRET', 'KEY', 'PASSWORD', 'PASSWD', 'PWD', 'AUTH', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATE', 'SESSION', 'COOKIE', 'ACCESS', 'APIKEY'];
const PREFIXES = ['AWS', 'MY', 'VERTEX', 'DB', 'SMTP', 'GITLAB', 'ACME_PROD', 'X'];
const SUFFIXES = ['', 'V2', 'PRIMARY', 'BEDROCK', 'RW', 'EU'];

/** ANY_NAME_WITH_A_SECRET_WORD, in the casing env vars, JSON keys and YAML keys use. */
const secretName = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...SECRET_WORDS), fc.constantFrom(...SUFFIXES), fc.constantFrom('upper', 'camel', 'snake'))
  .map(([prefix, word, suffix, casing]) => {
    const parts = [prefix, word, suffix].filter(Boolean);
    if (casing === 'upper') return parts.join('_');
    if (casing === 'snake') return parts.join('_').toLowerCase();
    return parts.map((part, i) => (i === 0 ? part.toLowerCase() : part[0] + part.slice(1).toLowerCase())).join('').replace(/_/g, '');
  });

/** Benign arguments around a secret, so its position in the command line varies. */
const benignArgs = fc.array(fc.constantFrom('-v', '--region', 'eu-west-1', 'run', '--model', 'sonnet', '-x', 'file.txt'), { maxLength: 4 });

const argvWith = (s: string) =>
  fc.constantFrom<string[]>(
    ['deploy', '--token', s],
    ['cli', `--password=${s}`],
    ['llm', '--api-key', s],
    ['curl', '-H', `Authorization: Bearer ${s}`, 'https://api.example.com'],
    ['curl', '-u', `user:${s}`, 'https://example.com'],
    ['sshpass', '-p', s, 'ssh', 'host'],
    ['mysql', `-p${s}`, 'db'],
    ['redis-cli', '-a', s],
    ['openssl', 'enc', '-pass', `pass:${s}`],
    ['aws', 'configure', 'set', 'aws_secret_access_key', s],
    ['tool', '--client-secret', s],
    ['tool', '--session', s],
    ['podman', `--password=${s}`],
  );

/** Tools whose password flag is one of a subcommand's, or positional: the words before the secret stay together. */
const subcommandArgvWith = (s: string) =>
  fc.constantFrom<{ command: string[]; rest: string[] }>(
    { command: ['docker', 'login'], rest: ['-p', s, 'registry.example.com'] },
    { command: ['podman', 'login'], rest: ['-u', 'me', '-p', s] },
    { command: ['helm', 'registry', 'login'], rest: ['r.example.com', '-p', s] },
    { command: ['htpasswd'], rest: ['-b', 'users', 'bob', s] },
    { command: ['htpasswd'], rest: ['-nbB', 'bob', s] },
  );

async function survives(cls: SecretClass, secretValue: string, place: Placement): Promise<string[]> {
  const planted: Planted = { class: cls, secret: secretValue, place };
  return leaksOf(planted);
}

describe('generated secrets never survive any output', () => {
  it('under any secret-ish name in env and config', async () => {
    await fc.assert(
      fc.asyncProperty(secretName, secret, fc.boolean(), async (name, s, asEnv) => {
        const place: Placement = asEnv ? { in: 'env', name, value: s } : { in: 'config', key: `tool.${name}`, value: s };
        expect(await survives('secret-name', s, place)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('as a flag argument anywhere in argv', async () => {
    await fc.assert(
      fc.asyncProperty(
        secret.chain((s) => fc.tuple(fc.constant(s), argvWith(s), benignArgs, benignArgs)),
        async ([s, form, before, after]) => {
          const [tool, ...rest] = form;
          const args = [tool as string, ...before, ...rest, ...after];
          expect(await survives('flag-argument', s, { in: 'argv', args })).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('after a subcommand\'s password flag, or as htpasswd\'s batch-mode password, with other arguments around', async () => {
    await fc.assert(
      fc.asyncProperty(
        secret.chain((s) => fc.tuple(fc.constant(s), subcommandArgvWith(s), benignArgs, benignArgs)),
        async ([s, { command, rest }, between, after]) => {
          // htpasswd's password is its last argument: nothing may follow it.
          const args = [...command, ...between, ...rest, ...(rest.at(-1) === s ? [] : after)];
          expect(await survives('flag-argument', s, { in: 'argv', args })).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('as a proxy password holding "@", "/", "#", "?"', async () => {
    await fc.assert(
      fc.asyncProperty(password, fc.constantFrom('http', 'https', 'socks5'), fc.boolean(), async (pw, scheme, withScheme) => {
        const url = `${withScheme ? `${scheme}://` : ''}alice:${pw}@proxy.corp.example:3128`;
        expect(await survives('url-userinfo', pw, { in: 'url', url })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('as a query value or a webhook path', async () => {
    const forms = (s: string) =>
      fc.constantFrom(
        `https://api.example.com/v1?token=${s}`,
        `https://api.example.com/cb?code=${s}&state=1`,
        `https://api.example.com/x?page=2&key=${s}`,
        `https://s3.example.com/o?X-Amz-Signature=${s}`,
        `https://api.example.com/x?session_id=${s}`,
        `https://hooks.slack.com/services/T0123ABCD/B0123ABCD/${s}`,
        `https://discord.com/api/webhooks/123456789012/${s}`,
        `https://api.telegram.org/bot1234567:${s}/getMe`,
        `https://api.example.com/token/${s}/refresh`,
      );
    await fc.assert(
      fc.asyncProperty(secret.chain((s) => fc.tuple(fc.constant(s), forms(s))), async ([s, url]) => {
        expect(await survives(url.includes('?') ? 'url-query' : 'url-path', s, { in: 'url', url })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('in a credential header', async () => {
    const headers = (s: string) =>
      fc.constantFrom<[string, string]>(
        ['authorization', `Bearer ${s}`],
        ['proxy-authorization', `Basic ${s}`],
        ['x-api-key', s],
        ['x-goog-api-key', s],
        ['cookie', `sid=${s}; theme=dark`],
        ['x-session-token', s],
      );
    await fc.assert(
      fc.asyncProperty(secret.chain((s) => fc.tuple(fc.constant(s), headers(s))), async ([s, [name, value]]) => {
        expect(await survives('header', s, { in: 'header', name, value })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('quoted by an error reason', async () => {
    const reasons = (s: string) =>
      fc.constantFrom(
        `malformed URL: http://user:${s}@[bad`,
        `connect ECONNREFUSED for https://u:${s}@127.0.0.1:9/`,
        `spawn failed: cli --token ${s}: ENOENT`,
        `~/.env: line 3: ANTHROPIC_AUTH_TOKEN=${s} is not valid`,
        `request to https://api.example.com/v1?api_key=${s} failed`,
      );
    await fc.assert(
      fc.asyncProperty(secret.chain((s) => fc.tuple(fc.constant(s), reasons(s))), async ([s, reason]) => {
        expect(await survives('error-reason', s, { in: 'error', reason })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('nested anywhere in a JSON document under a secret name', () => {
    fc.assert(
      fc.property(secretName, secret, fc.array(fc.constantFrom('config', 'providers', 'openai', 'env', 'settings'), { maxLength: 4 }), (name, s, path) => {
        const doc = [...path, name].reduceRight<unknown>((inner, key) => ({ [key]: inner, note: 'kept' }), s);
        const out = JSON.stringify(redactDeep(doc));
        expect(out).not.toContain(s);
        expect(out).toContain('kept');
      }),
      RUNS,
    );
  });

  it('as a vendor-shaped key anywhere in free text', () => {
    const shapes = fc.constantFrom('sk-ant-api03-', 'sk-proj-', 'ghp_', 'gho_', 'github_pat_', 'xoxb-', 'glpat-', 'hf_', 'AIza');
    fc.assert(
      fc.property(shapes, fc.stringMatching(/^[A-Za-z0-9]{40}$/), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (prefix, body, before, after) => {
        const key = `${prefix}${body}`;
        expect(redactText(`${before} ${key} ${after}`)).not.toContain(body);
      }),
      RUNS,
    );
  });
});
