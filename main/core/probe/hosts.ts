/**
 * The base-URL hosts the probe tries by default (users add more with --hosts). Who a host belongs
 * to comes from main/core/knowledge, shared with the inference rules.
 */

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
