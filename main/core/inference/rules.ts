/**
 * The inference rules, as data. Each rule reads signals of one kind (see signal-kinds.ts), turns a
 * matching signal into a value (a country code, an organisation, a lab, or `true`) with a phrase
 * for the statement, and carries a weight. Rules in the same `group` read the same underlying fact
 * (e.g. every time-zone source, or the one proxy seen through env and config), so the engine
 * counts a group once when it combines evidence.
 */
import type { EvidenceMessage, OrgRef } from '../../../contract/message.js';
import type { InferenceId, Signal } from '../../../contract/snapshot.js';
import type { GeoLookup } from '../geo/types.js';
import { countryOfTimeZone, territoryOfLocale } from '../knowledge/countries.js';
import { countryOfTld, isIpLiteral, registrableDomain } from '../knowledge/domains.js';
import { findEmailProvider } from '../knowledge/email-providers.js';
import { findMirror } from '../knowledge/mirrors.js';
import { impliesMembership, isLabMatch, matchOrganization, type OrgMatch } from '../knowledge/organizations.js';
import { isKind, isSignal, proxyInForce, signalRef, type EvidenceKind } from './signal-kinds.js';
import { emailDomainOf, hostsOf, textOf } from './signal-values.js';

export type Weight = 'weak' | 'strong';

/** For affiliation.ai-lab: evidence that you are part of the lab, or only that you use it. */
export type Relation = 'member' | 'user';

export interface RuleMatch {
  value: string | true;
  /** The phrase naming the evidence, e.g. "time zone Asia/Shanghai (China)". */
  evidence: EvidenceMessage;
  relation?: Relation;
  /** This match's weight when it differs from the rule's (a global service is weaker than a national mirror). */
  weight?: Weight;
}

export interface RuleContext {
  /** All signals with status ok. */
  signals: readonly Signal[];
  geo: GeoLookup | null;
}

export interface Rule {
  id: string;
  inference: InferenceId;
  /** The kind of signal it reads. */
  takes: EvidenceKind;
  weight: Weight;
  /** Independence key: matches from rules sharing a group count as one piece of evidence. */
  group: string;
  match(signal: Signal, ctx: RuleContext): RuleMatch[];
}

type HostFact<T> = (host: string, ctx: RuleContext, signal: Signal) => T | null;

/** Applies a per-host function to every host the signal names (a DNS search list names several). */
function perHost<T>(fact: HostFact<T>, build: (fact: T, host: string, signal: Signal) => RuleMatch | null) {
  return (signal: Signal, ctx: RuleContext): RuleMatch[] => {
    if ((isKind(signal, 'proxy-host') || isKind(signal, 'pac')) && !proxyInForce(signal, ctx.signals)) return [];
    return hostsOf(signal).flatMap((host) => {
      const found = fact(host, ctx, signal);
      const built = found === null ? null : build(found, host, signal);
      return built ? [built] : [];
    });
  };
}

const ipCountry: HostFact<string> = (host, ctx) => (isIpLiteral(host) ? (ctx.geo?.lookup(host)?.country ?? null) : null);
const tldCountry = (host: string) => countryOfTld(host);

interface HostCountry {
  code: string;
  by: 'ip' | 'domain';
}

/** Country of a host: where its IP literal is located, else its ccTLD. */
const hostCountry: HostFact<HostCountry> = (host, ctx, signal) => {
  const ip = ipCountry(host, ctx, signal);
  if (ip) return { code: ip, by: 'ip' };
  const tld = tldCountry(host);
  return tld ? { code: tld, by: 'domain' } : null;
};

const membership = (host: string) => {
  const match = matchOrganization(host);
  return match && impliesMembership(match) ? match : null;
};
const labMembership = (host: string) => {
  const match = membership(host);
  return match && isLabMatch(match) ? match : null;
};
/** Public mirrors say where you are, not who you work for, even when a company runs them. */
const unlessMirror =
  <T>(fact: HostFact<T>): HostFact<T> =>
  (host, ctx, signal) =>
    findMirror(host) ? null : fact(host, ctx, signal);

/** "Ant Group, an affiliate of Alibaba": a related company is named as such, the value stays the organisation itself. */
function orgRef(m: OrgMatch): OrgRef {
  return m.org.relatedTo ? { name: m.org.name, relatedTo: { ...m.org.relatedTo } } : { name: m.org.name };
}

/** The organisation with its lab or model family, for phrases about a lab. */
const labParams = (m: OrgMatch) => ({ org: orgRef(m), ...(m.org.lab ? { lab: m.org.lab } : {}) });

/** Names the one host of a multi-host signal (a DNS search list) rather than the whole value. */
const hostRef = (signal: Signal, host: string) => signalRef(signal, Array.isArray(signal.value) ? host : undefined);

/** Where a host is, as evidence of where you are; a proxy's place is what tools often take for yours. */
function countryRule(id: string, takes: EvidenceKind, group: string, fact: HostFact<HostCountry>, proxy = false): Rule {
  return {
    id, inference: 'location.country', takes, weight: 'weak', group,
    match: perHost(fact, ({ code, by }, host, s): RuleMatch => {
      const signal = hostRef(s, host);
      if (proxy) return { value: code, evidence: { id: 'evidence.proxy-located', signal, country: code, by } };
      return { value: code, evidence: { id: by === 'ip' ? 'evidence.ip-located' : 'evidence.domain-in', signal, country: code } };
    }),
  };
}

/** "Works at X" for hosts under an organisation's staff domains. */
function orgRule(id: string, takes: EvidenceKind, weight: Weight, group: string, fact: HostFact<OrgMatch> = membership): Rule {
  return {
    id, inference: 'affiliation.organization', takes, weight, group,
    match: perHost(fact, (m, host, s) => ({ value: m.org.name, evidence: { id: 'evidence.org', signal: hostRef(s, host), org: orgRef(m) } })),
  };
}

/** "Works at lab X" for hosts under an AI lab's own domains. */
function labRule(id: string, takes: EvidenceKind, group: string, fact: HostFact<OrgMatch> = labMembership): Rule {
  return {
    id, inference: 'affiliation.ai-lab', takes, weight: 'strong', group,
    match: perHost(fact, (m, host, s) => ({
      value: m.org.name,
      relation: 'member',
      evidence: { id: 'evidence.lab', signal: hostRef(s, host), ...labParams(m) },
    })),
  };
}

/** Domains reserved for examples: they never name anyone. */
const RESERVED = new Set(['example.com', 'example.org', 'example.net']);

/** Which vendor's client reads a base-URL variable: pointing it at that vendor's own API is the default. */
const VARIABLE_VENDOR: ReadonlyArray<[RegExp, string]> = [
  [/^ANTHROPIC_/i, 'Anthropic'],
  [/^(?:OPENAI|CODEX)_/i, 'OpenAI'],
  [/^(?:GOOGLE_GEMINI|GEMINI|GOOGLE)_/i, 'Google'],
];

function endpointVariable(signal: Signal): string | null {
  if (isSignal(signal, 'model-endpoint')) return signal.key.variable;
  return isSignal(signal, 'tool-setting') ? (signal.key.variable ?? null) : null;
}

/**
 * ANTHROPIC_BASE_URL at api.anthropic.com (or OPENAI_BASE_URL at api.openai.com) is what the tool
 * does anyway: it says nothing about who you work for or with. An internal host of the vendor still counts.
 */
function isVendorDefault(match: OrgMatch, signal: Signal): boolean {
  const variable = endpointVariable(signal);
  const vendor = variable ? VARIABLE_VENDOR.find(([re]) => re.test(variable))?.[1] : undefined;
  return vendor === match.org.name && !impliesMembership(match);
}

export const RULES: readonly Rule[] = [
  // location.country
  {
    id: 'country.timezone', inference: 'location.country', takes: 'timezone', weight: 'strong', group: 'timezone',
    match: (s) => {
      const zone = textOf(s);
      const code = zone ? countryOfTimeZone(zone) : null;
      return code ? [{ value: code, evidence: { id: 'evidence.country-of', signal: signalRef(s), country: code } }] : [];
    },
  },
  {
    id: 'country.locale', inference: 'location.country', takes: 'locale', weight: 'weak', group: 'locale',
    match: (s) => {
      const text = textOf(s);
      const territory = typeof s.meta?.territory === 'string' ? s.meta.territory.toUpperCase() : text ? territoryOfLocale(text) : null;
      // en_US is the factory default of most systems and of Intl: it says nothing about the user.
      if (!territory || !text || (territory === 'US' && /^en\b|^en[_-]/i.test(text))) return [];
      return [{ value: territory, evidence: { id: 'evidence.country-of', signal: signalRef(s), country: territory } }];
    },
  },
  {
    id: 'country.registry-mirror', inference: 'location.country', takes: 'registry', weight: 'strong', group: 'registry',
    match: perHost(
      (host) => findMirror(host),
      (m, _host, s): RuleMatch => {
        const evidence = { signal: signalRef(s), operator: m.operator, country: m.country };
        return m.scope === 'country'
          ? { value: m.country, evidence: { id: 'evidence.mirror-national', ...evidence } }
          : { value: m.country, weight: 'weak', evidence: { id: 'evidence.mirror-worldwide', ...evidence } };
      },
    ),
  },
  countryRule('country.registry-host', 'registry', 'registry', unlessMirror(hostCountry)),
  countryRule('country.proxy-host', 'proxy-host', 'proxy-host', hostCountry, true),
  countryRule('country.dns-domain', 'dns', 'dns', (host) => {
    const code = tldCountry(host);
    return code ? { code, by: 'domain' } : null;
  }),
  {
    id: 'country.model-endpoint', inference: 'location.country', takes: 'model', weight: 'weak', group: 'model-endpoint',
    match: perHost(
      (host) => matchOrganization(host)?.market ?? null,
      (code, _host, s) => ({ value: code, evidence: { id: 'evidence.endpoint-for-accounts', signal: signalRef(s), country: code } }),
    ),
  },
  {
    id: 'country.email', inference: 'location.country', takes: 'email', weight: 'weak', group: 'email',
    match: (s) => {
      const domain = emailDomainOf(s);
      const code = domain ? (findEmailProvider(domain)?.country ?? countryOfTld(domain)) : null;
      return code ? [{ value: code, evidence: { id: 'evidence.used-mostly-in', signal: signalRef(s), country: code } }] : [];
    },
  },

  // network.proxy
  ...([
    ['proxy.env', (s) => isSignal(s, 'proxy') && (s.key.source === 'env' || s.key.source === 'effective')],
    ['proxy.system', (s) => isSignal(s, 'proxy') && s.key.source !== 'env' && s.key.source !== 'effective' && s.key.source !== 'git'],
    ['proxy.tool-config', (s) => s.kind === 'tool-setting' || s.kind === 'registry' || (isSignal(s, 'proxy') && s.key.source === 'git')],
  ] as const satisfies ReadonlyArray<readonly [string, (s: Signal) => boolean]>).map(([id, from]): Rule => ({
    id, inference: 'network.proxy', takes: 'proxy', weight: 'strong', group: id,
    match: (s, ctx) => (from(s) && proxyInForce(s, ctx.signals) ? [{ value: true, evidence: { id: 'evidence.signal', signal: signalRef(s) } }] : []),
  })),
  {
    // Grouped with the same source's HTTPS proxy, so HTTP_PROXY beside HTTPS_PROXY adds no confidence.
    id: 'proxy.http-only', inference: 'network.proxy', takes: 'http-proxy', weight: 'weak', group: 'proxy.env',
    match: (s, ctx) =>
      proxyInForce(s, ctx.signals)
        ? [{ value: true, evidence: { id: 'evidence.proxy-http-only', signal: signalRef(s) } }]
        : [],
  },
  {
    id: 'proxy.pac', inference: 'network.proxy', takes: 'pac', weight: 'weak', group: 'proxy.system',
    match: (s, ctx) => (proxyInForce(s, ctx.signals) ? [{ value: true, evidence: { id: 'evidence.pac-may-proxy', signal: signalRef(s) } }] : []),
  },

  // network.proxy-country
  {
    id: 'proxy-country.ip', inference: 'network.proxy-country', takes: 'proxy-host', weight: 'strong', group: 'proxy-host',
    match: perHost(ipCountry, (code, _host, s) => ({ value: code, evidence: { id: 'evidence.ip-located', signal: signalRef(s), country: code } })),
  },
  {
    id: 'proxy-country.tld', inference: 'network.proxy-country', takes: 'proxy-host', weight: 'weak', group: 'proxy-host',
    match: perHost((host) => tldCountry(host), (code, _host, s) => ({ value: code, evidence: { id: 'evidence.domain-in', signal: signalRef(s), country: code } })),
  },
  {
    id: 'proxy-country.org', inference: 'network.proxy-country', takes: 'proxy-host', weight: 'weak', group: 'proxy-host',
    match: perHost(membership, (m, _host, s) => ({
      value: m.org.country,
      evidence: { id: 'evidence.org-network', signal: signalRef(s), org: m.org.name, country: m.org.country },
    })),
  },

  // affiliation.organization
  {
    id: 'org.email', inference: 'affiliation.organization', takes: 'email', weight: 'strong', group: 'email',
    match: (s) => {
      const domain = emailDomainOf(s);
      const m = domain && !findEmailProvider(domain) ? matchOrganization(domain) : null;
      return m && impliesMembership(m) ? [{ value: m.org.name, evidence: { id: 'evidence.org', signal: signalRef(s), org: orgRef(m) } }] : [];
    },
  },
  {
    // Any other non-webmail domain names an employer too, but may be a personal domain: weak.
    id: 'org.email-domain', inference: 'affiliation.organization', takes: 'email', weight: 'weak', group: 'email',
    match: (s) => {
      const domain = emailDomainOf(s);
      const registrable = domain ? registrableDomain(domain) : null;
      if (!domain || !registrable || RESERVED.has(registrable) || findEmailProvider(domain) || matchOrganization(domain)) return [];
      return [{ value: registrable, evidence: { id: 'evidence.not-public-email', signal: signalRef(s) } }];
    },
  },
  orgRule('org.dns', 'dns', 'strong', 'dns'),
  orgRule('org.hostname', 'hostname', 'weak', 'hostname'),
  orgRule('org.proxy-host', 'proxy-host', 'strong', 'proxy-host'),
  orgRule('org.registry', 'registry', 'strong', 'registry', unlessMirror(membership)),
  orgRule('org.model-endpoint', 'model', 'strong', 'model-endpoint'),

  // affiliation.ai-lab
  {
    id: 'lab.email', inference: 'affiliation.ai-lab', takes: 'email', weight: 'strong', group: 'email',
    match: (s) => {
      const domain = emailDomainOf(s);
      const m = domain && !findEmailProvider(domain) ? labMembership(domain) : null;
      return m ? [{ value: m.org.name, relation: 'member', evidence: { id: 'evidence.lab', signal: signalRef(s), ...labParams(m) } }] : [];
    },
  },
  labRule('lab.dns', 'dns', 'dns'),
  labRule('lab.proxy-host', 'proxy-host', 'proxy-host'),
  labRule('lab.registry', 'registry', 'registry', unlessMirror(labMembership)),
  {
    id: 'lab.model-endpoint', inference: 'affiliation.ai-lab', takes: 'model', weight: 'strong', group: 'model-endpoint',
    match: perHost(
      (host, _ctx, signal) => {
        const m = matchOrganization(host);
        return m && isLabMatch(m) && !isVendorDefault(m, signal) ? m : null;
      },
      (m, host, s): RuleMatch => {
        const evidence = { signal: signalRef(s), ...labParams(m) };
        return impliesMembership(m)
          ? { value: m.org.name, relation: 'member', evidence: { id: 'evidence.lab-internal-host', ...evidence, host } }
          : { value: m.org.name, relation: 'user', evidence: { id: 'evidence.lab-api', ...evidence } };
      },
    ),
  },
];
