/**
 * At least one message per id of every family in contract/message.ts, with real parameters, and
 * between them every variant a rendering can take (each confidence, each signal kind, with and
 * without optional parts). The mapped types make a new id without a sample a type error.
 */
import type { SettingNote, TelemetryOptOut, ToolNote } from '../../../contract/catalog-text.js';
import type {
  AdviceMessage,
  CaptureReasonMessage,
  CaptureUnavailableMessage,
  BaseUrlHint,
  ChangeMessage,
  Check2026Reason,
  CheckMessage,
  CheckNameMessage,
  DisclosureFact,
  DisclosureMessage,
  EvidenceMessage,
  ExposureMessage,
  InferenceMessage,
  NotificationMessage,
  IsolationProblem,
  ProbeErrorMessage,
  ProbeSafetyProblem,
  ProbeSummaryMessage,
  ReachGapMessage,
  ReachMessage,
  RunFailure,
  SignalRef,
} from '../../../contract/message.js';
import type { ReasonCause, ReasonMessage } from '../../../contract/reason.js';
import type { SettingsFileFault, SettingsProblem } from '../../../contract/settings.js';

type Samples<M extends { id: string }> = { [K in M['id']]: ReadonlyArray<Extract<M, { id: K }>> };

/** Every way a signal is named. */
export const SIGNALS: readonly SignalRef[] = [
  { kind: 'timezone', subject: { source: 'resolved' }, value: 'Asia/Shanghai' },
  { kind: 'locale', subject: { variable: 'LANG' }, value: 'zh_CN.UTF-8' },
  { kind: 'locale', subject: { variable: 'intl' }, value: 'zh-CN' },
  { kind: 'proxy', subject: { source: 'env', variable: 'HTTPS_PROXY' }, value: 'http://proxy.corp.example.cn:8080' },
  { kind: 'proxy', subject: { source: 'effective', scheme: 'https' }, value: 'http://127.0.0.1:7890' },
  { kind: 'proxy', subject: { source: 'no-proxy', variable: 'NO_PROXY' }, value: 'localhost,.corp' },
  { kind: 'proxy', subject: { source: 'system', system: 'gnome', setting: 'https' }, value: 'http://10.0.0.1:3128' },
  { kind: 'proxy', subject: { source: 'system', system: 'macos', setting: 'pac' }, value: 'http://wpad.corp/proxy.pac' },
  { kind: 'proxy', subject: { source: 'pac', system: 'kde' }, value: 'http://wpad.corp/proxy.pac' },
  { kind: 'proxy', subject: { source: 'pac-result', system: 'windows' }, value: 'PROXY 10.0.0.1:3128' },
  { kind: 'proxy', subject: { source: 'git', setting: 'http.proxy' }, value: 'socks5://127.0.0.1:1080' },
  { kind: 'registry', subject: { ecosystem: 'npm', setting: 'registry' }, value: 'https://registry.npmmirror.com/' },
  { kind: 'registry', subject: { ecosystem: 'pip', setting: 'extra' }, value: 'https://pypi.tuna.tsinghua.edu.cn/simple' },
  { kind: 'registry', subject: { ecosystem: 'npm', setting: 'scope', scope: '@ali' }, value: 'https://registry.npm.alibaba-inc.com/' },
  { kind: 'registry', subject: { ecosystem: 'npm', setting: 'https-proxy' }, value: 'http://127.0.0.1:7890' },
  { kind: 'model-endpoint', subject: { variable: 'ANTHROPIC_BASE_URL' }, value: 'https://api.moonshot.cn/anthropic' },
  {
    kind: 'tool-setting',
    subject: { toolId: 'claude-code', setting: 'env', name: 'env.ANTHROPIC_BASE_URL', variable: 'ANTHROPIC_BASE_URL', file: '~/.claude/settings.json' },
    value: 'https://api.deepseek.com/anthropic',
    toolName: 'Claude Code',
  },
  {
    kind: 'tool-setting',
    subject: { toolId: 'qwen-code', setting: 'base-url', name: 'baseUrl', file: '~/.qwen/settings.json' },
    value: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    toolName: 'Qwen Code',
  },
  { kind: 'tool-setting', subject: { toolId: 'cursor', setting: 'proxy', name: 'http.proxy', file: '~/.config/Cursor/User/settings.json' }, value: 'http://127.0.0.1:7890', toolName: 'Cursor' },
  { kind: 'identity', subject: { field: 'git-email' }, value: 'alibaba-inc.com' },
  { kind: 'identity', subject: { field: 'git-name' }, value: 'Wang Wei' },
  { kind: 'identity', subject: { field: 'git-config' }, value: '~/.gitconfig' },
  { kind: 'identity', subject: { field: 'dns-search' }, value: 'corp.bytedance.net' },
  { kind: 'identity', subject: { field: 'dns-domain' }, value: 'bytedance.net' },
  { kind: 'identity', subject: { field: 'hostname' }, value: 'wangwei-alibaba-mbp' },
  { kind: 'identity', subject: { field: 'user' }, value: 'wangwei' },
  { kind: 'tool-config', subject: { toolId: 'claude-code', file: '~/.claude.json' }, value: 'unreadable' },
  { kind: 'legacy', subject: { id: 'old.signal' }, value: 'x' },
  { kind: 'system', subject: { part: 'sampler', sampler: 'proxy' }, value: 'failed' },
];

const zone: SignalRef = SIGNALS[0] as SignalRef;
const proxy: SignalRef = SIGNALS[3] as SignalRef;
const mirror: SignalRef = SIGNALS[11] as SignalRef;
const endpoint: SignalRef = SIGNALS[15] as SignalRef;
const email: SignalRef = SIGNALS[19] as SignalRef;
const dns: SignalRef = SIGNALS[22] as SignalRef;
const alibaba = { name: 'Alibaba' };
const ant = { name: 'Ant Group', relatedTo: { name: 'Alibaba', relation: 'affiliate' as const } };

export const INFERENCES: Samples<InferenceMessage> = {
  'inference.location.country': (['low', 'medium', 'high'] as const).map((confidence) => ({ id: 'inference.location.country', country: 'CN', confidence })),
  'inference.network.proxy': (['low', 'medium', 'high'] as const).map((confidence) => ({ id: 'inference.network.proxy', confidence })),
  'inference.network.proxy-country': (['low', 'medium', 'high'] as const).map((confidence) => ({ id: 'inference.network.proxy-country', country: 'HK', confidence })),
  'inference.affiliation.organization': (['low', 'medium', 'high'] as const).map((confidence) => ({ id: 'inference.affiliation.organization', org: 'Alibaba', confidence })),
  'inference.affiliation.ai-lab': [
    ...(['low', 'medium', 'high'] as const).map((confidence) => ({ id: 'inference.affiliation.ai-lab' as const, lab: 'Moonshot AI', confidence, relation: 'member' as const })),
    { id: 'inference.affiliation.ai-lab', lab: 'DeepSeek', confidence: 'medium', relation: 'user' },
  ],
};

export const EVIDENCE: Samples<EvidenceMessage> = {
  'evidence.signal': [{ id: 'evidence.signal', signal: proxy }],
  'evidence.country-of': [{ id: 'evidence.country-of', signal: zone, country: 'CN' }],
  'evidence.ip-located': [{ id: 'evidence.ip-located', signal: proxy, country: 'SG' }],
  'evidence.domain-in': [{ id: 'evidence.domain-in', signal: dns, country: 'CN' }],
  'evidence.proxy-located': [
    { id: 'evidence.proxy-located', signal: proxy, country: 'CN', by: 'domain' },
    { id: 'evidence.proxy-located', signal: proxy, country: 'JP', by: 'ip' },
  ],
  'evidence.mirror-national': [{ id: 'evidence.mirror-national', signal: mirror, operator: 'npmmirror (Alibaba)', country: 'CN' }],
  'evidence.mirror-worldwide': [{ id: 'evidence.mirror-worldwide', signal: mirror, operator: 'goproxy.io', country: 'CN' }],
  'evidence.endpoint-for-accounts': [{ id: 'evidence.endpoint-for-accounts', signal: endpoint, country: 'CN' }],
  'evidence.used-mostly-in': [{ id: 'evidence.used-mostly-in', signal: email, country: 'CN' }],
  'evidence.proxy-http-only': [{ id: 'evidence.proxy-http-only', signal: proxy }],
  'evidence.pac-may-proxy': [{ id: 'evidence.pac-may-proxy', signal: SIGNALS[8] as SignalRef }],
  'evidence.org-network': [{ id: 'evidence.org-network', signal: proxy, org: 'ByteDance', country: 'CN' }],
  'evidence.org': [
    { id: 'evidence.org', signal: email, org: alibaba },
    { id: 'evidence.org', signal: email, org: ant },
  ],
  'evidence.not-public-email': [{ id: 'evidence.not-public-email', signal: email }],
  'evidence.lab': [
    { id: 'evidence.lab', signal: email, org: alibaba, lab: 'Qwen / DashScope' },
    { id: 'evidence.lab', signal: dns, org: { name: 'DeepSeek' } },
  ],
  'evidence.lab-internal-host': [{ id: 'evidence.lab-internal-host', signal: endpoint, org: ant, lab: 'Ling (Bailing)', host: 'llm.antgroup-inc.cn' }],
  'evidence.lab-api': [{ id: 'evidence.lab-api', signal: endpoint, org: { name: 'Moonshot AI' }, lab: 'Kimi' }],
  'evidence.contradiction': [{ id: 'evidence.contradiction', country: 'HK' }],
};

export const ADVICE: Samples<AdviceMessage> = {
  'advice.neutral-environment': [
    { id: 'advice.neutral-environment', tool: 'Claude Code', neutral: 'timezone' },
    { id: 'advice.neutral-environment', tool: 'Claude Code', neutral: 'locale' },
    { id: 'advice.neutral-environment', tool: 'Cursor', neutral: 'timezone-and-locale', launchPrefix: 'TZ=UTC LANG=en_US.UTF-8' },
  ],
  'advice.unset-proxy-variables': [
    { id: 'advice.unset-proxy-variables', tool: 'Claude Code' },
    { id: 'advice.unset-proxy-variables', tool: 'Cursor', launchPrefix: 'env -u HTTPS_PROXY' },
  ],
  'advice.unset-mirror-variable': [{ id: 'advice.unset-mirror-variable', tool: 'Claude Code', variable: 'PIP_INDEX_URL', ecosystem: 'pip' }],
  'advice.unset-endpoint-variable': [{ id: 'advice.unset-endpoint-variable', tool: 'Gemini CLI', variable: 'ANTHROPIC_BASE_URL' }],
  'advice.bypass-proxy': [{ id: 'advice.bypass-proxy', tool: 'Claude Code' }],
  'advice.remove-tool-proxy': [{ id: 'advice.remove-tool-proxy', signal: SIGNALS[18] as SignalRef, file: '~/.config/Cursor/User/settings.json' }],
  'advice.npmrc-proxy': [{ id: 'advice.npmrc-proxy' }],
  'advice.gnome-system-proxy': [{ id: 'advice.gnome-system-proxy' }],
  'advice.system-proxy': [{ id: 'advice.system-proxy', signal: SIGNALS[6] as SignalRef }],
  'advice.move-mirror': [{ id: 'advice.move-mirror', ecosystem: 'npm', url: 'https://registry.npmmirror.com/', file: '~/.npmrc' }],
  'advice.neutral-git-email': [{ id: 'advice.neutral-git-email', domain: 'alibaba-inc.com' }, { id: 'advice.neutral-git-email' }],
  'advice.work-email-per-repo': [{ id: 'advice.work-email-per-repo' }],
  'advice.dns-search': [{ id: 'advice.dns-search', signal: dns }],
  'advice.neutral-hostname': [{ id: 'advice.neutral-hostname' }],
  'advice.move-base-url': [{ id: 'advice.move-base-url', signal: SIGNALS[16] as SignalRef, file: '~/.claude/settings.json', tool: 'Claude Code' }],
  'advice.telemetry-off': [
    { id: 'advice.telemetry-off', tool: 'Claude Code', steps: [] },
    {
      id: 'advice.telemetry-off',
      tool: 'Cursor',
      steps: [
        { id: 'opt-out.app-switch', path: ['Cursor Settings', 'General'], label: 'Privacy Mode', on: true },
        { id: 'opt-out.editor-setting', key: 'telemetry.telemetryLevel', value: 'off' },
      ],
    },
    // A snapshot written before opt-outs had messages: the catalog's English, as it was.
    { id: 'advice.telemetry-off', tool: 'Visual Studio Code', steps: ['telemetry.telemetryLevel: off', 'code --disable-telemetry'] },
  ],
};

export const CHECK_REASONS: Samples<Check2026Reason> = {
  'check-2026.reason.proxy-and-zone': [{ id: 'check-2026.reason.proxy-and-zone', proxy, zone: 'Asia/Shanghai' }],
  'check-2026.reason.lab-host': [{ id: 'check-2026.reason.lab-host', signal: endpoint, host: 'api.moonshot.cn', org: 'Moonshot AI' }],
  'check-2026.reason.chinese-company-host': [{ id: 'check-2026.reason.chinese-company-host', signal: proxy, host: 'proxy.alibaba-inc.com', org: 'Alibaba' }],
  'check-2026.reason.cn-domain-host': [{ id: 'check-2026.reason.cn-domain-host', signal: proxy, host: 'proxy.corp.example.cn' }],
};

export const CHECKS: Samples<CheckMessage> = {
  'check-2026.flagged': [{ id: 'check-2026.flagged', reasons: Object.values(CHECK_REASONS).flat() }],
  'check-2026.clear.proxy-only': [{ id: 'check-2026.clear.proxy-only', zone: 'Europe/Berlin' }, { id: 'check-2026.clear.proxy-only' }],
  'check-2026.clear.zone-only': [{ id: 'check-2026.clear.zone-only', zone: 'Asia/Urumqi' }],
  'check-2026.clear.neither': [{ id: 'check-2026.clear.neither', zone: 'UTC' }],
};

export const FACTS: Samples<DisclosureFact> = {
  'fact.zone': [
    { id: 'fact.zone', factor: 'timezone', zone: 'Asia/Shanghai', country: 'CN' },
    { id: 'fact.zone', factor: 'timezone', zone: 'UTC' },
    { id: 'fact.zone', factor: 'system-timezone', zone: 'Asia/Urumqi', country: 'CN' },
    { id: 'fact.zone', factor: 'system-timezone', zone: 'Etc/GMT-8' },
  ],
  'fact.locale': [{ id: 'fact.locale', locale: 'zh_CN.UTF-8' }, { id: 'fact.locale', locale: '!!' }],
  'fact.proxy': [{ id: 'fact.proxy' }],
  'fact.custom-host': [{ id: 'fact.custom-host', host: 'api.example.com' }],
  'fact.org-host': [
    { id: 'fact.org-host', host: 'api.moonshot.cn', org: 'Moonshot AI', orgKind: 'ai-lab', chinese: true },
    { id: 'fact.org-host', host: 'api.openai.com', org: 'OpenAI', orgKind: 'ai-lab', chinese: false },
    { id: 'fact.org-host', host: 'mirrors.aliyun.com', org: 'Alibaba', orgKind: 'company', chinese: true },
    { id: 'fact.org-host', host: 'corp.example.org', org: 'Example', orgKind: 'company', chinese: false },
  ],
};

export const DISCLOSURES: Samples<DisclosureMessage> = {
  'disclosure.same-as-neutral': (['timezone', 'system-timezone', 'locale', 'proxy', 'base-url'] as const).map((factor) => ({
    id: 'disclosure.same-as-neutral' as const,
    factor,
    value: 'api.example.org',
    neutral: 'api.example.com',
  })),
  'disclosure.utc-offset': [{ id: 'disclosure.utc-offset', zone: 'Asia/Shanghai' }],
  'disclosure.could-tell': [
    ...Object.values(FACTS).flat().map((fact) => ({ id: 'disclosure.could-tell' as const, fact, covert: [] })),
    { id: 'disclosure.could-tell', fact: { id: 'fact.proxy' }, covert: ['confusable', 'invisible', 'format', 'whitespace', 'offset', 'localised', 'text'] },
  ],
};

export const CHECK_NAMES: Samples<CheckNameMessage> = { 'check-2026.name': [{ id: 'check-2026.name' }] };

export const EXPOSURES: Samples<ExposureMessage> = {
  'exposure.nothing': [{ id: 'exposure.nothing', level: 'none' }],
  'exposure.summary': [
    {
      id: 'exposure.summary',
      level: 'high',
      flagged: { id: 'check-2026.name' },
      covert: ['Claude Code', 'covert-tool.mjs'],
      overt: ['Codex'],
      top: { id: 'inference.affiliation.ai-lab', lab: 'Moonshot AI', confidence: 'high', relation: 'member' },
    },
    { id: 'exposure.summary', level: 'elevated', covert: [], overt: ['Gemini CLI'] },
    { id: 'exposure.summary', level: 'low', covert: [], overt: [], top: { id: 'inference.location.country', country: 'CN', confidence: 'low' } },
    // A snapshot written before checks and headlines had messages: their English text, quoted as it was.
    { id: 'exposure.summary', level: 'high', flagged: { id: 'check.name', name: 'Example check' }, covert: [], overt: [], top: { id: 'headline.text', text: 'Example headline' } },
  ],
};

export const PROBE_SUMMARIES: Samples<ProbeSummaryMessage> = {
  'probe-summary.failed': [{ id: 'probe-summary.failed' }],
  'probe-summary.nothing-compared': [{ id: 'probe-summary.nothing-compared' }],
  'probe-summary': [
    {
      id: 'probe-summary',
      requests: 12,
      covert: [{ factor: 'timezone', kinds: ['confusable', 'format'] }],
      overt: [{ factor: 'base-url', kinds: ['text'] }, { factor: 'system-timezone', kinds: ['offset', 'localised'] }],
      unchanged: ['locale', 'proxy'],
      reach: [{ host: 'rum.vendor.example', factor: 'timezone' }],
    },
    { id: 'probe-summary', requests: 4, covert: [], overt: [], unchanged: ['timezone', 'system-timezone', 'locale', 'proxy', 'base-url'], reach: [] },
  ],
};

export const REACHES: Samples<ReachMessage> = {
  'reach.tried-only-with': [{ id: 'reach.tried-only-with', host: 'rum.vendor.example', factor: 'timezone', with: ['Asia/Shanghai'] }],
  'reach.not-tried-with': [
    { id: 'reach.not-tried-with', host: 'rum.vendor.example', factor: 'base-url', with: ['api.anthropic.com', 'api.example.com'], without: ['api.moonshot.cn'] },
  ],
};

export const OPT_OUTS: Samples<TelemetryOptOut> = {
  'opt-out.env': [{ id: 'opt-out.env', variable: 'DISABLE_TELEMETRY', value: '1' }],
  'opt-out.config': [
    { id: 'opt-out.config', file: '~/.gemini/settings.json', key: 'privacy.usageStatisticsEnabled', value: 'false' },
    { id: 'opt-out.config', file: '~/.codex/config.toml', key: 'otel.exporter', value: '"none"', caveats: ['is-default', 'unverified-newer'] },
  ],
  'opt-out.editor-setting': [{ id: 'opt-out.editor-setting', key: 'telemetry.telemetryLevel', value: 'off', caveats: ['partial-2025'] }],
  'opt-out.flag': [{ id: 'opt-out.flag', program: 'aider', flag: '--analytics-disable' }],
  'opt-out.app-switch': [
    { id: 'opt-out.app-switch', path: ['Cursor Settings', 'General'], label: 'Privacy Mode', on: true },
    { id: 'opt-out.app-switch', path: ['Windsurf Settings'], label: 'Code snippet telemetry', on: false, caveats: ['label-unverified'] },
  ],
  'opt-out.web-switch': [
    { id: 'opt-out.web-switch', page: 'github.com/settings/copilot', label: 'Allow GitHub to use my data for product improvements', on: false },
    { id: 'opt-out.web-switch', page: 'example.com/account/privacy', label: 'Share usage data', on: true },
  ],
};

export const SETTING_NOTES: Samples<SettingNote> = {
  'setting-note.editor-proxy': [{ id: 'setting-note.editor-proxy' }],
  'setting-note.editor-telemetry-level': [{ id: 'setting-note.editor-telemetry-level', levels: ['off', 'crash', 'error', 'all'] }],
  'setting-note.legacy-telemetry': [{ id: 'setting-note.legacy-telemetry' }],
  'setting-note.base-url': [{ id: 'setting-note.base-url' }],
  'setting-note.base-url.instead-of': [{ id: 'setting-note.base-url.instead-of', vendor: 'Anthropic' }],
  'setting-note.base-url.of-tool': [{ id: 'setting-note.base-url.of-tool', tool: 'Copilot' }],
  'setting-note.base-url.compatible': [{ id: 'setting-note.base-url.compatible', api: 'OpenAI' }],
  'setting-note.tool-proxy': [{ id: 'setting-note.tool-proxy', tool: 'Claude Code' }],
  'setting-note.uses-editor-proxy': [{ id: 'setting-note.uses-editor-proxy', tool: 'Copilot' }],
  'setting-note.follows-editor-telemetry': [{ id: 'setting-note.follows-editor-telemetry', tool: 'Copilot' }],
  'setting-note.session-env': [{ id: 'setting-note.session-env', tool: 'Claude Code' }],
  'setting-note.loaded-into-env': [{ id: 'setting-note.loaded-into-env', tool: 'Gemini CLI' }],
  'setting-note.model-provider': [{ id: 'setting-note.model-provider', table: 'model_providers' }],
  'setting-note.usage-statistics': [{ id: 'setting-note.usage-statistics', host: 'play.googleapis.com' }],
  'setting-note.older-layout': [{ id: 'setting-note.older-layout' }],
  'setting-note.sign-in': [{ id: 'setting-note.sign-in', oauth: 'qwen-oauth', api: 'OpenAI' }],
  'setting-note.session-sharing': [{ id: 'setting-note.session-sharing', host: 'opencode.ai' }],
};

export const TOOL_NOTES: Samples<ToolNote> = {
  'tool-note.editor': [{ id: 'tool-note.editor' }],
  'tool-note.extension-host': [{ id: 'tool-note.extension-host' }],
  'tool-note.in-editor': [{ id: 'tool-note.in-editor' }],
  'tool-note.ide-based-on': [{ id: 'tool-note.ide-based-on', base: 'VS Code' }],
  'tool-note.plugins-and-ide': [{ id: 'tool-note.plugins-and-ide', editors: ['VS Code', 'JetBrains'], ide: 'Lingma IDE' }],
};
const china: InferenceMessage = { id: 'inference.location.country', country: 'CN', confidence: 'high' };

/** Notifications: every rule's message, with and without its optional parts, one to four tools. */
export const NOTIFICATIONS: Samples<NotificationMessage> = {
  'notification.exposure-rose': [
    { id: 'notification.exposure-rose', before: null, after: 'low' },
    { id: 'notification.exposure-rose', before: 'elevated', after: 'high', summary: { id: 'exposure.summary', level: 'high', covert: ['Claude Code'], overt: [], top: china } },
  ],
  'notification.tool-started': [{ id: 'notification.tool-started', tool: 'Claude Code' }],
  'notification.inference-gained': [
    { id: 'notification.inference-gained', tools: ['Claude Code'], inference: china, evidence: [{ id: 'evidence.country-of', signal: zone, country: 'CN' }] },
    ...Object.values(INFERENCES).flat().map((inference, i) => ({
      id: 'notification.inference-gained' as const,
      tools: ['Claude Code', 'Codex CLI', 'Gemini CLI', 'Qwen Code'].slice(0, (i % 4) + 1),
      inference,
      evidence: [],
    })),
  ],
  'notification.inference-gained.text': [{ id: 'notification.inference-gained.text', tools: ['Kimi CLI', 'Trae'], statement: 'You are probably in China.' }],
  'notification.new-country': [
    { id: 'notification.new-country', tool: 'Claude Code', country: 'CN', org: 'Alibaba', host: 'dashscope.aliyuncs.com', port: 443 },
    { id: 'notification.new-country', tool: 'Codex CLI', country: 'SG', host: '2001:db8::1', port: 443 },
  ],
  'notification.new-org': [
    { id: 'notification.new-org', tool: 'Gemini CLI', org: 'Cloudflare, Inc.', country: 'US', host: '104.18.1.1', port: 443 },
    { id: 'notification.new-org', tool: 'Qoder', org: 'Alibaba', host: 'api.qoder.sh', port: null },
  ],
};

/** Why precise capture is off: every cause, with paths, codes and errors as the host reports them. */
export const CAPTURE_WHY: Samples<CaptureUnavailableMessage> = {
  'capture-why.off': [{ id: 'capture-why.off' }],
  'capture-why.stopped': [{ id: 'capture-why.stopped', error: 'EIO: i/o error, read' }],
  'capture-why.not-linux': [{ id: 'capture-why.not-linux', platform: 'darwin' }],
  'capture-why.no-tracefs': [{ id: 'capture-why.no-tracefs', root: '/sys/kernel/tracing' }],
  'capture-why.tracefs-unreadable': [{ id: 'capture-why.tracefs-unreadable', root: '/sys/kernel/tracing', code: 'EACCES' }],
  'capture-why.tracefs-not-mounted': [{ id: 'capture-why.tracefs-not-mounted', root: '/sys/kernel/tracing' }],
  'capture-why.mount-failed': [{ id: 'capture-why.mount-failed', root: '/sys/kernel/tracing', error: 'mount: permission denied' }],
  'capture-why.no-instances': [{ id: 'capture-why.no-instances', root: '/sys/kernel/tracing' }],
  'capture-why.no-tracepoint': [{ id: 'capture-why.no-tracepoint', path: '/sys/kernel/tracing/events/sock/inet_sock_set_state' }],
  'capture-why.instance-denied': [{ id: 'capture-why.instance-denied', dir: '/sys/kernel/tracing/instances/telltale-42-1', code: 'EPERM' }],
  'capture-why.instance-failed': [{ id: 'capture-why.instance-failed', dir: '/sys/kernel/tracing/instances/telltale-42-1', error: 'ENOSPC' }],
  'capture-why.unavailable': [{ id: 'capture-why.unavailable', detail: 'eBPF is off' }],
};

export const CAPTURE_REASONS: Samples<CaptureReasonMessage> = {
  'capture-reason.polling': [
    { id: 'capture-reason.polling', why: { id: 'capture-why.off' }, missedUnderMs: 500 },
    { id: 'capture-reason.polling', why: { id: 'capture-why.off' }, missedUnderMs: null },
    ...Object.values(CAPTURE_WHY)
      .flat()
      .map((why) => ({ id: 'capture-reason.polling' as const, why, helper: { uid: 1000, socket: '/run/user/1000/telltale/capture.sock' }, missedUnderMs: 500 })),
  ],
};

const APOSTROPHE = { codePoint: 'U+02BC', name: 'MODIFIER LETTER APOSTROPHE' };
const ZERO_WIDTH = { codePoint: 'U+200B', name: 'ZERO WIDTH SPACE' };

export const CHANGES: Samples<ChangeMessage> = {
  'probe-change.invisible': [
    { id: 'probe-change.invisible', action: 'inserted', chars: [ZERO_WIDTH] },
    { id: 'probe-change.invisible', action: 'removed', chars: [ZERO_WIDTH, { codePoint: 'U+2060', name: 'WORD JOINER' }] },
  ],
  'probe-change.whitespace': [{ id: 'probe-change.whitespace', chars: [{ codePoint: 'U+00A0', name: 'NO-BREAK SPACE' }] }],
  'probe-change.confusable': [
    { id: 'probe-change.confusable', from: { text: "'", chars: [{ codePoint: 'U+0027', name: 'APOSTROPHE' }] }, to: { text: 'ʼ', chars: [APOSTROPHE] } },
    // ASCII letters are not listed: the side is quoted as it was.
    { id: 'probe-change.confusable', from: { text: 'rn', chars: [] }, to: { text: 'm', chars: [] } },
  ],
  'probe-change.text': [
    { id: 'probe-change.text', from: 'claude-sonnet', to: 'claude-opus' },
    { id: 'probe-change.text', from: '', to: 'zh' },
  ],
  'probe-change.requests': [{ id: 'probe-change.requests', request: 'POST /v1/messages', baseline: 1, variant: 2 }],
  'probe-change.part-added': [{ id: 'probe-change.part-added', part: 'body.system[1]' }],
  'probe-change.part-dropped': [{ id: 'probe-change.part-dropped', part: 'body.tools[name="WebSearch"]' }],
  'probe-change.format': [
    { id: 'probe-change.format', what: 'date', baseline: '2026-11-30', variant: '2026/11/30', from: 'YYYY-MM-DD', to: 'YYYY/MM/DD', sameValue: true },
    { id: 'probe-change.format', what: 'time', baseline: '14:05', variant: '2:05 PM', from: 'HH:mm', to: 'h:mm A', sameValue: false },
    { id: 'probe-change.format', what: 'number', baseline: '1,234', variant: '1.234', from: '9,999', to: '9.999', sameValue: true },
  ],
  'probe-change.localised': [
    { id: 'probe-change.localised', what: 'date', baseline: '11/30/2026', variant: '2026/11/30', from: 'MM/DD/YYYY', to: 'YYYY/MM/DD', locale: 'zh-CN' },
  ],
  'probe-change.local-time': [
    {
      id: 'probe-change.local-time',
      what: 'datetime',
      baseline: '2026-11-30T04:00:00Z',
      variant: '2026-11-30T12:00:00+08:00',
      baselineOffset: 'UTC',
      variantOffset: 'UTC+08:00',
    },
  ],
  'probe-change.value': [{ id: 'probe-change.value', what: 'date', baseline: '2026-11-30', variant: '2027-01-02' }],
};

export const ISOLATION_PROBLEMS: Samples<IsolationProblem> = {
  'isolation.not-linux': [{ id: 'isolation.not-linux', platform: 'darwin' }],
  'isolation.no-ip-command': [{ id: 'isolation.no-ip-command' }],
  'isolation.no-network-namespace': [
    { id: 'isolation.no-network-namespace', output: 'unshare: write failed /proc/self/uid_map: Operation not permitted' },
    { id: 'isolation.no-network-namespace' },
  ],
  'isolation.no-mount-command': [{ id: 'isolation.no-mount-command' }],
  'isolation.no-overlay': [{ id: 'isolation.no-overlay', output: 'mount: /etc: permission denied.' }, { id: 'isolation.no-overlay' }],
  'isolation.off': [{ id: 'isolation.off' }],
};

export const SAFETY_PROBLEMS: Samples<ProbeSafetyProblem> = {
  'probe-unsafe.command-sets-url': [{ id: 'probe-unsafe.command-sets-url', variable: 'HTTPS_PROXY' }],
  'probe-unsafe.proxy-elsewhere': [{ id: 'probe-unsafe.proxy-elsewhere', environment: 'proxy=http://127.0.0.1:7890', variable: 'HTTP_PROXY', value: 'http://proxy.corp.example:3128' }],
  'probe-unsafe.bad-url': [
    { id: 'probe-unsafe.bad-url', environment: 'baseline', variable: 'ANTHROPIC_BASE_URL', cause: { id: 'reason.url.no-host', value: 'http://:8080' } },
    { id: 'probe-unsafe.bad-url', environment: 'base-url=api.kimi.com', variable: 'OPENAI_BASE_URL', cause: { id: 'reason.url.whitespace', value: 'http://api kimi.com' } },
  ],
  'probe-unsafe.misses-tap': [{ id: 'probe-unsafe.misses-tap', environment: 'timezone=Asia/Shanghai', variable: 'ANTHROPIC_BASE_URL', url: 'https://api.anthropic.com' }],
};

export const REACH_GAPS: Samples<ReachGapMessage> = {
  'reach-gap.not-isolated': [{ id: 'reach-gap.not-isolated' }],
  'reach-gap.no-dns': Object.values(ISOLATION_PROBLEMS).flat().map((why) => ({ id: 'reach-gap.no-dns' as const, why })),
  'reach-gap.ports-only': [{ id: 'reach-gap.ports-only' }],
};

export const RUN_FAILURES: Samples<RunFailure> = {
  'run.command-not-found': [{ id: 'run.command-not-found', run: 1, command: 'claude' }],
  'run.not-started': [{ id: 'run.not-started', run: 2, error: 'spawn /opt/tool EACCES' }],
  'run.timed-out': [{ id: 'run.timed-out', run: 1, seconds: 60 }],
  'run.exited': [
    { id: 'run.exited', run: 1, code: 1, line: 'Error: Invalid API key · Please run /login' },
    { id: 'run.exited', run: 2, code: 3 },
    { id: 'run.exited', run: 1 },
    { id: 'run.exited', run: 2, line: 'Segmentation fault' },
  ],
};

export const BASE_URL_HINTS: Samples<BaseUrlHint> = {
  'hint.tool-variables': [{ id: 'hint.tool-variables', tool: 'Claude Code', variables: ['ANTHROPIC_BASE_URL'] }],
  'hint.tool-no-variable': [{ id: 'hint.tool-no-variable', tool: 'Cursor' }],
  'hint.unknown-tool': [{ id: 'hint.unknown-tool', variables: ['ANTHROPIC_BASE_URL', 'OPENAI_BASE_URL', 'GOOGLE_GEMINI_BASE_URL'] }],
};

export const PROBE_ERRORS: Samples<ProbeErrorMessage> = {
  'probe-error.no-model-request': [
    ...Object.values(BASE_URL_HINTS).flat().map((hint) => ({ id: 'probe-error.no-model-request' as const, otherRequests: 0, failures: [], hint })),
    {
      id: 'probe-error.no-model-request',
      otherRequests: 3,
      failures: Object.values(RUN_FAILURES).flat(),
      stdout: 'Not logged in | Please run /login',
      stderr: 'Error: connect ECONNREFUSED 127.0.0.1:443',
      hint: { id: 'hint.tool-variables', tool: 'Qoder CLI', variables: ['QODER_BASE_URL', 'OPENAI_BASE_URL'] },
    },
  ],
};

/** Why a signal could not be read: every kind of failure, and each variant its rendering takes. */
const CAUSES: Samples<ReasonCause> = {
  'reason.file.missing': [{ id: 'reason.file.missing', path: '~/.npmrc' }],
  'reason.file.not-regular': (['directory', 'fifo', 'device', 'socket', 'special'] as const).map((is) => ({ id: 'reason.file.not-regular' as const, path: '~/.npmrc', is })),
  'reason.file.too-large': [{ id: 'reason.file.too-large', path: '~/.gitconfig', limit: 1048576 }],
  'reason.file.permission-denied': [{ id: 'reason.file.permission-denied', path: '/etc/pip.conf' }],
  'reason.file.unreadable': [{ id: 'reason.file.unreadable', path: '~/.cargo/config.toml', code: 'ELOOP' }],
  'reason.command.not-found': [{ id: 'reason.command.not-found', command: 'gsettings' }],
  'reason.command.timed-out': [{ id: 'reason.command.timed-out', command: 'git' }],
  'reason.command.failed': [
    { id: 'reason.command.failed', command: 'git', status: '128', detail: 'fatal: bad config line 1 in file /home/dev/.gitconfig' },
    { id: 'reason.command.failed', command: 'tzutil', status: 'SIGKILL', detail: '' },
  ],
  'reason.output.unexpected': [
    { id: 'reason.output.unexpected', command: 'scutil', detail: 'HTTPEnable 1' },
    { id: 'reason.output.unexpected', command: 'reg query' },
  ],
  'reason.empty': [{ id: 'reason.empty', source: 'file:/etc/hostname' }],
  'reason.url.empty': [{ id: 'reason.url.empty' }],
  'reason.url.too-long': [
    { id: 'reason.url.too-long', length: 9000, max: 8192 },
    { id: 'reason.url.too-long', length: 9000 },
  ],
  'reason.url.whitespace': [{ id: 'reason.url.whitespace', value: 'http://proxy corp:8080' }],
  'reason.url.malformed': [{ id: 'reason.url.malformed', value: 'http://user:***@[bad' }],
  'reason.url.no-host': [{ id: 'reason.url.no-host', value: 'http://:8080' }],
  'reason.proxy.not-an-address': (['switch', 'number', 'bare-word'] as const).map((is) => ({ id: 'reason.proxy.not-an-address' as const, value: 'proxyhost', is })),
  'reason.zone.not-iana': [{ id: 'reason.zone.not-iana', where: 'TZ', value: 'Mars/Olympus' }],
  'reason.zone.outside-zoneinfo': [{ id: 'reason.zone.outside-zoneinfo', target: '/opt/zones/Shanghai' }],
  'reason.zone.copied-file': [{ id: 'reason.zone.copied-file' }],
  'reason.zone.none': [{ id: 'reason.zone.none' }],
  'reason.config.unparsable': [
    { id: 'reason.config.unparsable', format: 'JSON', file: '~/.gemini/settings.json', line: 1, column: 47, detail: 'PropertyNameExpected' },
    { id: 'reason.config.unparsable', format: 'YAML', line: 3, detail: 'BAD_INDENT' },
    { id: 'reason.config.unparsable', format: 'settings.xml', detail: '3:7: unclosed tag: mirror' },
    { id: 'reason.config.unparsable', format: 'TOML' },
  ],
  'reason.config.bad-line': [
    { id: 'reason.config.bad-line', format: 'git config', line: 3, problem: 'unterminated-section' },
    { id: 'reason.config.bad-line', format: 'pip.conf', file: '~/.config/pip/pip.conf', line: 2, problem: 'no-equals' },
  ],
  'reason.config.too-deep': [{ id: 'reason.config.too-deep', format: 'JSON', file: '~/.codex/config.json', max: 100 }],
  'reason.config.unknown-value': [{ id: 'reason.config.unknown-value', setting: 'KDE ProxyType', value: '9' }],
  'reason.git.files-unreadable': [{ id: 'reason.git.files-unreadable', setting: 'user.email', files: ['~/.gitconfig', '~/.config/git/config'] }],
  'reason.pac.remote': [{ id: 'reason.pac.remote' }],
  'reason.pac.failed': [{ id: 'reason.pac.failed', detail: 'ReferenceError: foo is not defined' }],
  'reason.pac.timed-out': [{ id: 'reason.pac.timed-out', limitMs: 1000, afterMs: 1012 }],
  'reason.pac.out-of-memory': [{ id: 'reason.pac.out-of-memory' }],
  'reason.pac.never-settled': [{ id: 'reason.pac.never-settled' }],
  'reason.pac.no-answer': [{ id: 'reason.pac.no-answer' }],
  'reason.pac.could-not-start': [{ id: 'reason.pac.could-not-start', detail: "Cannot find module 'quickjs-emscripten'" }],
  'reason.sampler.crashed': [{ id: 'reason.sampler.crashed', sampler: 'proxy', detail: 'x.host is not a function' }],
  'reason.sampler.missed-deadline': [{ id: 'reason.sampler.missed-deadline', sampler: 'identity', ms: 10000 }],
  'reason.sampler.invalid': [
    { id: 'reason.sampler.invalid', whole: false, detail: '✖ Invalid input → at value' },
    { id: 'reason.sampler.invalid', whole: true, detail: '✖ Invalid input → at kind' },
  ],
  'reason.connections.failed': [{ id: 'reason.connections.failed', detail: 'spawn ss ENOENT' }],
};

export const REASONS: Samples<ReasonMessage> = {
  ...CAUSES,
  'reason.setting': [
    { id: 'reason.setting', file: '~/.claude/settings.json', setting: 'env.HTTPS_PROXY', cause: { id: 'reason.url.malformed', value: 'http://[bad' } },
    { id: 'reason.setting', file: '~/.qwen/settings.json', setting: 'baseUrl', cause: { id: 'reason.url.too-long', length: 9000 } },
  ],
  'reason.all-failed': [
    { id: 'reason.all-failed', causes: [{ id: 'reason.empty', source: 'file:/etc/hostname' }, { id: 'reason.command.not-found', command: 'hostname' }] },
  ],
};

export const SETTINGS_FAULTS: Samples<SettingsFileFault> = {
  'settings-fault.unreadable': [
    { id: 'settings-fault.unreadable', cause: { id: 'reason.file.not-regular', path: '/home/ada/.config/telltale/settings.json', is: 'fifo' } },
    { id: 'settings-fault.unreadable', cause: { id: 'reason.file.permission-denied', path: '/home/ada/.config/telltale/settings.json' } },
  ],
  'settings-fault.not-json': [{ id: 'settings-fault.not-json', detail: "Expected ',' or '}' after property value in JSON at position 23" }],
  'settings-fault.invalid': [{ id: 'settings-fault.invalid', detail: '✖ Too small: expected number to be >=1 → at intervalSeconds' }],
};

export const SETTINGS_PROBLEMS: Samples<SettingsProblem> = {
  'settings-problem.moved-aside': Object.values(SETTINGS_FAULTS)
    .flat()
    .map((fault) => ({ id: 'settings-problem.moved-aside' as const, fault, aside: '/home/ada/.config/telltale/settings.json.bad-20261130T143000Z' })),
  'settings-problem.not-moved': [{ id: 'settings-problem.not-moved', fault: { id: 'settings-fault.not-json', detail: 'Unexpected end of JSON input' }, error: 'EACCES: permission denied, rename' }],
  'settings-problem.not-watched': [{ id: 'settings-problem.not-watched', error: 'ENOSPC: System limit for number of file watchers reached' }],
};
