/**
 * The inference engine: signals (+ the tools present and offline IP data) in, inferences, checks
 * and an exposure level out. Pure: it reads nothing but its input.
 */
import type { EvidenceMessage } from '../../../contract/message.js';
import type { CheckResult, ExposureLevel, Inference, InferenceId, Signal, Tool } from '../../../contract/snapshot.js';
import { renderStatement } from '../../../common/i18n/render.js';
import type { GeoLookup } from '../geo/types.js';
import { adviceFor } from './advice.js';
import { check2026 } from './check-2026.js';
import { CONFIDENCE_RANK, exposureFor } from '../../../common/exposure.js';
import { combineConfidence } from './confidence.js';
import { RULES, type Relation, type Rule, type RuleMatch } from './rules.js';
import { isKind } from './signal-kinds.js';
import { headlineMessage } from './statements.js';
import { visibleTo } from './visibility.js';

export interface InferInput {
  signals: Signal[];
  tools: Tool[];
  geo: GeoLookup | null;
}

export interface InferOutput {
  inferences: Inference[];
  checks: CheckResult[];
  exposure: { level: ExposureLevel; summary: string };
}

export interface Hit {
  rule: Rule;
  signal: Signal;
  match: RuleMatch;
}

const ORDER: readonly InferenceId[] = ['location.country', 'network.proxy', 'network.proxy-country', 'affiliation.organization', 'affiliation.ai-lab'];

/** Every rule applied to every ok signal of the kind it takes. */
export function matchRules(signals: readonly Signal[], geo: GeoLookup | null, rules: readonly Rule[] = RULES): Hit[] {
  const ok = signals.filter((s) => s.status === 'ok');
  const ctx = { signals: ok, geo };
  return rules.flatMap((rule) =>
    ok.filter((s) => isKind(s, rule.takes)).flatMap((signal) => rule.match(signal, ctx).map((match) => ({ rule, signal, match }))),
  );
}

const weightOf = (h: Hit) => h.match.weight ?? h.rule.weight;

/** Facts with one true value: evidence for two values contradicts itself. */
const SINGLE_VALUED: ReadonlySet<InferenceId> = new Set(['location.country', 'network.proxy-country']);

/** Independent groups of evidence behind a value. */
const groupCount = (hits: readonly Hit[]) => new Set(hits.map((h) => h.rule.group)).size;

/**
 * `contradiction`: a value of a one-valued fact that more independent evidence (two groups or more)
 * puts elsewhere (zh_HK and Asia/Hong_Kong against one mainland mirror): at most low confidence.
 */
function toInference(
  id: InferenceId,
  value: string | true,
  hits: readonly Hit[],
  tools: readonly Tool[],
  contradiction: EvidenceMessage | null = null,
): Inference {
  const combined = combineConfidence(hits.map((h) => ({ group: h.rule.group, weight: weightOf(h) })));
  const confidence = contradiction ? 'low' : combined;
  // Strong evidence first in the statement; one phrase per fact (HTTPS_PROXY and the effective
  // proxy with the same URL are one proxy).
  const ordered = [...hits].sort((a, b) => Number(weightOf(b) === 'strong') - Number(weightOf(a) === 'strong'));
  const phrases = new Map<string, EvidenceMessage>();
  for (const h of ordered) {
    const key = `${h.rule.group}\u0000${JSON.stringify(h.signal.value)}`;
    if (!phrases.has(key)) phrases.set(key, h.match.evidence);
  }
  const evidenceMessages = [...phrases.values(), ...(contradiction ? [contradiction] : [])];
  const relation: Relation = hits.some((h) => h.match.relation !== 'user') ? 'member' : 'user';
  const message = headlineMessage(id, value, confidence, relation);
  const evidence = [...new Map(ordered.map((h) => [h.signal.id, h.signal])).values()];
  return {
    id,
    value,
    confidence,
    statement: renderStatement(message, evidenceMessages, 'en'),
    message,
    evidenceMessages,
    evidence: evidence.map((s) => s.id),
    visibleTo: visibleTo(evidence, tools),
    rules: [...new Set(hits.map((h) => h.rule.id))],
    advice: adviceFor(evidence, tools),
  };
}

/** Groups rule hits per inference id and value; conflicting values each become an inference. */
export function inferencesFrom(hits: readonly Hit[], tools: readonly Tool[]): Inference[] {
  const groups = new Map<string, { id: InferenceId; value: string | true; hits: Hit[] }>();
  for (const hit of hits) {
    const key = `${hit.rule.inference}\u0000${String(hit.match.value)}`;
    const group = groups.get(key) ?? { id: hit.rule.inference, value: hit.match.value, hits: [] };
    group.hits.push(hit);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const contradictionOf = (g: (typeof all)[number]): EvidenceMessage | null => {
    if (!SINGLE_VALUED.has(g.id)) return null;
    const stronger = all.find((o) => o.id === g.id && o !== g && groupCount(o.hits) >= 2 && groupCount(o.hits) > groupCount(g.hits));
    return stronger ? { id: 'evidence.contradiction', country: String(stronger.value) } : null;
  };
  return all
    .map((g) => toInference(g.id, g.value, g.hits, tools, contradictionOf(g)))
    .sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id) || CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence]);
}

export function infer(input: InferInput): InferOutput {
  const inferences = inferencesFrom(matchRules(input.signals, input.geo), input.tools);
  const checks = [check2026(input.signals, input.tools)];
  return { inferences, checks, exposure: exposureFor(inferences, checks) };
}
