/**
 * The probe's own statements (contract/message.ts: changes in a request, isolation problems, gaps
 * in what it sees, failed runs, why it compared nothing) as sentences. render.ts dispatches here.
 */
import type {
  BaseUrlHint,
  ChangeMessage,
  IsolationProblem,
  ProbeErrorMessage,
  ProbeSafetyProblem,
  ReachGapMessage,
  RunFailure,
  TokenKind,
} from '../../contract/message.js';
import type { Language } from './languages.js';
import { renderReason } from './render-reason.js';
import type { PlainKey, Translate } from './translate.js';

type Char = { codePoint: string; name: string };

const TOKEN_KINDS: Readonly<Record<TokenKind, PlainKey>> = {
  date: 'probe-change.what.date',
  time: 'probe-change.what.time',
  datetime: 'probe-change.what.datetime',
  number: 'probe-change.what.number',
};

/** "U+02BC MODIFIER LETTER APOSTROPHE, U+2019 RIGHT SINGLE QUOTATION MARK": code points and names are data. */
function chars(list: readonly Char[], t: Translate): string {
  return list.map((c) => `${c.codePoint} ${c.name}`).join(t('list.comma'));
}

/** A request's own text, quoted; an empty one is "nothing". */
function quoted(text: string, t: Translate): string {
  return text ? t('probe-change.quoted', { text }) : t('probe-change.nothing');
}

export function renderChange(m: ChangeMessage, t: Translate): string {
  switch (m.id) {
    case 'probe-change.invisible':
      return t(m.action === 'inserted' ? 'probe-change.invisible.inserted' : 'probe-change.invisible.removed', { chars: chars(m.chars, t) });
    case 'probe-change.whitespace':
      return t(m.id, { chars: chars(m.chars, t) });
    case 'probe-change.confusable': {
      // Code points where both sides have them; else the texts, quoted (in Chinese set without spaces).
      if (m.from.chars.length > 0 && m.to.chars.length > 0) return t(m.id, { from: chars(m.from.chars, t), to: chars(m.to.chars, t) });
      return t('probe-change.confusable.text', { fromQuoted: quoted(m.from.text, t), toQuoted: quoted(m.to.text, t) });
    }
    case 'probe-change.text':
      return t(m.id, { fromQuoted: quoted(m.from, t), toQuoted: quoted(m.to, t) });
    case 'probe-change.requests':
      return t(m.id, { request: m.request, baseline: String(m.baseline), variant: String(m.variant) });
    case 'probe-change.part-added':
    case 'probe-change.part-dropped':
      return t(m.id, { part: m.part });
    case 'probe-change.format': {
      const params = { what: t(TOKEN_KINDS[m.what]), from: m.from, to: m.to, baseline: m.baseline, variant: m.variant };
      return t(m.sameValue ? 'probe-change.format.same-value' : 'probe-change.format.any-value', params);
    }
    case 'probe-change.localised':
      return t(m.id, { what: t(TOKEN_KINDS[m.what]), locale: m.locale, from: m.from, to: m.to, baseline: m.baseline, variant: m.variant });
    case 'probe-change.local-time':
      return t(m.id, {
        what: t(TOKEN_KINDS[m.what]),
        baseline: m.baseline,
        variant: m.variant,
        baselineOffset: m.baselineOffset,
        variantOffset: m.variantOffset,
      });
    case 'probe-change.value':
      return t(m.id, { what: t(TOKEN_KINDS[m.what]), baseline: m.baseline, variant: m.variant });
  }
}

export function renderIsolationProblem(m: IsolationProblem, t: Translate): string {
  switch (m.id) {
    case 'isolation.not-linux':
      return t(m.id, { platform: m.platform });
    case 'isolation.no-network-namespace':
    case 'isolation.no-overlay':
      return t(m.id, { output: m.output ?? t('isolation.failed') });
    case 'isolation.no-ip-command':
    case 'isolation.no-mount-command':
    case 'isolation.off':
      return t(m.id);
  }
}

export function renderSafetyProblem(m: ProbeSafetyProblem, t: Translate, language: Language): string {
  switch (m.id) {
    case 'probe-unsafe.command-sets-url':
      return t(m.id, { variable: m.variable });
    case 'probe-unsafe.proxy-elsewhere':
      return t(m.id, { environment: m.environment, variable: m.variable, value: m.value });
    case 'probe-unsafe.bad-url':
      return t(m.id, { environment: m.environment, variable: m.variable, reason: renderReason(m.cause, language) });
    case 'probe-unsafe.misses-tap':
      return t(m.id, { environment: m.environment, variable: m.variable, url: m.url });
  }
}

export function renderReachGap(m: ReachGapMessage, t: Translate): string {
  return m.id === 'reach-gap.no-dns' ? t(m.id, { why: renderIsolationProblem(m.why, t) }) : t(m.id);
}

export function renderRunFailure(m: RunFailure, t: Translate): string {
  const run = String(m.run);
  switch (m.id) {
    case 'run.command-not-found':
      return t(m.id, { run, command: m.command });
    case 'run.not-started':
      return t(m.id, { run, error: m.error });
    case 'run.timed-out':
      return t(m.id, { run, seconds: String(m.seconds) });
    case 'run.exited': {
      const ended = m.code === undefined ? t('run.killed', { run }) : t('run.exited', { run, code: String(m.code) });
      return m.line === undefined ? ended : t('run.with-line', { ended, line: m.line });
    }
  }
}

function renderHint(m: BaseUrlHint, t: Translate): string {
  switch (m.id) {
    case 'hint.tool-variables':
      return t(m.id, { tool: m.tool, variables: m.variables.join(' / ') });
    case 'hint.tool-no-variable':
      return t(m.id, { tool: m.tool });
    case 'hint.unknown-tool':
      return t(m.id, { variables: m.variables.join(' / ') });
  }
}

export function renderProbeError(m: ProbeErrorMessage, t: Translate): string {
  const output = [
    ...(m.stdout === undefined ? [] : [t('probe-error.stdout', { text: m.stdout })]),
    ...(m.stderr === undefined ? [] : [t('probe-error.stderr', { text: m.stderr })]),
  ];
  const parts = [
    t('probe-error.no-model-request', { count: String(m.otherRequests) }),
    ...m.failures.map((f) => renderRunFailure(f, t)),
    ...(output.length > 0 ? [t('probe-error.output', { output: output.join(t('list.semicolon')) })] : []),
  ];
  return t('probe-error.not-run', { error: parts.join(t('list.semicolon')), hint: renderHint(m.hint, t) });
}
