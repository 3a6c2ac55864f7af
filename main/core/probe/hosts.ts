/**
 * The base-URL hosts the probe tries, and who they belong to. Kept small on purpose: the built-in
 * hosts of the probe (user --hosts are matched by registrable domain).
 */
import { getDomain } from 'tldts';

export interface HostOwner {
  org: string;
  kind: 'chinese-ai-lab' | 'chinese-company';
}

const OWNERS: Readonly<Record<string, HostOwner>> = {
  'moonshot.cn': { org: 'Moonshot AI', kind: 'chinese-ai-lab' },
  'kimi.com': { org: 'Moonshot AI', kind: 'chinese-ai-lab' },
  'deepseek.com': { org: 'DeepSeek', kind: 'chinese-ai-lab' },
  'bigmodel.cn': { org: 'Zhipu AI', kind: 'chinese-ai-lab' },
  'zhipuai.cn': { org: 'Zhipu AI', kind: 'chinese-ai-lab' },
  'minimaxi.com': { org: 'MiniMax', kind: 'chinese-ai-lab' },
  'minimax.io': { org: 'MiniMax', kind: 'chinese-ai-lab' },
  'aliyuncs.com': { org: 'Alibaba Cloud', kind: 'chinese-company' },
  'aliyun.com': { org: 'Alibaba Cloud', kind: 'chinese-company' },
  'alibabacloud.com': { org: 'Alibaba Cloud', kind: 'chinese-company' },
  'alibaba-inc.com': { org: 'Alibaba', kind: 'chinese-company' },
  'volces.com': { org: 'ByteDance (Volcano Engine)', kind: 'chinese-company' },
  'bytedance.com': { org: 'ByteDance', kind: 'chinese-company' },
};

/** Official hosts of the model APIs: the base-url factor's baseline. */
export const BASELINE_HOSTS = { anthropic: 'api.anthropic.com', openai: 'api.openai.com', gemini: 'generativelanguage.googleapis.com' } as const;

/** A custom base URL that belongs to nobody in particular. */
export const NEUTRAL_VARIANT_HOSTS: readonly string[] = ['api.example.com'];

export const CHINESE_HOSTS: readonly string[] = [
  'api.moonshot.cn',
  'api.deepseek.com',
  'open.bigmodel.cn',
  'dashscope.aliyuncs.com',
  'api.minimaxi.com',
  'ark.cn-beijing.volces.com',
];

export function hostOwner(host: string): HostOwner | null {
  const domain = getDomain(host);
  return (domain && OWNERS[domain]) || null;
}
