/**
 * English for notifications (common/i18n/render-notify.ts) and the history's points (common/history-point.ts,
 * `telltale history points`). Its Chinese twin is notify.zh-CN.ts; en.ts joins the parts.
 */
export const notifyEn = {
  // Notifications: title and body per rule
  'notify.exposure-rose.title': 'Exposure rose from {{before}} to {{after}}',
  'notify.exposure-rose.body': '{{level}}: tools here can learn more about you than before.',
  'notify.tool-started.title': '{{tool}} started',
  'notify.tool-started.body': 'Telltale shows what {{tool}} can read about you and where it connects.',
  'notify.infer.location.country': 'can now infer you are in {{country}}',
  'notify.infer.network.proxy': 'can now infer you send HTTPS through a proxy',
  'notify.infer.network.proxy-country': 'can now infer your proxy is in {{country}}',
  'notify.infer.affiliation.organization': 'can now infer you work at or for {{org}}',
  'notify.infer.affiliation.ai-lab': 'can now infer you work at or with {{lab}}',
  'notify.infer.affiliation.ai-lab.user': "can now infer you use {{lab}}'s API",
  'notify.infer.text': 'can now infer more about you',
  'notify.new-country.title': '{{tool}} contacted a new country: {{country}}',
  'notify.new-org.title': '{{tool}} contacted a new organisation: {{org}}',
  'notify.new-destination.body': '{{where}} ({{place}}), first seen now.',
  // Tools named in a title: "A and B", "A, B and C", "A, B and 2 more tools"
  'notify.tools.two': '{{first}} and {{second}}',
  'notify.tools.three': '{{first}}, {{second}} and {{third}}',
  'notify.tools.more': '{{first}}, {{second}} and {{count}} more tools',

  // History points
  'history-point.english-only': '{{summary}} (recorded in English only)',
  'cli.points.none': 'No history points yet: one is kept whenever the exposure or the inferences change.',
  'cli.points.inferences.one': '{{count}} inference',
  'cli.points.inferences.other': '{{count}} inferences',
} as const;
