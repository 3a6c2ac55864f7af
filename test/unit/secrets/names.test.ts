import { describe, expect, it } from 'vitest';
import { isSecretHeader, isSecretName, isSecretParam, isSecretValue } from '../../../main/core/secrets/policy.js';

describe('isSecretName', () => {
  it.each([
    // A secret word anywhere in the name, not only at its end.
    'DATABRICKS_TOKEN_SECONDARY',
    'GCP_ACCESS_TOKEN_EU',
    'MY_APP_SECRET_VALUE',
    'SMTP_PASSWORD_OVERRIDE',
    'LDAP_PASSWD_B64',
    'SERVICE_CREDENTIAL_JSON',
    'HELM_APIKEY_V2',
    'AZURE_OPENAI_API_KEY_EU',
    'NPM_AUTH_HEADER',
    'sessionTokenPrimary',
    'clientSecretRotated',
    // One word that ends in a secret word.
    'PGPASSWORD',
    'REDISCLI_AUTH',
    'MYSQL_PWD',
    'javax.net.ssl.keyStorePassword',
    // A key path: its last segment decides.
    'providers.openai.apiKey',
    'tool.x.env.GITEA_TOKEN#2',
  ])('%s is a secret name', (name) => expect(isSecretName(name)).toBe(true));

  it.each([
    'MAX_INPUT_TOKENS',
    'promptTokenCount',
    'TOKEN_LIMIT',
    'AWS_SHARED_CREDENTIALS_FILE',
    'VERTEX_TOKEN_PATH',
    'apiKeyHelper',
    'SSH_AUTH_SOCK',
    'GIT_AUTHOR_EMAIL',
    'OAUTH_CLIENT_ID',
    'auth.type',
    'password-stdin',
    'no-auth',
    'PWD',
    'OLDPWD',
    'KEYBOARD_LAYOUT',
    'secrets.provider',
  ])('%s is not', (name) => expect(isSecretName(name)).toBe(false));
});

describe('isSecretParam, isSecretHeader, isSecretValue', () => {
  it('knows the short query parameters of signed URLs and OAuth', () => {
    for (const name of ['sig', 'X-Amz-Signature', 'X-Amz-Credential', 'code', 'key', 'access_token', 'pw']) expect(isSecretParam(name), name).toBe(true);
    for (const name of ['page', 'keyword', 'design', 'author']) expect(isSecretParam(name), name).toBe(false);
  });

  it('knows credential and session headers', () => {
    for (const name of ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-goog-api-key', 'x-session-id', 'x-auth-token']) {
      expect(isSecretHeader(name), name).toBe(true);
    }
    for (const name of ['user-agent', 'content-type', 'x-request-id', 'anthropic-version']) expect(isSecretHeader(name), name).toBe(false);
  });

  it('recognises a whole value by its shape, not prose that starts like one', () => {
    expect(isSecretValue('Basic dXNlcjpwdw==')).toBe(true);
    expect(isSecretValue('  eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl ')).toBe(true);
    expect(isSecretValue('glpat-abcdefghijklmnopqrstu')).toBe(true);
    expect(isSecretValue('Basic auth is turned off')).toBe(false);
    expect(isSecretValue('sk-short')).toBe(false);
  });
});
