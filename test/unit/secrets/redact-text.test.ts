import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from '../../../main/core/secrets/policy.js';
import { parseUrlish } from '../../../main/core/url.js';

const masks = (cases: Array<[string, string]>) =>
  it.each(cases)('%j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
    expect(redactText(expected)).toBe(expected); // idempotent
  });

describe('redactText: names containing a secret word', () => {
  masks([
    ['export DATABRICKS_TOKEN_SECONDARY=dapi0123abcd', 'export DATABRICKS_TOKEN_SECONDARY=***'],
    ['GCP_ACCESS_TOKEN_EU="ya-not-a-shape" run', 'GCP_ACCESS_TOKEN_EU="***" run'],
    ['{"smtpPasswordOverride": "hunter22", "port": 587}', '{"smtpPasswordOverride": "***", "port": 587}'],
    ['HELM_APIKEY_V2: zzz-123', 'HELM_APIKEY_V2: ***'],
    ['MYSQL_PWD=p4ss mysql -u app', 'MYSQL_PWD=*** mysql -u app'],
    ['java -Dspring.datasource.password=s3cr3t -jar app.jar', 'java -Dspring.datasource.password=*** -jar app.jar'],
  ]);

  it('leaves names about a secret alone', () => {
    const plain = 'MAX_INPUT_TOKENS=8000 AWS_SHARED_CREDENTIALS_FILE=/home/u/.aws/creds apiKeyHelper=/usr/bin/get-key SSH_AUTH_SOCK=/run/a.sock';
    expect(redactText(plain)).toBe(plain);
  });
});

describe('redactText: a flag and its argument', () => {
  masks([
    ['sshpass -pTopSecret1 scp a b:', 'sshpass -p*** scp a b:'],
    ['/usr/bin/sshpass -p "two words" rsync -a x y', '/usr/bin/sshpass -p "***" rsync -a x y'],
    ['mariadb -h db -P 3306 -ppa55word shop', 'mariadb -h db -P 3306 -p*** shop'],
    ['redis-cli -h cache -a r3dis-pw get k', 'redis-cli -h cache -a *** get k'],
    ['openssl rsa -in k.pem -passin pass:Xy9z -out o.pem', 'openssl rsa -in k.pem -passin pass:*** -out o.pem'],
    ['openssl enc -aes-256-cbc -k encpw -in f', 'openssl enc -aes-256-cbc -k *** -in f'],
    ['keytool -list -keystore ks.jks -storepass changeit1', 'keytool -list -keystore ks.jks -storepass ***'],
    ['ldapsearch -x -D cn=admin -w adminpw -b dc=x', 'ldapsearch -x -D cn=admin -w *** -b dc=x'],
    ['deploy --auth-token tok123 --region eu', 'deploy --auth-token *** --region eu'],
    ['cli --client-secret=cs-999 --verbose', 'cli --client-secret=*** --verbose'],
    ['wget --http-password=wpw https://x', 'wget --http-password=*** https://x'],
    ['curl -U proxyuser:proxypw https://x', 'curl -U proxyuser:*** https://x'],
  ]);

  it('does not read a password into flags that mean something else', () => {
    const plain = [
      'ssh -p 2222 host', // -p is a port outside sshpass
      'mysql -p shopdb', // -p alone prompts; the next word is the database
      'openssl pkcs12 -in a.p12 -passin env:P12_PASS -passout file:/run/pw',
      'docker login --password-stdin registry.example.com',
      'redis-cli -a', // nothing after it
      'ls -a /tmp; sshpass -f /run/pw ssh h',
      'docker run -p 8080:80 nginx', // -p publishes a port outside "docker login"
      'podman run -p 5432:5432 postgres',
      'htpasswd -c /etc/nginx/.htpasswd alice', // not batch mode: htpasswd prompts
      'htpasswd -v users bob',
      'htpasswd -b', // nothing after it
    ];
    for (const text of plain) expect(redactText(text)).toBe(text);
  });

  it('scopes a tool\'s flags to its own command', () => {
    expect(redactText('sshpass -p pw1 ssh h; scp -p a b')).toBe('sshpass -p *** ssh h; scp -p a b');
    expect(redactText('docker login -u me -p pw2 ghcr.io && docker run -p 80:80 app')).toBe('docker login -u me -p *** ghcr.io && docker run -p 80:80 app');
    expect(redactText('htpasswd -b users bob pw3; ls -b x y')).toBe('htpasswd -b users bob ***; ls -b x y');
  });

  it('reads registry logins\' -p and htpasswd\'s batch-mode password (the last argument)', () => {
    expect(redactText('docker   login -p pw4 r.example.com')).toBe('docker   login -p *** r.example.com');
    expect(redactText('helm registry login r.example.com -u me -p pw5')).toBe('helm registry login r.example.com -u me -p ***');
    expect(redactText('htpasswd -cbB -C 12 users bob "two words"')).toBe('htpasswd -cbB -C 12 users bob "***"');
    expect(redactText('htpasswd -nb carol pw6\nnext line')).toBe('htpasswd -nb carol ***\nnext line');
    expect(redactText('htpasswd -b users bob ***')).toBe('htpasswd -b users bob ***');
  });
});

describe('redactText: passwords holding "@" or "/" in URLs', () => {
  masks([
    ['socks5h://svc:p@ss/word@gw.corp:1080', 'socks5h://svc:***@gw.corp:1080'],
    ['HTTPS_PROXY=http://bob:a/b@c@proxy.example:3128 next', 'HTTPS_PROXY=http://bob:***@proxy.example:3128 next'],
    ['svc:pa@ss@10.0.0.9:3128', 'svc:***@10.0.0.9:3128'],
    ['https://u:pw@host/p?email=a@b.example', 'https://u:***@host/p?email=a@b.example'],
    ['see https://a.example/r?next=http://u:q@b.example/x', 'see https://a.example/r?next=http://u:***@b.example/x'],
  ]);

  it('keeps "@" in paths, addresses and package specs', () => {
    const plain = 'http://localhost:4873/@types/node https://www.npmjs.com/package/@scope/pkg git@github.com:o/r.git npm:@scope/pkg@1.0.0 img:20@sha256:abc';
    expect(redactText(plain)).toBe(plain);
  });
});

describe('error reasons quoting a malformed URL', () => {
  it.each([
    ['http://user:s3cr3t-pw@[bad', 's3cr3t-pw'],
    ['http://u:p@ss/w0rd-x@proxy name:8080', 'w0rd-x'],
    ['ftp://t0ken-abc@:99999', 't0ken-abc'],
    ['svc:pa@ss-99@', 'ss-99'],
  ])('%s', (raw, secret) => {
    const parsed = parseUrlish(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).not.toContain(secret);
    expect(redactUrl(raw)).not.toContain(secret);
  });

  it('parses a proxy URL whose password holds "@" and "/" with the right host', () => {
    const parsed = parseUrlish('http://svc:p@s/s@proxy.corp:3128');
    expect(parsed).toEqual({
      ok: true,
      url: { scheme: 'http', host: 'proxy.corp', port: 3128, redacted: 'http://svc:***@proxy.corp:3128', hasCredentials: true },
    });
  });

  it('masks a lone user part of a URL, which is often a token', () => {
    expect(redactUrl('https://x-oauth-abc123@git.example/r.git')).toBe('https://***@git.example/r.git');
    // In free text only a token-like one: a login name ("git@", "alice@") is evidence.
    expect(redactText('clone https://x-oauth-abc123@git.example/r.git')).toBe('clone https://***@git.example/r.git');
    expect(redactText('ssh://git@github.com/o/r https://alice@example.com')).toBe('ssh://git@github.com/o/r https://alice@example.com');
  });
});
