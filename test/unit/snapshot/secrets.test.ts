import { describe, expect, it } from 'vitest';
import { isSecretName, redactText } from '../../../main/core/secrets/policy.js';

describe('redactText', () => {
  const cases: Array<[string, string]> = [
    ['http://alice:hunter2@proxy.corp:8080', 'http://alice:***@proxy.corp:8080'],
    ['alice:hunter2@proxy.corp:3128', 'alice:***@proxy.corp:3128'],
    ['export ANTHROPIC_API_KEY=sk-ant-api03-AbCdEfGhIjKlMnOp', 'export ANTHROPIC_API_KEY=***'],
    ['OPENAI_KEY="abc def" next=1', 'OPENAI_KEY="***" next=1'],
    ['node cli.js --api-key k3y-value-1 --model opus', 'node cli.js --api-key *** --model opus'],
    ['my-app --token=abc --verbose', 'my-app --token=*** --verbose'],
    ['curl -u bob:pw123 https://api', 'curl -u bob:*** https://api'],
    ['-H "Authorization: Bearer abc.def-ghi"', '-H "Authorization: Bearer ***"'],
    ['proxy-authorization: Basic Zm9vOmJhcg==', 'proxy-authorization: Basic ***'],
    ['{"apiKey": "zzz-111", "baseURL": "https://api.moonshot.cn"}', '{"apiKey": "***", "baseURL": "https://api.moonshot.cn"}'],
    ['ANTHROPIC_CUSTOM_HEADERS=X-Api-Key: abc123, Foo: bar\nNEXT=1', 'ANTHROPIC_CUSTOM_HEADERS=***\nNEXT=1'],
    ['https://x.com/a?token=abc&page=2&sig=ff', 'https://x.com/a?token=***&page=2&sig=***'],
    ['Note:token=abc', 'Note:token=***'],
    ['//registry.npmjs.org/:_authToken=xyz _auth=Zm9vOmJhcg==', '//registry.npmjs.org/:_authToken=*** _auth=***'],
    ['ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 AKIAIOSFODNN7EXAMPLE', 'ghp_*** AKIA***'],
  ];
  it.each(cases)('masks %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const plain = [
      'Asia/Shanghai 10.0.0.5:51234 -> 160.79.104.10:443 api.anthropic.com',
      'max_tokens=4096 TOKENIZERS_PARALLELISM=false SSH_AUTH_SOCK=/tmp/ssh-x/agent.1',
      'mailto:alice@example.com git@github.com:org/repo.git',
      'http://[::1]:3128 http://proxy.corp.example.cn:3128 socks5h://127.0.0.1:1080',
      'node /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js --model sonnet',
      'desk-top sk-short Bearer',
    ];
    for (const text of plain) expect(redactText(text)).toBe(text);
  });

  it('is idempotent', () => {
    for (const [input] of cases) expect(redactText(redactText(input))).toBe(redactText(input));
  });
});

describe('isSecretName', () => {
  it.each(['ANTHROPIC_API_KEY', 'GITHUB_TOKEN', 'client_secret', 'apiKey', '_authToken', 'x-api-key', 'OPENAI_KEY', '_auth', 'ANTHROPIC_CUSTOM_HEADERS', 'http.proxyPassword'])(
    '%s is a secret name',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['max_tokens', 'TOKENIZERS_PARALLELISM', 'SSH_AUTH_SOCK', 'monkey', 'key', 'ANTHROPIC_BASE_URL', 'HTTPS_PROXY', 'credential.helper'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});
