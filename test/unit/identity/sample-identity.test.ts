import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Signal } from '../../../contract/snapshot.js';
import { systemIo } from '../../../main/adapters/system-io.js';
import { sampleIdentity } from '../../../main/core/identity/index.js';
import { infer } from '../../../main/core/inference/engine.js';
import { fixtureContext } from '../../helpers/fixture-io.js';
import { signalState } from '../../../common/signal-label.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/identity/${name}`, import.meta.url), 'utf8');
const get = (signals: Signal[], id: string) => signals.filter((s) => s.id === id);

describe('sampleIdentity on fixtures', () => {
  it('reads every source; malformed files are errors and the rest is still sampled', async () => {
    const signals = await sampleIdentity(
      fixtureContext({
        env: { USER: 'ada', GOPROXY: 'https://goproxy.cn,direct', PIP_PROXY: 'http://u:pipsecret@p.corp:3128', DEEPSEEK_BASE_URL: 'https://api.deepseek.com' },
        files: {
          '/home/dev/.gitconfig': fixture('gitconfig'),
          '/home/dev/.gitconfig-work': fixture('gitconfig-work'),
          '/home/dev/.config/git/config': fixture('gitconfig-truncated'),
          '/etc/hostname': 'devbox-42\n',
          '/etc/resolv.conf': fixture('resolv.conf'),
          '/home/dev/.npmrc': fixture('npmrc'),
          '/home/dev/.yarnrc.yml': fixture('yarnrc.yml'),
          '/home/dev/.pip/pip.conf': fixture('pip.conf'),
          '/home/dev/.config/pip/pip.conf': fixture('pip-empty.conf'),
          '/home/dev/.cargo/config.toml': fixture('cargo-config-truncated.toml'),
          '/home/dev/.m2/settings.xml': fixture('maven-settings.xml'),
        },
      }),
    );
    expect(get(signals, 'identity.git.email')).toEqual([
      { id: 'identity.git.email', kind: 'identity', key: { field: 'git-email' }, value: 'ada@alibaba-inc.com', source: 'file:~/.gitconfig-work', status: 'ok', meta: { domain: 'alibaba-inc.com' } },
    ]);
    expect(get(signals, 'identity.git.name')[0]).toMatchObject({ value: 'Ada Lovelace', source: 'file:~/.gitconfig' });
    expect(get(signals, 'identity.git.config@~/.config/git/config')[0]).toMatchObject({ status: 'error', source: 'file:~/.config/git/config' });
    expect(get(signals, 'identity.hostname')[0]).toMatchObject({ value: 'devbox-42', source: 'file:/etc/hostname' });
    expect(get(signals, 'identity.user')[0]?.value).toBe('ada');
    expect(get(signals, 'identity.dns.search')[0]?.value).toEqual(['corp.example.cn', 'hz.corp.example.cn']);
    expect(get(signals, 'registry.npm')[0]).toMatchObject({ value: 'https://registry.npmmirror.com/', meta: { host: 'registry.npmmirror.com' } });
    expect(get(signals, 'registry.npm.@corp')[0]?.meta?.host).toBe('npm.corp.example.cn');
    expect(get(signals, 'registry.yarn')[0]?.meta?.host).toBe('registry.npmmirror.com');
    expect(get(signals, 'registry.pip')[0]).toMatchObject({ source: 'file:~/.pip/pip.conf', meta: { host: 'pypi.tuna.tsinghua.edu.cn' } });
    expect(get(signals, 'registry.pip.proxy')[0]).toMatchObject({ source: 'env:PIP_PROXY', value: 'http://u:***@p.corp:3128' });
    expect(get(signals, 'registry.go')[0]).toMatchObject({ value: 'https://goproxy.cn', meta: { host: 'goproxy.cn' } });
    expect(get(signals, 'registry.cargo@~/.cargo/config.toml')[0]).toMatchObject({ status: 'error', reason: expect.stringMatching(/^~\/\.cargo\/config\.toml: invalid cargo config at line \d+/) });
    expect(get(signals, 'registry.maven')[0]?.meta).toMatchObject({ host: 'maven.aliyun.com', mirrorOf: '*' });
    expect(get(signals, 'model.base-url.DEEPSEEK_BASE_URL')[0]?.meta?.host).toBe('api.deepseek.com');
    const json = JSON.stringify(signals);
    for (const secret of ['SECRETTOKEN', 'yarn-SECRET', 'pipsecret']) expect(json).not.toContain(secret);
  });

  it('falls back to git and hostname commands; missing configs are absent, not errors', async () => {
    const signals = await sampleIdentity(
      fixtureContext({
        commands: { 'git config --global --get user.email': 'dev@bytedance.com\n', hostname: 'box\n' },
        files: { '/home/dev/.config/pip/pip.conf': fixture('pip-empty.conf') },
      }),
    );
    expect(get(signals, 'identity.git.email')[0]).toMatchObject({ value: 'dev@bytedance.com', source: 'cmd:git config --global --get user.email', meta: { domain: 'bytedance.com' } });
    expect(get(signals, 'identity.git.name')[0]).toMatchObject({ status: 'unavailable', reason: 'command not found: git' });
    expect(get(signals, 'identity.hostname')[0]).toMatchObject({ value: 'box', source: 'cmd:hostname' });
    expect(signals.filter((s) => s.id.startsWith('registry.'))).toEqual([]);
    expect(signals.filter((s) => s.status === 'error')).toEqual([]);
  });

  it('a git key that is not set (git config exits 1) is "not set", a git that fails otherwise is unavailable', async () => {
    const notFound = { fail: { id: 'reason.command.failed', command: 'git', status: '1', detail: '' } as const, exitCode: 1 };
    const signals = await sampleIdentity(
      fixtureContext({
        commands: {
          'git config --global --get user.email': notFound,
          'git config --global --get user.name': { fail: { id: 'reason.command.failed', command: 'git', status: '128', detail: 'fatal: bad config line 1' }, exitCode: 128 },
        },
      }),
    );
    expect(get(signals, 'identity.git.email')).toEqual([
      { id: 'identity.git.email', kind: 'identity', key: { field: 'git-email' }, value: null, source: 'cmd:git config --global --get user.email', status: 'ok' },
    ]);
    expect(get(signals, 'identity.git.name')[0]).toMatchObject({ status: 'unavailable', reason: 'git failed (exit 128): fatal: bad config line 1' });
  });

  it('on macOS asks scutil for the computer name', async () => {
    const signals = await sampleIdentity(fixtureContext({ platform: 'darwin', commands: { 'scutil --get ComputerName': "Ada's MacBook Pro\n" } }));
    expect(get(signals, 'identity.hostname')[0]).toMatchObject({ value: "Ada's MacBook Pro", source: 'cmd:scutil --get ComputerName' });
  });
});

describe('sampleIdentity on real files (systemIo, temporary HOME)', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("reads git's http.proxy from an included file, the password redacted, and sees it as a proxy", async () => {
    const home = await mkdtemp(join(os.tmpdir(), 'telltale-git-proxy-'));
    dirs.push(home);
    await writeFile(join(home, '.gitconfig'), '[user]\n\temail = a@b.example\n[include]\n\tpath = ~/.gitconfig-net\n');
    await writeFile(join(home, '.gitconfig-net'), '[http]\n\tproxy = http://dev:pa55word@proxy.corp.example.cn:8080\n[https]\n\tproxy = on\n');
    const signals = await sampleIdentity({ env: { HOME: home }, home, platform: process.platform, io: systemIo });
    expect(get(signals, 'proxy.git.http.proxy')[0]).toMatchObject({
      status: 'ok',
      value: 'http://dev:***@proxy.corp.example.cn:8080',
      source: 'file:~/.gitconfig-net',
      meta: { host: 'proxy.corp.example.cn' },
    });
    // "on" names no proxy: an invalid setting, not a proxy.
    expect(get(signals, 'proxy.git.https.proxy')[0]).toMatchObject({ status: 'error', reason: expect.stringMatching(/not a proxy address/) });
    expect(JSON.stringify(signals)).not.toContain('pa55word');
    const inferences = infer({ signals, tools: [], geo: null }).inferences;
    expect(inferences.find((i) => i.id === 'network.proxy')?.statement).toMatch(/git http\.proxy/);
    expect(inferences.find((i) => i.id === 'network.proxy-country')?.value).toBe('CN');
  });

  it('a git email never set is "not set" with a real git and an empty HOME, not a failure', async () => {
    const home = await mkdtemp(join(os.tmpdir(), 'telltale-git-unset-'));
    dirs.push(home);
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', PATH: process.env.PATH ?? '/usr/bin:/bin' };
    const signals = await sampleIdentity({ env, home, platform: process.platform, io: systemIo });
    for (const [id, field] of [['identity.git.email', 'git-email'], ['identity.git.name', 'git-name']] as const) {
      expect(get(signals, id)).toEqual([{ id, kind: 'identity', key: { field }, value: null, source: `cmd:git config --global --get user.${field.slice(4)}`, status: 'ok' }]);
      expect(signalState(get(signals, id)[0] as Signal)).toBe('not-set');
    }
  });

  it('reads .gitconfig, .npmrc and both pip.conf files from disk and never leaks the proxy password', async () => {
    const home = await mkdtemp(join(os.tmpdir(), 'telltale-identity-'));
    dirs.push(home);
    await mkdir(join(home, '.config', 'pip'), { recursive: true });
    await mkdir(join(home, '.pip'), { recursive: true });
    await writeFile(join(home, '.gitconfig'), '[user]\n\tname = Real Person\n\temail = real@antgroup.com\n');
    await writeFile(
      join(home, '.npmrc'),
      'registry=https://registry.npmmirror.com/\nproxy=http://carol:Sup3rS3cret!@proxy.real.example:3128/\n//registry.npmmirror.com/:_authToken=npm_realtoken\n',
    );
    await writeFile(join(home, '.pip', 'pip.conf'), '[global]\nindex-url = https://mirrors.aliyun.com/pypi/simple/\n');
    await writeFile(join(home, '.config', 'pip', 'pip.conf'), '[global]\nindex-url = https://pypi.tuna.tsinghua.edu.cn/simple\nproxy = http://carol:Sup3rS3cret!@proxy.real.example:3128\n');

    const signals = await sampleIdentity({ env: { HOME: home, USER: 'carol' }, home, platform: process.platform, io: systemIo });

    expect(get(signals, 'identity.git.email')[0]).toMatchObject({ value: 'real@antgroup.com', source: 'file:~/.gitconfig', meta: { domain: 'antgroup.com' } });
    expect(get(signals, 'registry.npm')[0]).toMatchObject({ value: 'https://registry.npmmirror.com/', meta: { host: 'registry.npmmirror.com', scheme: 'https' } });
    expect(get(signals, 'registry.npm.proxy')[0]).toMatchObject({ value: 'http://carol:***@proxy.real.example:3128/', meta: { host: 'proxy.real.example', port: 3128 } });
    // The XDG file wins over the legacy ~/.pip one.
    expect(get(signals, 'registry.pip')[0]).toMatchObject({ value: 'https://pypi.tuna.tsinghua.edu.cn/simple', source: 'file:~/.config/pip/pip.conf' });
    expect(get(signals, 'registry.pip.proxy')[0]?.meta?.host).toBe('proxy.real.example');
    const json = JSON.stringify(signals);
    expect(json).not.toContain('Sup3rS3cret');
    expect(json).not.toContain('realtoken');
    expect(json).not.toContain(home);
  });
});
