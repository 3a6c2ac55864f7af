import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signal, ToolSetting } from '../../../contract/snapshot.js';
import { Signal as SignalSchema, ToolSetting as ToolSettingSchema } from '../../../contract/snapshot.js';
import { systemIo } from '../../../main/adapters/system-io.js';
import { readToolSettings } from '../../../main/core/catalog/settings.js';
import { fixtureContext } from '../../helpers/fixture-io.js';

/** Every secret planted below contains this marker; it must never come back. */
const MARK = 'SEKRIT';

const FILES: Record<string, string> = {
  '.claude/settings.json': JSON.stringify({
    model: 'kimi-k2',
    env: {
      ANTHROPIC_BASE_URL: 'https://api.moonshot.cn/anthropic',
      HTTPS_PROXY: `http://u:p4ss-${MARK}@10.1.2.3:8080`,
      ANTHROPIC_AUTH_TOKEN: `sk-${MARK}-0123456789`,
      ANTHROPIC_CUSTOM_HEADERS: `X-Team: ${MARK}`,
      DISABLE_TELEMETRY: '1',
      CLAUDE_CODE_MAX_OUTPUT_TOKENS: '32000',
    },
  }),
  '.config/Code/User/settings.json': `{
  // corporate proxy
  "http.proxy": "http://proxy.corp.example:3128",
  "http.proxyAuthorization": "Basic ${MARK}",
  "telemetry.telemetryLevel": "off",
  /* Copilot through an internal gateway */
  "github.copilot.advanced": { "debug.overrideProxyUrl": "https://copilot-gw.corp.example" },
}
`,
  '.codex/config.toml': `model = "o3"\n[model_providers.kimi\nbase_url = "https://api.kimi.com/v1"\napi_key = "${MARK}"\n`,
  '.gemini/settings.json': `{"privacy": {"usageStatisticsEnabled": false},, "apiKey": "${MARK}"}`,
  '.gemini/.env': `GEMINI_API_KEY=${MARK}\nGOOGLE_GEMINI_BASE_URL=https://generativelanguage.googleapis.com\nGOOGLE_CLOUD_PROJECT=acme-prod\n`,
  '.aider.conf.yml': `openai-api-base: https://dashscope.aliyuncs.com/compatible-mode/v1\nopenai-api-key: ${MARK}\nmodel: openai/qwen-max\nanalytics-disable: true\n`,
  '.continue/config.yaml': `name: Local
models:
  - name: DeepSeek
    provider: deepseek
    model: deepseek-chat
    apiBase: https://api.deepseek.com
    apiKey: ${MARK}
    requestOptions:
      proxy: socks5://127.0.0.1:1080
`,
  '.kimi/config.toml': `default_model = "kimi-k2"\n\n[providers.kimi]\nbase_url = "https://api.kimi.com/coding/v1"\napi_key = "${MARK}"\n`,
};

/** A tool's setting by kind ("proxy"), by env var ("env.GEMINI_API_KEY"), or its config file ("config"). */
function isSetting(s: Signal, toolId: string, setting: string): boolean {
  if (s.kind === 'tool-config') return setting === 'config' && s.key.toolId === toolId;
  if (s.kind !== 'tool-setting' || s.key.toolId !== toolId) return false;
  return s.key.setting === 'env' ? setting === `env.${s.key.variable}` : s.key.setting === setting;
}

describe('readToolSettings on real files', () => {
  let home: string;
  let settings: Map<string, ToolSetting[]>;
  let signals: Signal[];
  const find = (toolId: string, setting: string) => signals.filter((s) => isSetting(s, toolId, setting));

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'telltale-settings-'));
    for (const [rel, text] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(home, rel)), { recursive: true });
      await writeFile(path.join(home, rel), text);
    }
    // a directory where a file should be: present but unreadable
    await mkdir(path.join(home, '.copilot', 'config.json'), { recursive: true });
    ({ settings, signals } = await readToolSettings({ env: {}, home, platform: 'linux', io: systemIo }));
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('never returns a secret, anywhere', () => {
    const text = JSON.stringify({ settings: [...settings], signals });
    expect(text).not.toContain(MARK);
    expect(text).not.toContain(home);
  });

  it('emits contract-valid signals and settings', () => {
    for (const s of signals) expect(SignalSchema.safeParse(s).success).toBe(true);
    for (const list of settings.values()) for (const s of list) expect(ToolSettingSchema.safeParse(s).success).toBe(true);
  });

  it('reads Claude Code’s env block: base URL and proxy with meta.host, the proxy password redacted', () => {
    expect(find('claude-code', 'base-url')).toEqual([
      {
        id: 'tool.claude-code.base-url@~/.claude/settings.json:env.ANTHROPIC_BASE_URL',
        kind: 'tool-setting',
        key: { toolId: 'claude-code', setting: 'base-url', name: 'env.ANTHROPIC_BASE_URL', file: '~/.claude/settings.json' },
        value: 'https://api.moonshot.cn/anthropic',
        source: 'file:~/.claude/settings.json',
        status: 'ok',
        meta: { file: '~/.claude/settings.json', key: 'env.ANTHROPIC_BASE_URL', host: 'api.moonshot.cn', scheme: 'https' },
      },
    ]);
    const [proxy] = find('claude-code', 'proxy');
    expect(proxy?.value).toBe('http://u:***@10.1.2.3:8080');
    expect(proxy?.meta).toMatchObject({ host: '10.1.2.3', port: 8080, key: 'env.HTTPS_PROXY' });
    expect(find('claude-code', 'telemetry')[0]?.value).toBe('1');
    expect(find('claude-code', 'model')[0]?.value).toBe('kimi-k2');
  });

  it('reports other env-block entries as tool.<id>.env.<VAR>, secrets as ***', () => {
    expect(find('claude-code', 'env.ANTHROPIC_AUTH_TOKEN')[0]?.value).toBe('***');
    expect(find('claude-code', 'env.ANTHROPIC_CUSTOM_HEADERS')[0]?.value).toBe('***');
    expect(find('claude-code', 'env.CLAUDE_CODE_MAX_OUTPUT_TOKENS')[0]?.value).toBe('32000');
    // each key once: ANTHROPIC_BASE_URL is reported as base-url, not again as env
    expect(find('claude-code', 'env.ANTHROPIC_BASE_URL')).toEqual([]);
  });

  it('reads VS Code settings.json with comments and trailing commas, for every tool that honours it', () => {
    expect(find('vscode', 'proxy')[0]).toMatchObject({ value: 'http://proxy.corp.example:3128', meta: { host: 'proxy.corp.example' } });
    expect(find('vscode', 'telemetry')[0]?.value).toBe('off');
    expect(find('copilot', 'proxy')[0]?.meta?.host).toBe('proxy.corp.example');
    expect(find('copilot', 'base-url')[0]).toMatchObject({
      value: 'https://copilot-gw.corp.example',
      meta: { key: 'github.copilot.advanced.debug.overrideProxyUrl', host: 'copilot-gw.corp.example' },
    });
    expect(settings.get('vscode')?.map((s) => s.key)).toEqual(['http.proxy', 'telemetry.telemetryLevel']);
  });

  it('turns a malformed file into one error signal with the position, and goes on with the rest', () => {
    const [codex] = find('codex-cli', 'config');
    expect(codex?.status).toBe('error');
    expect(codex?.reason).toMatch(/^~\/\.codex\/config\.toml: invalid TOML at line 2, column \d+/);
    expect(find('codex-cli', 'model')).toEqual([]);

    const gemini = find('gemini-cli', 'config');
    expect(gemini).toHaveLength(1);
    expect(gemini[0]?.reason).toBe('~/.gemini/settings.json: invalid JSON at line 1, column 47 (PropertyNameExpected)');
    expect(find('gemini-cli', 'base-url')[0]?.meta?.host).toBe('generativelanguage.googleapis.com');
    expect(find('gemini-cli', 'env.GOOGLE_CLOUD_PROJECT')[0]?.value).toBe('acme-prod');
    expect(find('gemini-cli', 'env.GEMINI_API_KEY')[0]?.value).toBe('***');
  });

  it('reports a file that exists but cannot be read', () => {
    expect(find('copilot-cli', 'config')[0]).toMatchObject({ status: 'error', reason: '~/.copilot/config.json: a directory, not a regular file' });
  });

  it('reads YAML (aider, Continue with wildcards over a list) and TOML (Kimi)', () => {
    expect(find('aider', 'base-url')[0]?.meta?.host).toBe('dashscope.aliyuncs.com');
    expect(find('aider', 'model')[0]?.value).toBe('openai/qwen-max');
    expect(find('aider', 'telemetry')[0]).toMatchObject({ value: 'true', meta: { key: 'analytics-disable' } });
    expect(find('continue', 'base-url')[0]?.meta).toMatchObject({ host: 'api.deepseek.com', key: 'models.0.apiBase' });
    expect(find('continue', 'proxy')[0]).toMatchObject({ value: 'socks5://127.0.0.1:1080', meta: { port: 1080 } });
    expect(find('kimi-cli', 'base-url')[0]?.meta).toMatchObject({ host: 'api.kimi.com', key: 'providers.kimi.base_url' });
  });

  it('says nothing about files that are not there', () => {
    for (const tool of ['cursor', 'windsurf', 'trae', 'qoder', 'qoder-cli', 'lingma']) {
      expect(signals.filter((s) => (s.kind === 'tool-setting' || s.kind === 'tool-config') && s.key.toolId === tool)).toEqual([]);
      expect(settings.has(tool)).toBe(false);
    }
  });
});

describe('readToolSettings on other platforms (fixture file systems)', () => {
  it('reads Cursor’s settings from %APPDATA% on Windows', async () => {
    const ctx = fixtureContext({
      platform: 'win32',
      home: 'C:\\Users\\dev',
      env: { APPDATA: 'C:\\Users\\dev\\AppData\\Roaming' },
      files: { 'C:/Users/dev/AppData/Roaming/Cursor/User/settings.json': '{ "http.proxy": "http://127.0.0.1:7890" }' },
    });
    const { signals, settings } = await readToolSettings(ctx);
    expect(signals).toEqual([
      {
        id: 'tool.cursor.proxy@~/AppData/Roaming/Cursor/User/settings.json:http.proxy',
        kind: 'tool-setting',
        key: { toolId: 'cursor', setting: 'proxy', name: 'http.proxy', file: '~/AppData/Roaming/Cursor/User/settings.json' },
        value: 'http://127.0.0.1:7890',
        source: 'file:~/AppData/Roaming/Cursor/User/settings.json',
        status: 'ok',
        meta: { file: '~/AppData/Roaming/Cursor/User/settings.json', key: 'http.proxy', host: '127.0.0.1', port: 7890, scheme: 'http' },
      },
    ]);
    expect(settings.get('cursor')?.[0]).toMatchObject({ note: 'Proxy for the editor and every extension.', noteMessage: { id: 'setting-note.editor-proxy' } });
  });

  it('reads Trae’s settings under ~/Library on macOS and flags a proxy URL that does not parse', async () => {
    const ctx = fixtureContext({
      platform: 'darwin',
      home: '/Users/dev',
      files: { '/Users/dev/Library/Application Support/Trae/User/settings.json': '{ "http.proxy": "http://bad host:80" }' },
    });
    const { signals } = await readToolSettings(ctx);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ kind: 'tool-setting', key: { toolId: 'trae', setting: 'proxy' }, status: 'error', meta: { key: 'http.proxy' } });
    expect(signals[0]?.reason).toMatch(/^~\/Library\/Application Support\/Trae\/User\/settings\.json: http\.proxy: not a URL/);
  });
});

describe('signal ids', () => {
  it('are unique when one tool sets two values of a kind (HTTPS_PROXY and HTTP_PROXY)', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'telltale-ids-'));
    try {
      await mkdir(path.join(home, '.claude'), { recursive: true });
      await writeFile(
        path.join(home, '.claude', 'settings.json'),
        JSON.stringify({ env: { HTTPS_PROXY: 'http://10.0.0.1:3128', HTTP_PROXY: 'http://10.0.0.2:3128' } }),
      );
      const { signals } = await readToolSettings({ env: {}, home, platform: 'linux', io: systemIo });
      const proxies = signals.filter((s) => isSetting(s, 'claude-code', 'proxy'));
      expect(proxies.map((s) => s.id)).toEqual([
        'tool.claude-code.proxy@~/.claude/settings.json:env.HTTPS_PROXY',
        'tool.claude-code.proxy@~/.claude/settings.json:env.HTTP_PROXY',
      ]);
      expect(new Set(proxies.map((s) => s.meta?.host))).toEqual(new Set(['10.0.0.1', '10.0.0.2']));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
