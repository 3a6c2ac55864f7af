/**
 * Notification messages (contract/message.ts NotificationMessage) to a title and a body in a
 * language. The notify rules render their English title and body with this same function.
 */
import type { InferenceMessage, NotificationMessage } from '../../contract/message.js';
import { formatEndpoint } from '../format.js';
import type { Language } from './languages.js';
import { countryLabel, EXPOSURE_WORDS, exposureLabel, renderMessage, renderStatement } from './render.js';
import { translator, type Translate } from './translate.js';

export interface NotificationText {
  title: string;
  body: string;
}

/** "A", "A and B", "A, B and C", "A, B and 2 more tools". */
export function toolList(names: readonly string[], t: Translate): string {
  const [first = '', second = '', third = ''] = names;
  if (names.length <= 1) return first;
  if (names.length === 2) return t('notify.tools.two', { first, second });
  if (names.length === 3) return t('notify.tools.three', { first, second, third });
  return t('notify.tools.more', { first, second, count: String(names.length - 2) });
}

/** What the inference lets the tools know, as a predicate: "can now infer you are in China (CN)". */
function inferencePredicate(m: InferenceMessage, t: Translate, language: Language): string {
  switch (m.id) {
    case 'inference.location.country':
      return t('notify.infer.location.country', { country: countryLabel(m.country, language) });
    case 'inference.network.proxy':
      return t('notify.infer.network.proxy');
    case 'inference.network.proxy-country':
      return t('notify.infer.network.proxy-country', { country: countryLabel(m.country, language) });
    case 'inference.affiliation.organization':
      return t('notify.infer.affiliation.organization', { org: m.org });
    case 'inference.affiliation.ai-lab':
      return t(m.relation === 'user' ? 'notify.infer.affiliation.ai-lab.user' : 'notify.infer.affiliation.ai-lab', { lab: m.lab });
  }
}

/**
 * The tools, then what they can do, both languages putting the subject first. A space between
 * them, except where Chinese meets Chinese ("及另外 2 个工具现在可以…"; "Codex CLI 现在可以…").
 */
function subjectFirst(subject: string, predicate: string): string {
  return /\p{Script=Han}$/u.test(subject) && /^\p{Script=Han}/u.test(predicate) ? subject + predicate : `${subject} ${predicate}`;
}

/** "api.moonshot.cn:443 (China (CN), Moonshot AI), first seen now." */
function destinationBody(m: Extract<NotificationMessage, { id: 'notification.new-country' | 'notification.new-org' }>, t: Translate, language: Language): string {
  const place = [m.country === undefined ? null : countryLabel(m.country, language), m.org ?? null].filter((p) => p !== null).join(t('list.comma'));
  return t('notify.new-destination.body', { where: formatEndpoint(m.host, m.port), place });
}

export function renderNotification(m: NotificationMessage, language: Language): NotificationText {
  const t = translator(language);
  switch (m.id) {
    case 'notification.exposure-rose':
      return {
        title: t('notify.exposure-rose.title', { before: t(EXPOSURE_WORDS[m.before ?? 'none']), after: t(EXPOSURE_WORDS[m.after]) }),
        body: m.summary ? renderMessage(m.summary, language) : t('notify.exposure-rose.body', { level: exposureLabel(m.after, language) }),
      };
    case 'notification.tool-started':
      return { title: t('notify.tool-started.title', { tool: m.tool }), body: t('notify.tool-started.body', { tool: m.tool }) };
    case 'notification.inference-gained':
      return { title: subjectFirst(toolList(m.tools, t), inferencePredicate(m.inference, t, language)), body: renderStatement(m.inference, m.evidence, language) };
    case 'notification.inference-gained.text':
      return { title: subjectFirst(toolList(m.tools, t), t('notify.infer.text')), body: m.statement };
    case 'notification.new-country':
      return { title: t('notify.new-country.title', { tool: m.tool, country: countryLabel(m.country, language) }), body: destinationBody(m, t, language) };
    case 'notification.new-org':
      return { title: t('notify.new-org.title', { tool: m.tool, org: m.org }), body: destinationBody(m, t, language) };
  }
}
