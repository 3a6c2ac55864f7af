/** Simplified Chinese for notifications and the history's points (see core.zh-CN.ts for the terms used). */
import type { notifyEn } from './notify.en.js';

export const notifyZhCN = {
  'notify.exposure-rose.title': '暴露程度从{{before}}升至{{after}}',
  'notify.exposure-rose.body': '{{level}}：这台机器上的工具能了解到的关于你的信息比之前更多了。',
  'notify.tool-started.title': '{{tool}} 已启动',
  'notify.tool-started.body': 'Telltale 会显示 {{tool}} 能读取你的哪些信息，以及它连接到哪里。',
  'notify.infer.location.country': '现在可以推断出你在{{country}}',
  'notify.infer.network.proxy': '现在可以推断出你通过代理发送 HTTPS 请求',
  'notify.infer.network.proxy-country': '现在可以推断出你的代理位于{{country}}',
  'notify.infer.affiliation.organization': '现在可以推断出你在 {{org}} 工作或为其工作',
  'notify.infer.affiliation.ai-lab': '现在可以推断出你在 {{lab}} 工作或与其合作',
  'notify.infer.affiliation.ai-lab.user': '现在可以推断出你在使用 {{lab}} 的 API',
  'notify.infer.text': '现在可以推断出更多关于你的信息',
  'notify.new-country.title': '{{tool}} 连接了新的国家或地区：{{country}}',
  'notify.new-org.title': '{{tool}} 连接了新的组织：{{org}}',
  'notify.new-destination.body': '首次连接 {{where}}（{{place}}）。',
  'notify.tools.two': '{{first}} 和 {{second}}',
  'notify.tools.three': '{{first}}、{{second}} 和 {{third}}',
  'notify.tools.more': '{{first}}、{{second}} 及另外 {{count}} 个工具',

  'history-point.english-only': '{{summary}}（仅有英文记录）',
  'cli.points.none': '还没有历史记录点：每当暴露程度或推断结果变化时会记录一个。',
  'cli.points.inferences.one': '{{count}} 条推断',
  'cli.points.inferences.other': '{{count}} 条推断',
} as const satisfies Record<keyof typeof notifyEn, string>;
