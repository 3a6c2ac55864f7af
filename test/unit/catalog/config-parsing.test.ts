import { renderReason } from '../../../common/i18n/render-reason.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/catalog/config-format.js';
import { findAtKeyPath } from '../../../main/core/catalog/key-path.js';
import { isSecretName as isSecretKey, isSecretValue, redactDeep } from '../../../main/core/secrets/policy.js';

describe('parseConfig', () => {
  it('reads JSON strictly and JSONC with comments and trailing commas', () => {
    const text = '{\n  // note\n  "a": 1,\n}';
    expect(parseConfig(text, 'jsonc')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseConfig(text, 'json')).toEqual({ ok: false, reason: { id: 'reason.config.unparsable', format: 'JSON', line: 2, column: 3, detail: 'InvalidCommentToken' } });
  });

  it('treats an empty file as no settings', () => {
    expect(parseConfig('', 'json')).toEqual({ ok: true, value: {} });
    expect(parseConfig('  \n', 'yaml')).toEqual({ ok: true, value: {} });
    expect(parseConfig('', 'toml')).toEqual({ ok: true, value: {} });
  });

  it('gives the position of a YAML error without quoting the file', () => {
    const result = parseConfig('model: gpt-4o\nopenai-api-key: [sk-LEAKME\nweak-model: x\n', 'yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(renderReason(result.reason, 'en')).toMatch(/^invalid YAML at line \d+, column \d+ \([A-Z_]+\)$/);
    expect(JSON.stringify(result.reason)).not.toContain('LEAKME');
  });

  it('gives the position of a TOML error without quoting the file', () => {
    const result = parseConfig('model = "o3"\napi_key = "sk-LEAKME\n', 'toml');
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(renderReason(result.reason, 'en')).toMatch(/^invalid TOML at line 2, column \d+/);
    expect(JSON.stringify(result.reason)).not.toContain('LEAKME');
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(parseConfig(lines.join('\n'), 'yaml').ok).toBe(false);
  });

  it('reads ini and dotenv files', () => {
    expect(parseConfig('[proxy]\nhttps = http://p:1\n', 'ini')).toEqual({ ok: true, value: { proxy: { https: 'http://p:1' } } });
    expect(parseConfig('# c\nA=1\nexport B="two words"\n', 'env')).toEqual({ ok: true, value: { A: '1', B: 'two words' } });
  });
});

describe('findAtKeyPath', () => {
  it('matches flat dotted keys, nested objects and mixtures', () => {
    expect(findAtKeyPath({ 'http.proxy': 'p' }, 'http.proxy')).toEqual([{ key: 'http.proxy', value: 'p' }]);
    expect(findAtKeyPath({ http: { proxy: 'q' } }, 'http.proxy')).toEqual([{ key: 'http.proxy', value: 'q' }]);
    expect(findAtKeyPath({ 'a.b': { 'c.d': 1 } }, 'a.b.c.d')).toEqual([{ key: 'a.b.c.d', value: 1 }]);
  });

  it('expands "*" over object keys and array indices', () => {
    const data = { model_providers: { kimi: { base_url: 'k' }, ds: { base_url: 'd' }, bare: 'x' } };
    expect(findAtKeyPath(data, 'model_providers.*.base_url')).toEqual([
      { key: 'model_providers.kimi.base_url', value: 'k' },
      { key: 'model_providers.ds.base_url', value: 'd' },
    ]);
    expect(findAtKeyPath({ models: [{ m: 1 }, { m: 2 }] }, 'models.*.m').map((f) => f.key)).toEqual(['models.0.m', 'models.1.m']);
  });

  it('finds nothing in scalars, nulls or missing keys', () => {
    expect(findAtKeyPath(null, 'a')).toEqual([]);
    expect(findAtKeyPath('text', 'a.*')).toEqual([]);
    expect(findAtKeyPath({ a: 1 }, 'a.b')).toEqual([]);
  });
});

describe('secrets', () => {
  it.each(['apiKey', 'api_key', 'openai-api-key', 'ANTHROPIC_AUTH_TOKEN', 'GITHUB_TOKEN', 'ANTHROPIC_CUSTOM_HEADERS', 'Authorization', 'env.MY_SERVICE_KEY', 'password'])(
    '%s is a secret key',
    (key) => expect(isSecretKey(key)).toBe(true),
  );

  it.each(['model', 'http.proxy', 'base_url', 'CLAUDE_CODE_MAX_OUTPUT_TOKENS', 'keyboard', 'env_key_instructions'])(
    '%s is not a secret key',
    (key) => expect(isSecretKey(key)).toBe(false),
  );

  it('recognises credential-looking values', () => {
    expect(isSecretValue('Bearer abc')).toBe(true);
    expect(isSecretValue('sk-ant-api03-abcdefghij')).toBe(true);
    expect(isSecretValue('ghp_0123456789abcdefghij')).toBe(true);
    expect(isSecretValue('gpt-4o')).toBe(false);
  });

  it('redacts nested objects', () => {
    expect(redactDeep({ headers: { Authorization: 'x', 'X-Trace': 'y' }, list: ['Bearer z'] })).toEqual({
      headers: { Authorization: '***', 'X-Trace': 'y' },
      list: ['***'],
    });
  });
});
