import { describe, expect, it } from 'vitest';
import { redactDeep, redactHeaders, scrubSecrets } from '../../../main/core/secrets/policy.js';

describe('redactDeep', () => {
  it('masks whatever is stored under a secret name, keeping the structure', () => {
    const config = {
      model: 'm',
      auth: { user: 'ann', pass: 'pw-1' },
      smtpPasswordOverride: 123456,
      vertexAccessTokenList: ['t1', 't2'],
      maxInputTokens: 4096,
      enabled: true,
    };
    expect(redactDeep(config)).toEqual({
      model: 'm',
      auth: { user: '***', pass: '***' },
      smtpPasswordOverride: '***',
      vertexAccessTokenList: ['***', '***'],
      maxInputTokens: 4096,
      enabled: true,
    });
  });

  it('masks the value of an object that names it a secret (key, id or name)', () => {
    const env = [
      { name: 'GITEA_TOKEN', value: 'gt-1' },
      { id: 'tool.x.env.DEPLOY_SECRET_B', value: 'ds-1' },
      { key: 'env.HOME', value: '/home/ann' },
    ];
    expect(redactDeep(env)).toEqual([
      { name: 'GITEA_TOKEN', value: '***' },
      { id: 'tool.x.env.DEPLOY_SECRET_B', value: '***' },
      { key: 'env.HOME', value: '/home/ann' },
    ]);
  });

  it('masks flag values in argv arrays and credential-shaped strings, and runs text through the secrets pass', () => {
    expect(redactDeep({ command: ['mytool', '--api-token', 'T0K-1', '--model', 'opus'] })).toEqual({
      command: ['mytool', '--api-token', '***', '--model', 'opus'],
    });
    expect(redactDeep(['sshpass', '-p', 'pw-2', 'ssh', 'host'])).toEqual(['sshpass', '-p', '***', 'ssh', 'host']);
    expect(redactDeep(['mysql', '-pS3cret', 'db'])).toEqual(['mysql', '-p***', 'db']);
    expect(redactDeep({ h: 'Bearer abc', note: 'proxy http://u:pw3@p:1 ok' })).toEqual({ h: '***', note: 'proxy http://u:***@p:1 ok' });
  });

  it('uses the given text function for the other strings', () => {
    expect(redactDeep({ a: 'x', b: ['y'] }, { text: (s) => s.toUpperCase() })).toEqual({ a: 'X', b: ['Y'] });
  });
});

describe('redactHeaders and scrubSecrets', () => {
  it('masks credential headers keeping the scheme, scrubs other values, and returns the secrets', () => {
    const { headers, secrets } = redactHeaders({
      authorization: 'Bearer tok-0123456789',
      'x-goog-api-key': 'gk-abcdefghij',
      cookie: ['a=1', 'b=2'],
      referer: 'http://ann:pw-4@intranet/x',
      'user-agent': 'tool/1.0',
      'x-empty': undefined,
    });
    expect(headers).toEqual({
      authorization: 'Bearer ***',
      'x-goog-api-key': '***',
      cookie: '***',
      referer: 'http://ann:***@intranet/x',
      'user-agent': 'tool/1.0',
    });
    expect(secrets).toEqual(['tok-0123456789', 'gk-abcdefghij', 'a=1, b=2']);
    expect(scrubSecrets('echo tok-0123456789 and gk-abcdefghij', secrets)).toBe('echo *** and ***');
  });
});
