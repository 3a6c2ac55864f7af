/**
 * Organisations a tool could recognise from a host or email domain. Entries are registrable
 * domains or hosts; a host matches an entry it equals or sits under, and the longest matching
 * entry wins (so "corp.netease.com" is staff while "netease.com" is public).
 *
 * The lists separate what suggests employment from what only suggests use:
 * - `domains`: staff email and intranet domains. A git email, DNS search domain, proxy or private
 *   registry under one says you work there (or for them).
 * - `publicDomains`: public services the organisation runs (clouds, mirrors, webmail, CDNs).
 *   Anyone may use them, so they never imply employment; they still say which country the service is in.
 * - `apiHosts`: public model APIs. Pointing a tool at one says you use that lab. `market` is set when
 *   the endpoint only serves one market (mainland-China accounts), which hints where you are.
 * - `labDomains`: for organisations bigger than their AI lab, the lab's own domains. Absent means
 *   the whole organisation is the lab (when `aiLab` is true).
 */
import { hostMatches, registrableDomain } from './domains.js';

export interface ApiHost {
  host: string;
  market?: string;
}

export interface Organization {
  name: string;
  /** ISO 3166-1 alpha-2 of the headquarters. */
  country: string;
  /** Trains its own frontier models (or runs a lab that does). */
  aiLab: boolean;
  /** The lab or model family, for statements ("Qwen"). */
  lab?: string;
  domains: readonly string[];
  publicDomains?: readonly string[];
  apiHosts?: readonly ApiHost[];
  labDomains?: readonly string[];
  /**
   * A related but separate company (an affiliate, a former subsidiary): shown beside the name, never
   * merged into it. Ant Group is its own company, not Alibaba.
   */
  relatedTo?: { name: string; relation: 'affiliate' };
}

export const ORGANIZATIONS: readonly Organization[] = [
  // China
  {
    name: 'Alibaba', country: 'CN', aiLab: true, lab: 'Qwen / DashScope',
    domains: ['alibaba-inc.com', 'alibaba.com', 'aliyun-inc.com', 'taobao.com', 'tmall.com', 'cainiao.com'],
    publicDomains: ['aliyuncs.com', 'aliyun.com', 'alicdn.com', 'npmmirror.com', 'alibabacloud.com'],
    apiHosts: [
      { host: 'dashscope.aliyuncs.com', market: 'CN' }, { host: 'dashscope-intl.aliyuncs.com' },
      { host: 'lingma.alibabacloud.com' },
    ],
    labDomains: ['qwen.ai', 'qwenlm.ai'],
  },
  {
    name: 'Ant Group', country: 'CN', aiLab: true, lab: 'Ling (Bailing)',
    domains: ['antgroup.com', 'antfin.com', 'alipay.com', 'antgroup-inc.cn'],
    relatedTo: { name: 'Alibaba', relation: 'affiliate' },
  },
  {
    name: 'ByteDance', country: 'CN', aiLab: true, lab: 'Doubao / Volcengine Ark',
    domains: ['bytedance.com', 'bytedance.net', 'byteoversea.com', 'bytedance.org'],
    publicDomains: ['volces.com', 'volcengine.com', 'bytepluses.com', 'byteplus.com', 'trae.ai', 'trae.com.cn', 'rsproxy.cn', 'douyin.com', 'tiktok.com'],
    apiHosts: [
      { host: 'ark.cn-beijing.volces.com', market: 'CN' }, { host: 'ark.cn-shanghai.volces.com', market: 'CN' },
      { host: 'ark.ap-southeast.bytepluses.com' },
    ],
    labDomains: ['doubao.com'],
  },
  {
    name: 'Moonshot AI', country: 'CN', aiLab: true, lab: 'Kimi',
    domains: ['moonshot.cn', 'moonshot.ai', 'msh.team'],
    publicDomains: ['kimi.com', 'kimi.ai'],
    apiHosts: [{ host: 'api.moonshot.cn', market: 'CN' }, { host: 'api.moonshot.ai' }, { host: 'api.kimi.com' }],
  },
  {
    name: 'DeepSeek', country: 'CN', aiLab: true,
    domains: ['deepseek.com'],
    apiHosts: [{ host: 'api.deepseek.com' }],
  },
  {
    name: 'MiniMax', country: 'CN', aiLab: true,
    domains: ['minimaxi.com', 'minimax.io', 'minimax.chat'],
    apiHosts: [{ host: 'api.minimaxi.com', market: 'CN' }, { host: 'api.minimax.io' }, { host: 'api.minimax.chat', market: 'CN' }],
  },
  {
    name: 'Zhipu AI', country: 'CN', aiLab: true, lab: 'GLM',
    domains: ['zhipuai.cn', 'bigmodel.cn', 'z.ai'],
    apiHosts: [{ host: 'open.bigmodel.cn', market: 'CN' }, { host: 'api.z.ai' }],
  },
  {
    name: 'Baidu', country: 'CN', aiLab: true, lab: 'ERNIE',
    domains: ['baidu.com'],
    publicDomains: ['baidubce.com', 'bcebos.com', 'bdstatic.com'],
    apiHosts: [{ host: 'qianfan.baidubce.com', market: 'CN' }, { host: 'aip.baidubce.com', market: 'CN' }],
    labDomains: ['yiyan.baidu.com'],
  },
  {
    name: 'Tencent', country: 'CN', aiLab: true, lab: 'Hunyuan',
    domains: ['tencent.com'],
    publicDomains: ['qq.com', 'tencentcloudapi.com', 'myqcloud.com', 'cloud.tencent.com', 'weixin.qq.com', 'wechat.com'],
    apiHosts: [{ host: 'hunyuan.tencentcloudapi.com', market: 'CN' }, { host: 'api.hunyuan.cloud.tencent.com', market: 'CN' }],
    labDomains: ['hunyuan.tencent.com'],
  },
  {
    name: 'Huawei', country: 'CN', aiLab: false,
    domains: ['huawei.com'],
    publicDomains: ['huaweicloud.com', 'myhuaweicloud.com'],
  },
  {
    name: 'StepFun', country: 'CN', aiLab: true,
    domains: ['stepfun.com'],
    apiHosts: [{ host: 'api.stepfun.com', market: 'CN' }],
  },
  {
    name: '01.AI', country: 'CN', aiLab: true, lab: 'Yi',
    domains: ['01.ai', 'lingyiwanwu.com'],
    apiHosts: [{ host: 'api.lingyiwanwu.com', market: 'CN' }, { host: 'api.01.ai' }],
  },
  {
    name: 'Baichuan', country: 'CN', aiLab: true,
    domains: ['baichuan-ai.com'],
    apiHosts: [{ host: 'api.baichuan-ai.com', market: 'CN' }],
  },
  {
    name: 'iFlytek', country: 'CN', aiLab: true, lab: 'Spark',
    domains: ['iflytek.com'],
    publicDomains: ['xf-yun.com'],
    apiHosts: [{ host: 'spark-api-open.xf-yun.com', market: 'CN' }],
  },
  { name: 'SenseTime', country: 'CN', aiLab: true, lab: 'SenseNova', domains: ['sensetime.com'] },
  { name: 'Xiaomi', country: 'CN', aiLab: false, domains: ['xiaomi.com'], publicDomains: ['mi.com'] },
  { name: 'NetEase', country: 'CN', aiLab: false, domains: ['corp.netease.com'], publicDomains: ['163.com', '126.com', 'netease.com', 'yeah.net'] },
  { name: 'JD.com', country: 'CN', aiLab: false, domains: ['jd.com'] },
  { name: 'Meituan', country: 'CN', aiLab: false, domains: ['meituan.com', 'sankuai.com'] },
  { name: 'Kuaishou', country: 'CN', aiLab: false, domains: ['kuaishou.com'] },
  // Elsewhere
  {
    name: 'Google', country: 'US', aiLab: true, lab: 'Google DeepMind',
    domains: ['google.com', 'corp.google.com'],
    publicDomains: ['googleapis.com', 'gstatic.com', 'googleusercontent.com', 'gmail.com', 'googlemail.com'],
    apiHosts: [{ host: 'generativelanguage.googleapis.com' }, { host: 'aiplatform.googleapis.com' }],
    labDomains: ['deepmind.com', 'deepmind.google'],
  },
  {
    name: 'Microsoft', country: 'US', aiLab: false,
    domains: ['microsoft.com'],
    publicDomains: ['azure.com', 'windows.net', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'azureedge.net'],
  },
  {
    name: 'Amazon', country: 'US', aiLab: false,
    domains: ['amazon.com', 'amazon.de', 'amazon.co.uk', 'a2z.com'],
    publicDomains: ['amazonaws.com', 'cloudfront.net', 'aws.dev'],
  },
  { name: 'Meta', country: 'US', aiLab: true, lab: 'Llama', domains: ['meta.com', 'fb.com'], publicDomains: ['facebook.com', 'llama.com'], apiHosts: [{ host: 'api.llama.com' }] },
  { name: 'Apple', country: 'US', aiLab: false, domains: ['apple.com'], publicDomains: ['icloud.com', 'me.com', 'mac.com'] },
  {
    name: 'Anthropic', country: 'US', aiLab: true, lab: 'Claude',
    domains: ['anthropic.com'], publicDomains: ['claude.ai', 'claude.com'],
    apiHosts: [{ host: 'api.anthropic.com' }],
  },
  {
    name: 'OpenAI', country: 'US', aiLab: true, lab: 'GPT',
    domains: ['openai.com'], publicDomains: ['chatgpt.com', 'oaiusercontent.com'],
    apiHosts: [{ host: 'api.openai.com' }],
  },
  { name: 'Mistral AI', country: 'FR', aiLab: true, domains: ['mistral.ai'], apiHosts: [{ host: 'api.mistral.ai' }, { host: 'codestral.mistral.ai' }] },
  { name: 'xAI', country: 'US', aiLab: true, lab: 'Grok', domains: ['x.ai'], apiHosts: [{ host: 'api.x.ai' }] },
  { name: 'Cohere', country: 'CA', aiLab: true, domains: ['cohere.com', 'cohere.ai'], apiHosts: [{ host: 'api.cohere.com' }, { host: 'api.cohere.ai' }] },
  { name: 'NVIDIA', country: 'US', aiLab: false, domains: ['nvidia.com'], publicDomains: ['nvcr.io'] },
  { name: 'IBM', country: 'US', aiLab: false, domains: ['ibm.com'] },
  { name: 'Samsung', country: 'KR', aiLab: false, domains: ['samsung.com'] },
  { name: 'Yandex', country: 'RU', aiLab: true, lab: 'YandexGPT', domains: ['yandex-team.ru', 'yandex-team.com'], publicDomains: ['yandex.ru', 'yandex.com', 'yandex.net'] },
];

export type OrgRelation = 'staff' | 'lab' | 'public' | 'api';

export interface OrgMatch {
  org: Organization;
  relation: OrgRelation;
  /** The entry that matched. */
  entry: string;
  /** Set for an API host that serves one market only. */
  market?: string;
}

function entriesOf(org: Organization): Array<{ entry: string; relation: OrgRelation; market?: string }> {
  return [
    ...org.domains.map((entry) => ({ entry, relation: 'staff' as const })),
    ...(org.labDomains ?? []).map((entry) => ({ entry, relation: 'lab' as const })),
    ...(org.publicDomains ?? []).map((entry) => ({ entry, relation: 'public' as const })),
    ...(org.apiHosts ?? []).map(({ host, market }) => ({ entry: host, relation: 'api' as const, market })),
  ];
}

const ENTRIES = ORGANIZATIONS.flatMap((org) => entriesOf(org).map((e) => ({ ...e, org })));

/** The organisation behind a host or email domain; null for IPs, bare names and unknown domains. */
export function matchOrganization(host: string): OrgMatch | null {
  if (!registrableDomain(host)) return null;
  let best: OrgMatch | null = null;
  for (const { org, entry, relation, market } of ENTRIES) {
    if (hostMatches(host, entry) && (!best || entry.length > best.entry.length)) {
      best = market ? { org, relation, entry, market } : { org, relation, entry };
    }
  }
  return best;
}

/** Staff/lab domains say you work there; public services and APIs only say you use them. */
export function impliesMembership(match: OrgMatch): boolean {
  return match.relation === 'staff' || match.relation === 'lab';
}

/** Whether the match ties to the organisation's AI lab (see `labDomains`). */
export function isLabMatch(match: OrgMatch): boolean {
  if (!match.org.aiLab) return false;
  if (match.relation === 'api' || match.relation === 'lab') return true;
  return match.org.labDomains === undefined;
}
