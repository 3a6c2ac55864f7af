/**
 * The catalog of developer tools, as data. Facts come from the tools' public docs and packages;
 * details marked "uncertain" were not verified against a current release and are best-effort.
 * Adding a tool means adding an entry here; no code branches on tool ids.
 */
import type { TelemetryOptOut } from '../../../contract/catalog-text.js';
import type { Capability } from '../../../contract/snapshot.js';
import { nodePackage, pathSegment, script } from './patterns.js';
import type { ConfigSpec, PathSpec, SettingSpec, ToolDefinition } from './types.js';

/** Local agents and editors (with their extensions) run as the user: they can read all of it. */
const EVERYTHING: Capability[] = ['env', 'timezone', 'files', 'network'];
const PROXY_ENV = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'NO_PROXY', 'no_proxy'];
/** The opt-out every VS Code-based editor has. */
const EDITOR_TELEMETRY_OFF: TelemetryOptOut = { id: 'opt-out.editor-setting', key: 'telemetry.telemetryLevel', value: 'off' };
const COPILOT_DATA_OFF: TelemetryOptOut = {
  id: 'opt-out.web-switch',
  page: 'github.com/settings/copilot',
  label: 'Allow GitHub to use my data for product improvements',
  on: false,
};

/** Where a VS Code-family editor keeps its user settings.json, by the product's folder name. */
function vscodeSettingsPath(folder: string): PathSpec {
  return {
    linux: `$XDG_CONFIG_HOME/${folder}/User/settings.json`,
    darwin: `~/Library/Application Support/${folder}/User/settings.json`,
    win32: `%APPDATA%/${folder}/User/settings.json`,
  };
}

const EDITOR_SETTINGS: SettingSpec[] = [
  { key: 'http.proxy', kind: 'proxy', note: { id: 'setting-note.editor-proxy' } },
  { key: 'telemetry.telemetryLevel', kind: 'telemetry', note: { id: 'setting-note.editor-telemetry-level', levels: ['off', 'crash', 'error', 'all'] } },
  { key: 'telemetry.enableTelemetry', kind: 'telemetry', note: { id: 'setting-note.legacy-telemetry' } },
];

function editorSettings(folder: string, extra: SettingSpec[] = []): ConfigSpec {
  return { path: vscodeSettingsPath(folder), format: 'jsonc', settings: [...EDITOR_SETTINGS, ...extra] };
}

/** Settings in a Claude Code-style settings.json with an "env" block. */
const CLAUDE_SETTINGS: SettingSpec[] = [
  { key: 'env.ANTHROPIC_BASE_URL', kind: 'base-url', note: { id: 'setting-note.base-url.instead-of', vendor: 'Anthropic' } },
  { key: 'env.ANTHROPIC_BEDROCK_BASE_URL', kind: 'base-url' },
  { key: 'env.ANTHROPIC_VERTEX_BASE_URL', kind: 'base-url' },
  { key: 'env.HTTPS_PROXY', kind: 'proxy', note: { id: 'setting-note.tool-proxy', tool: 'Claude Code' } },
  { key: 'env.https_proxy', kind: 'proxy' },
  { key: 'env.HTTP_PROXY', kind: 'proxy' },
  { key: 'env.http_proxy', kind: 'proxy' },
  { key: 'env.ANTHROPIC_MODEL', kind: 'model' },
  { key: 'env.ANTHROPIC_SMALL_FAST_MODEL', kind: 'model' },
  { key: 'model', kind: 'model' },
  { key: 'env.DISABLE_TELEMETRY', kind: 'telemetry' },
  { key: 'env.DISABLE_ERROR_REPORTING', kind: 'telemetry' },
  { key: 'env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', kind: 'telemetry' },
  { key: 'env.*', kind: 'env', note: { id: 'setting-note.session-env', tool: 'Claude Code' } },
];

const COPILOT_EDITOR_SETTINGS: SettingSpec[] = [
  { key: 'http.proxy', kind: 'proxy', note: { id: 'setting-note.uses-editor-proxy', tool: 'Copilot' } },
  { key: 'github.copilot.advanced.debug.overrideProxyUrl', kind: 'base-url', note: { id: 'setting-note.base-url.of-tool', tool: 'Copilot' } },
  { key: 'github.copilot.advanced.debug.overrideCapiUrl', kind: 'base-url' },
  { key: 'telemetry.telemetryLevel', kind: 'telemetry', note: { id: 'setting-note.follows-editor-telemetry', tool: 'Copilot' } },
];

/** Continue's model list has the same shape in config.json and config.yaml. */
const CONTINUE_SETTINGS: SettingSpec[] = [
  { key: 'models.*.apiBase', kind: 'base-url' },
  { key: 'models.*.model', kind: 'model' },
  { key: 'models.*.requestOptions.proxy', kind: 'proxy' },
  { key: 'tabAutocompleteModel.apiBase', kind: 'base-url' },
  { key: 'tabAutocompleteModel.model', kind: 'model' },
  { key: 'requestOptions.proxy', kind: 'proxy' },
  { key: 'allowAnonymousTelemetry', kind: 'telemetry' },
];

export const TOOL_CATALOG: ToolDefinition[] = [
  {
    id: 'claude-code',
    name: 'Claude Code',
    vendor: 'Anthropic',
    recognise: {
      processNames: ['claude'],
      commandPatterns: [
        nodePackage('@anthropic-ai/claude-code'),
        script('claude'),
        pathSegment('.local/share/claude/versions'), // native installer layout (uncertain across versions)
      ],
    },
    install: {
      homePaths: ['~/.claude', '~/.claude.json', '~/.local/share/claude'],
      bins: ['claude'],
      appPaths: [],
    },
    configs: [
      { path: '~/.claude/settings.json', format: 'json', settings: CLAUDE_SETTINGS },
      {
        // managed (enterprise) settings; the Windows location moved between releases (uncertain)
        path: {
          linux: '/etc/claude-code/managed-settings.json',
          darwin: '/Library/Application Support/ClaudeCode/managed-settings.json',
          win32: '%PROGRAMDATA%/ClaudeCode/managed-settings.json',
        },
        format: 'json',
        settings: CLAUDE_SETTINGS,
      },
    ],
    endpoints: ['api.anthropic.com', 'statsig.anthropic.com', 'sentry.io', 'claude.ai', 'console.anthropic.com'],
    telemetryOptOuts: [
      { id: 'opt-out.env', variable: 'DISABLE_TELEMETRY', value: '1' },
      { id: 'opt-out.env', variable: 'DISABLE_ERROR_REPORTING', value: '1' },
      { id: 'opt-out.env', variable: 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', value: '1' },
      { id: 'opt-out.config', file: '~/.claude/settings.json', key: 'env.DISABLE_TELEMETRY', value: '"1"' },
    ],
    canRead: EVERYTHING,
    envVars: [
      'ANTHROPIC_BASE_URL',
      'ANTHROPIC_API_KEY',
      'ANTHROPIC_AUTH_TOKEN',
      'ANTHROPIC_MODEL',
      'ANTHROPIC_CUSTOM_HEADERS',
      'CLAUDE_CODE_USE_BEDROCK',
      'CLAUDE_CODE_USE_VERTEX',
      'DISABLE_TELEMETRY',
      'DISABLE_ERROR_REPORTING',
      'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC',
      'TZ',
      ...PROXY_ENV,
    ],
  },
  {
    id: 'copilot',
    name: 'GitHub Copilot',
    vendor: 'GitHub',
    recognise: {
      processNames: ['copilot-language-server'],
      commandPatterns: [
        nodePackage('@github/copilot-language-server'),
        /[\\/]extensions[\\/]github\.copilot(?:-chat)?-\d/i, // a process started from the extension's folder
      ],
    },
    install: {
      homePaths: [
        '~/.vscode/extensions/github.copilot-*',
        '~/.vscode/extensions/github.copilot-chat-*',
        { linux: '$XDG_CONFIG_HOME/github-copilot', darwin: '~/.config/github-copilot', win32: '%LOCALAPPDATA%/github-copilot' },
      ],
      bins: ['copilot-language-server'],
      appPaths: [],
    },
    configs: [
      { path: vscodeSettingsPath('Code'), format: 'jsonc', settings: COPILOT_EDITOR_SETTINGS },
      { path: vscodeSettingsPath('Code - Insiders'), format: 'jsonc', settings: COPILOT_EDITOR_SETTINGS },
    ],
    endpoints: [
      'api.githubcopilot.com',
      '*.githubcopilot.com',
      'copilot-proxy.githubusercontent.com',
      'origin-tracker.githubusercontent.com',
      'copilot-telemetry.githubusercontent.com',
      'api.github.com',
    ],
    telemetryOptOuts: [EDITOR_TELEMETRY_OFF, COPILOT_DATA_OFF],
    canRead: EVERYTHING,
    envVars: ['GH_COPILOT_TOKEN', 'GITHUB_TOKEN', ...PROXY_ENV],
    note: { id: 'tool-note.extension-host' },
  },
  {
    id: 'copilot-cli',
    name: 'GitHub Copilot CLI',
    vendor: 'GitHub',
    recognise: {
      processNames: ['copilot'],
      commandPatterns: [nodePackage('@github/copilot'), script('copilot')],
    },
    install: { homePaths: ['~/.copilot'], bins: ['copilot'], appPaths: [] },
    configs: [
      // key names in ~/.copilot/config.json are uncertain
      { path: '~/.copilot/config.json', format: 'json', settings: [{ key: 'model', kind: 'model' }] },
    ],
    endpoints: [
      'api.githubcopilot.com',
      'api.individual.githubcopilot.com',
      'api.github.com',
      'copilot-telemetry.githubusercontent.com',
    ],
    telemetryOptOuts: [COPILOT_DATA_OFF],
    canRead: EVERYTHING,
    envVars: ['COPILOT_GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_TOKEN', 'COPILOT_MODEL', 'XDG_CONFIG_HOME', ...PROXY_ENV],
  },
  {
    id: 'cursor',
    name: 'Cursor',
    vendor: 'Anysphere',
    recognise: {
      processNames: [
        'cursor',
        'cursor-agent',
        'Cursor Helper',
        'Cursor Helper (Renderer)',
        'Cursor Helper (GPU)',
        'Cursor Helper (Plugin)',
      ],
      commandPatterns: [
        pathSegment('Cursor.app/Contents'),
        pathSegment('Programs/cursor'),
        /^\/(?:usr\/share|opt)\/cursor\/cursor(?:\s|$)/i,
        /^\/tmp\/\.mount_cursor/i, // AppImage mount point (uncertain: named after the AppImage file)
      ],
    },
    install: {
      homePaths: ['~/.cursor'],
      bins: ['cursor', 'cursor-agent'],
      appPaths: [
        { darwin: '/Applications/Cursor.app', win32: '%LOCALAPPDATA%/Programs/cursor', linux: '/usr/share/cursor' },
        { linux: '/opt/Cursor' },
      ],
    },
    configs: [editorSettings('Cursor')],
    endpoints: ['api2.cursor.sh', 'api3.cursor.sh', 'repo42.cursor.sh', '*.cursor.sh', 'marketplace.cursorapi.com'],
    telemetryOptOuts: [{ id: 'opt-out.app-switch', path: ['Cursor Settings', 'General'], label: 'Privacy Mode', on: true }, EDITOR_TELEMETRY_OFF],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.editor' },
  },
  {
    id: 'windsurf',
    name: 'Windsurf',
    vendor: 'Codeium',
    recognise: {
      processNames: [
        'windsurf',
        'Windsurf Helper',
        'Windsurf Helper (Renderer)',
        'Windsurf Helper (GPU)',
        'Windsurf Helper (Plugin)',
        // Codeium's language server (also shipped by the Codeium/Windsurf plugins for other editors)
        'language_server_macos_arm',
        'language_server_macos_x64',
        'language_server_linux_x64',
        'language_server_linux_arm',
        'language_server_windows_x64',
      ],
      commandPatterns: [pathSegment('Windsurf.app/Contents'), pathSegment('Programs/Windsurf')],
    },
    install: {
      homePaths: ['~/.codeium/windsurf', '~/.windsurf'],
      bins: ['windsurf'],
      appPaths: [
        { darwin: '/Applications/Windsurf.app', win32: '%LOCALAPPDATA%/Programs/Windsurf', linux: '/usr/share/windsurf' },
      ],
    },
    configs: [editorSettings('Windsurf')],
    endpoints: ['server.codeium.com', 'inference.codeium.com', 'unleash.codeium.com', '*.codeium.com', 'windsurf.com'],
    telemetryOptOuts: [
      { id: 'opt-out.app-switch', path: ['Windsurf Settings'], label: 'Code snippet telemetry', on: false, caveats: ['label-unverified'] },
      EDITOR_TELEMETRY_OFF,
    ],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.editor' },
  },
  {
    id: 'vscode',
    name: 'Visual Studio Code',
    vendor: 'Microsoft',
    recognise: {
      // "code" only: "code-insiders" is its own entry
      processNames: ['code', 'Code Helper', 'Code Helper (Renderer)', 'Code Helper (GPU)', 'Code Helper (Plugin)'],
      commandPatterns: [pathSegment('Visual Studio Code.app/Contents'), pathSegment('Programs/Microsoft VS Code')],
    },
    install: {
      homePaths: ['~/.vscode'],
      bins: ['code'],
      appPaths: [
        {
          darwin: '/Applications/Visual Studio Code.app',
          win32: '%LOCALAPPDATA%/Programs/Microsoft VS Code',
          linux: '/usr/share/code',
        },
        { win32: '%PROGRAMFILES%/Microsoft VS Code', linux: '/snap/code' },
      ],
    },
    configs: [editorSettings('Code')],
    endpoints: [
      'update.code.visualstudio.com',
      'marketplace.visualstudio.com',
      '*.gallerycdn.vsassets.io',
      'mobile.events.data.microsoft.com',
      'default.exp-tas.com',
    ],
    telemetryOptOuts: [EDITOR_TELEMETRY_OFF, { id: 'opt-out.flag', program: 'code', flag: '--disable-telemetry' }],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.editor' },
  },
  {
    id: 'vscode-insiders',
    name: 'Visual Studio Code Insiders',
    vendor: 'Microsoft',
    recognise: {
      processNames: [
        'code-insiders',
        'Code - Insiders',
        'Code - Insiders Helper',
        'Code - Insiders Helper (Renderer)',
        'Code - Insiders Helper (GPU)',
        'Code - Insiders Helper (Plugin)',
      ],
      commandPatterns: [
        pathSegment('Visual Studio Code - Insiders.app/Contents'),
        pathSegment('Programs/Microsoft VS Code Insiders'),
      ],
    },
    install: {
      homePaths: ['~/.vscode-insiders'],
      bins: ['code-insiders'],
      appPaths: [
        {
          darwin: '/Applications/Visual Studio Code - Insiders.app',
          win32: '%LOCALAPPDATA%/Programs/Microsoft VS Code Insiders',
          linux: '/usr/share/code-insiders',
        },
      ],
    },
    configs: [editorSettings('Code - Insiders')],
    endpoints: [
      'update.code.visualstudio.com',
      'marketplace.visualstudio.com',
      'mobile.events.data.microsoft.com',
      'default.exp-tas.com',
    ],
    telemetryOptOuts: [EDITOR_TELEMETRY_OFF, { id: 'opt-out.flag', program: 'code-insiders', flag: '--disable-telemetry' }],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.editor' },
  },
  {
    id: 'codex-cli',
    name: 'OpenAI Codex CLI',
    vendor: 'OpenAI',
    recognise: {
      processNames: ['codex'],
      commandPatterns: [nodePackage('@openai/codex'), script('codex')],
    },
    install: { homePaths: ['~/.codex'], bins: ['codex'], appPaths: [] },
    configs: [
      {
        path: '~/.codex/config.toml',
        format: 'toml',
        settings: [
          { key: 'model', kind: 'model' },
          { key: 'model_provider', kind: 'model', note: { id: 'setting-note.model-provider', table: 'model_providers' } },
          { key: 'model_providers.*.base_url', kind: 'base-url', note: { id: 'setting-note.base-url' } },
          { key: 'profiles.*.model', kind: 'model' },
          { key: 'otel.exporter', kind: 'telemetry' }, // OpenTelemetry export; key layout uncertain
        ],
      },
    ],
    endpoints: ['api.openai.com', 'chatgpt.com', 'auth.openai.com'],
    telemetryOptOuts: [
      { id: 'opt-out.config', file: '~/.codex/config.toml', key: 'otel.exporter', value: '"none"', caveats: ['is-default', 'unverified-newer'] },
    ],
    canRead: EVERYTHING,
    envVars: ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'CODEX_HOME', 'SSL_CERT_FILE', ...PROXY_ENV],
  },
  {
    id: 'gemini-cli',
    name: 'Gemini CLI',
    vendor: 'Google',
    recognise: {
      processNames: ['gemini'],
      commandPatterns: [nodePackage('@google/gemini-cli'), script('gemini')],
    },
    install: { homePaths: ['~/.gemini'], bins: ['gemini'], appPaths: [] },
    configs: [
      {
        path: '~/.gemini/settings.json',
        format: 'jsonc',
        settings: [
          { key: 'privacy.usageStatisticsEnabled', kind: 'telemetry', note: { id: 'setting-note.usage-statistics', host: 'play.googleapis.com' } },
          { key: 'usageStatisticsEnabled', kind: 'telemetry', note: { id: 'setting-note.older-layout' } },
          { key: 'telemetry.enabled', kind: 'telemetry' },
          { key: 'telemetry.otlpEndpoint', kind: 'telemetry' },
          { key: 'model.name', kind: 'model' },
          { key: 'proxy', kind: 'proxy' }, // uncertain: most setups use HTTPS_PROXY or --proxy
        ],
      },
      {
        path: '~/.gemini/.env',
        format: 'env',
        settings: [
          { key: 'GOOGLE_GEMINI_BASE_URL', kind: 'base-url' },
          { key: 'HTTPS_PROXY', kind: 'proxy' },
          { key: 'HTTP_PROXY', kind: 'proxy' },
          { key: 'GEMINI_MODEL', kind: 'model' },
          { key: '*', kind: 'env', note: { id: 'setting-note.loaded-into-env', tool: 'Gemini CLI' } },
        ],
      },
    ],
    endpoints: [
      'generativelanguage.googleapis.com',
      'cloudcode-pa.googleapis.com',
      'play.googleapis.com',
      'oauth2.googleapis.com',
      'aiplatform.googleapis.com',
    ],
    telemetryOptOuts: [{ id: 'opt-out.config', file: '~/.gemini/settings.json', key: 'privacy.usageStatisticsEnabled', value: 'false' }],
    canRead: EVERYTHING,
    envVars: [
      'GEMINI_API_KEY',
      'GOOGLE_API_KEY',
      'GOOGLE_GEMINI_BASE_URL',
      'GOOGLE_CLOUD_PROJECT',
      'GOOGLE_CLOUD_LOCATION',
      'GEMINI_MODEL',
      ...PROXY_ENV,
    ],
  },
  {
    // A fork of Gemini CLI by the Qwen team; the same settings layout under ~/.qwen.
    id: 'qwen-code',
    name: 'Qwen Code',
    vendor: 'Alibaba (Qwen)',
    recognise: {
      processNames: ['qwen'],
      commandPatterns: [nodePackage('@qwen-code/qwen-code'), script('qwen')],
    },
    install: { homePaths: ['~/.qwen'], bins: ['qwen'], appPaths: [] },
    configs: [
      {
        path: '~/.qwen/settings.json',
        format: 'jsonc',
        settings: [
          { key: 'security.auth.selectedType', kind: 'other', note: { id: 'setting-note.sign-in', oauth: 'qwen-oauth', api: 'OpenAI' } },
          { key: 'model.name', kind: 'model' },
          { key: 'privacy.usageStatisticsEnabled', kind: 'telemetry', note: { id: 'setting-note.usage-statistics', host: 'rum.aliyuncs.com' } },
          { key: 'telemetry.enabled', kind: 'telemetry' },
          { key: 'proxy', kind: 'proxy' },
        ],
      },
      {
        path: '~/.qwen/.env',
        format: 'env',
        settings: [
          { key: 'OPENAI_BASE_URL', kind: 'base-url' },
          { key: 'OPENAI_MODEL', kind: 'model' },
          { key: 'HTTPS_PROXY', kind: 'proxy' },
          { key: 'HTTP_PROXY', kind: 'proxy' },
          { key: '*', kind: 'env', note: { id: 'setting-note.loaded-into-env', tool: 'Qwen Code' } },
        ],
      },
    ],
    endpoints: ['dashscope.aliyuncs.com', 'dashscope-intl.aliyuncs.com', 'chat.qwen.ai', 'rum.aliyuncs.com'],
    telemetryOptOuts: [{ id: 'opt-out.config', file: '~/.qwen/settings.json', key: 'privacy.usageStatisticsEnabled', value: 'false' }],
    canRead: EVERYTHING,
    envVars: ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'DASHSCOPE_API_KEY', ...PROXY_ENV],
  },
  {
    id: 'opencode',
    name: 'opencode',
    vendor: 'SST (open source)',
    recognise: {
      // npm's opencode-ai starts a native binary named opencode; the curl installer puts it in ~/.opencode/bin.
      processNames: ['opencode'],
      commandPatterns: [nodePackage('opencode-ai'), script('opencode'), pathSegment('.opencode/bin')],
    },
    install: { homePaths: ['~/.config/opencode', '~/.local/share/opencode', '~/.opencode'], bins: ['opencode'], appPaths: [] },
    configs: [
      {
        path: '~/.config/opencode/opencode.json',
        format: 'jsonc',
        settings: [
          { key: 'model', kind: 'model' },
          { key: 'provider.*.options.baseURL', kind: 'base-url' },
          { key: 'share', kind: 'other', note: { id: 'setting-note.session-sharing', host: 'opencode.ai' } },
        ],
      },
    ],
    endpoints: ['models.dev', 'opencode.ai', 'api.anthropic.com', 'api.openai.com'],
    telemetryOptOuts: [{ id: 'opt-out.config', file: '~/.config/opencode/opencode.json', key: 'share', value: '"disabled"' }],
    canRead: EVERYTHING,
    envVars: ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENCODE_CONFIG', ...PROXY_ENV],
  },
  {
    id: 'aider',
    name: 'Aider',
    vendor: 'Aider (open source)',
    recognise: { processNames: ['aider'], commandPatterns: [script('aider')] },
    install: { homePaths: ['~/.aider.conf.yml', '~/.aider'], bins: ['aider'], appPaths: [] },
    configs: [
      {
        path: '~/.aider.conf.yml',
        format: 'yaml',
        settings: [
          { key: 'openai-api-base', kind: 'base-url', note: { id: 'setting-note.base-url.compatible', api: 'OpenAI' } },
          { key: 'model', kind: 'model' },
          { key: 'weak-model', kind: 'model' },
          { key: 'editor-model', kind: 'model' },
          { key: 'analytics', kind: 'telemetry' },
          { key: 'analytics-disable', kind: 'telemetry' },
        ],
      },
      {
        // aider loads ~/.env too; only the settings named here are read from it
        path: '~/.env',
        format: 'env',
        settings: [
          { key: 'OPENAI_API_BASE', kind: 'base-url' },
          { key: 'ANTHROPIC_BASE_URL', kind: 'base-url' },
          { key: 'AIDER_MODEL', kind: 'model' },
          { key: 'AIDER_ANALYTICS_DISABLE', kind: 'telemetry' },
        ],
      },
    ],
    endpoints: ['api.openai.com', 'api.anthropic.com', 'openrouter.ai', 'us.i.posthog.com', 'pypi.org'],
    telemetryOptOuts: [
      { id: 'opt-out.config', file: '~/.aider.conf.yml', key: 'analytics-disable', value: 'true' },
      { id: 'opt-out.env', variable: 'AIDER_ANALYTICS_DISABLE', value: 'true' },
      { id: 'opt-out.flag', program: 'aider', flag: '--analytics-disable' },
    ],
    canRead: EVERYTHING,
    envVars: ['OPENAI_API_KEY', 'OPENAI_API_BASE', 'ANTHROPIC_API_KEY', 'AIDER_MODEL', 'AIDER_ANALYTICS_DISABLE', ...PROXY_ENV],
  },
  {
    id: 'continue',
    name: 'Continue',
    vendor: 'Continue',
    recognise: {
      processNames: ['continue-binary'], // the JetBrains plugin's core process (uncertain name)
      commandPatterns: [nodePackage('@continuedev/cli'), /[\\/]extensions[\\/]continue\.continue-\d/i],
    },
    install: {
      homePaths: ['~/.continue', '~/.vscode/extensions/continue.continue-*'],
      bins: ['cn'],
      appPaths: [],
    },
    configs: [
      { path: '~/.continue/config.json', format: 'json', settings: CONTINUE_SETTINGS },
      { path: '~/.continue/config.yaml', format: 'yaml', settings: CONTINUE_SETTINGS },
      {
        path: vscodeSettingsPath('Code'),
        format: 'jsonc',
        settings: [{ key: 'continue.telemetryEnabled', kind: 'telemetry' }],
      },
    ],
    endpoints: ['api.continue.dev', 'hub.continue.dev', 'us.i.posthog.com'],
    telemetryOptOuts: [
      { id: 'opt-out.config', file: '~/.continue/config.json', key: 'allowAnonymousTelemetry', value: 'false' },
      { id: 'opt-out.editor-setting', key: 'continue.telemetryEnabled', value: 'false' },
    ],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.in-editor' },
  },
  {
    id: 'qoder',
    name: 'Qoder',
    vendor: 'Alibaba',
    recognise: {
      processNames: ['qoder', 'Qoder Helper', 'Qoder Helper (Renderer)', 'Qoder Helper (GPU)', 'Qoder Helper (Plugin)'],
      commandPatterns: [pathSegment('Qoder.app/Contents'), pathSegment('Programs/Qoder')],
    },
    install: {
      homePaths: ['~/.qoder'],
      bins: ['qoder'],
      appPaths: [{ darwin: '/Applications/Qoder.app', win32: '%LOCALAPPDATA%/Programs/Qoder' }],
    },
    configs: [editorSettings('Qoder')],
    endpoints: ['qoder.com', '*.qoder.com', '*.qoder.sh'], // uncertain subdomains
    telemetryOptOuts: [EDITOR_TELEMETRY_OFF],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.ide-based-on', base: 'VS Code' },
  },
  {
    id: 'qoder-cli',
    name: 'Qoder CLI',
    vendor: 'Alibaba',
    recognise: {
      processNames: ['qodercli'],
      commandPatterns: [nodePackage('@qoder-ai/qodercli'), script('qodercli')], // npm package name uncertain
    },
    install: { homePaths: ['~/.qoder'], bins: ['qodercli'], appPaths: [] },
    configs: [
      {
        // layout assumed to follow Claude Code's settings.json (uncertain)
        path: '~/.qoder/settings.json',
        format: 'json',
        settings: [
          { key: 'proxy', kind: 'proxy' },
          { key: 'model', kind: 'model' },
          { key: 'env.HTTPS_PROXY', kind: 'proxy' },
          { key: 'env.HTTP_PROXY', kind: 'proxy' },
          { key: 'env.*', kind: 'env' },
        ],
      },
    ],
    endpoints: ['qoder.com', '*.qoder.com', '*.qoder.sh'], // uncertain subdomains
    telemetryOptOuts: [],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
  },
  {
    id: 'lingma',
    name: 'Tongyi Lingma',
    vendor: 'Alibaba Cloud',
    recognise: {
      // the local language server the editor plugins start, under ~/.lingma/bin/<version>/<arch>/
      processNames: ['lingma', 'Lingma Helper', 'Lingma Helper (Renderer)', 'Lingma Helper (Plugin)'],
      commandPatterns: [pathSegment('.lingma/bin'), pathSegment('Lingma.app/Contents'), pathSegment('Programs/Lingma')],
    },
    install: {
      homePaths: ['~/.lingma', '~/.vscode/extensions/alibaba-cloud.tongyi-lingma-*'],
      bins: ['lingma'],
      appPaths: [{ darwin: '/Applications/Lingma.app', win32: '%LOCALAPPDATA%/Programs/Lingma' }],
    },
    configs: [editorSettings('Lingma')], // Lingma IDE folder name uncertain
    endpoints: ['lingma.alibabacloud.com', 'lingma-api.tongyi.aliyun.com', 'tongyi.aliyun.com'], // api host uncertain
    telemetryOptOuts: [],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.plugins-and-ide', editors: ['VS Code', 'JetBrains'], ide: 'Lingma IDE' },
  },
  {
    id: 'trae',
    name: 'Trae',
    vendor: 'ByteDance',
    recognise: {
      processNames: ['trae', 'Trae Helper', 'Trae Helper (Renderer)', 'Trae Helper (GPU)', 'Trae Helper (Plugin)'],
      commandPatterns: [pathSegment('Trae.app/Contents'), pathSegment('Trae CN.app/Contents'), pathSegment('Programs/Trae')],
    },
    install: {
      homePaths: ['~/.trae', '~/.trae-cn'], // CN edition folder uncertain
      bins: ['trae'],
      appPaths: [{ darwin: '/Applications/Trae.app', win32: '%LOCALAPPDATA%/Programs/Trae' }, { darwin: '/Applications/Trae CN.app' }],
    },
    configs: [editorSettings('Trae')],
    endpoints: ['trae.ai', '*.trae.ai', '*.byteoversea.com', 'trae.com.cn'],
    telemetryOptOuts: [{ ...EDITOR_TELEMETRY_OFF, caveats: ['partial-2025'] }],
    canRead: EVERYTHING,
    envVars: PROXY_ENV,
    note: { id: 'tool-note.ide-based-on', base: 'VS Code' },
  },
  {
    id: 'kimi-cli',
    name: 'Kimi CLI',
    vendor: 'Moonshot AI',
    recognise: {
      processNames: ['kimi'],
      commandPatterns: [script('kimi'), pathSegment('uv/tools/kimi-cli')],
    },
    install: { homePaths: ['~/.kimi'], bins: ['kimi'], appPaths: [] },
    configs: [
      {
        // key layout uncertain
        path: '~/.kimi/config.toml',
        format: 'toml',
        settings: [
          { key: 'default_model', kind: 'model' },
          { key: 'providers.*.base_url', kind: 'base-url' },
          { key: 'models.*.model', kind: 'model' },
        ],
      },
    ],
    endpoints: ['api.kimi.com', 'api.moonshot.cn', 'api.moonshot.ai'],
    telemetryOptOuts: [],
    canRead: EVERYTHING,
    envVars: ['KIMI_API_KEY', 'KIMI_BASE_URL', 'KIMI_MODEL_NAME', ...PROXY_ENV],
  },
];
