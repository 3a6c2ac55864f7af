/**
 * Why a signal could not be read (contract/reason.ts) as a sentence in a language. The core renders
 * Signal.reason, the English text, with this same function.
 */
import type { FileKind, ReasonCause, ReasonMessage } from '../../contract/reason.js';
import type { Language } from './languages.js';
import { translator, type MessageKey, type Translate } from './translate.js';

const NOT_REGULAR = {
  directory: 'reason.file.not-regular.directory',
  fifo: 'reason.file.not-regular.fifo',
  device: 'reason.file.not-regular.device',
  socket: 'reason.file.not-regular.socket',
  special: 'reason.file.not-regular.special',
} as const satisfies Record<FileKind, MessageKey>;

const NOT_AN_ADDRESS = {
  switch: 'reason.proxy.not-an-address.switch',
  number: 'reason.proxy.not-an-address.number',
  'bare-word': 'reason.proxy.not-an-address.bare-word',
} as const satisfies Record<Extract<ReasonCause, { id: 'reason.proxy.not-an-address' }>['is'], MessageKey>;

const BAD_LINE = {
  'unterminated-section': 'reason.config.bad-line.unterminated-section',
  'no-equals': 'reason.config.bad-line.no-equals',
} as const satisfies Record<Extract<ReasonCause, { id: 'reason.config.bad-line' }>['problem'], MessageKey>;

type Config = Extract<ReasonCause, { id: 'reason.config.unparsable' }>;

/** "invalid JSON at line 3, column 5 (InvalidSymbol)", from what the parser said. */
function unparsable(m: Config, t: Translate): string {
  const { format } = m;
  const where =
    m.line === undefined
      ? t('reason.config.unparsable', { format })
      : m.column === undefined
        ? t('reason.config.unparsable.line', { format, line: String(m.line) })
        : t('reason.config.unparsable.at', { format, line: String(m.line), column: String(m.column) });
  return m.detail ? t('reason.with-detail', { reason: where, detail: m.detail }) : where;
}

/** The file a config problem is in, before it, when known. */
const inFile = (file: string | undefined, reason: string, t: Translate) => (file === undefined ? reason : t('reason.in-file', { file, reason }));

function cause(m: ReasonCause, t: Translate): string {
  switch (m.id) {
    case 'reason.file.missing':
      return t('reason.file.missing', { path: m.path });
    case 'reason.file.permission-denied':
      return t('reason.file.permission-denied', { path: m.path });
    case 'reason.file.not-regular':
      return t(NOT_REGULAR[m.is], { path: m.path });
    case 'reason.file.too-large':
      return t(m.id, { path: m.path, limit: String(m.limit) });
    case 'reason.file.unreadable':
      return t(m.id, { path: m.path, code: m.code });
    case 'reason.command.not-found':
    case 'reason.command.timed-out':
      return t(m.id, { command: m.command });
    case 'reason.command.failed':
      return m.detail
        ? t(m.id, { command: m.command, status: m.status, detail: m.detail })
        : t('reason.command.failed.silent', { command: m.command, status: m.status });
    case 'reason.output.unexpected':
      return m.detail ? t('reason.output.unexpected.at', { command: m.command, detail: m.detail }) : t(m.id, { command: m.command });
    case 'reason.empty':
      return t(m.id, { source: m.source });
    case 'reason.url.empty':
    case 'reason.zone.copied-file':
    case 'reason.zone.none':
    case 'reason.pac.remote':
    case 'reason.pac.out-of-memory':
    case 'reason.pac.never-settled':
    case 'reason.pac.no-answer':
      return t(m.id);
    case 'reason.url.too-long':
      return m.max === undefined
        ? t('reason.url.too-long.setting', { length: String(m.length) })
        : t(m.id, { length: String(m.length), max: String(m.max) });
    case 'reason.url.whitespace':
    case 'reason.url.malformed':
    case 'reason.url.no-host':
      return t(m.id, { value: m.value });
    case 'reason.proxy.not-an-address':
      return t(NOT_AN_ADDRESS[m.is], { value: m.value });
    case 'reason.zone.not-iana':
      return t(m.id, { where: m.where, value: m.value });
    case 'reason.zone.outside-zoneinfo':
      return t(m.id, { target: m.target });
    case 'reason.config.unparsable':
      return inFile(m.file, unparsable(m, t), t);
    case 'reason.config.bad-line':
      return inFile(m.file, t(BAD_LINE[m.problem], { format: m.format, line: String(m.line) }), t);
    case 'reason.config.too-deep':
      return inFile(m.file, t(m.id, { format: m.format, max: String(m.max) }), t);
    case 'reason.config.unknown-value':
      return t(m.id, { setting: m.setting, value: m.value });
    case 'reason.git.files-unreadable':
      return t(m.id, { setting: m.setting, files: m.files.join(t('list.comma')) });
    case 'reason.pac.failed':
    case 'reason.pac.could-not-start':
    case 'reason.connections.failed':
      return t(m.id, { detail: m.detail });
    case 'reason.pac.timed-out':
      return t(m.id, { limit: String(m.limitMs), after: String(m.afterMs) });
    case 'reason.sampler.crashed':
      return t(m.id, { sampler: m.sampler, detail: m.detail });
    case 'reason.sampler.missed-deadline':
      return t(m.id, { sampler: m.sampler, ms: String(m.ms) });
    case 'reason.sampler.invalid':
      return t(m.whole ? 'reason.sampler.invalid.whole' : 'reason.sampler.invalid', { detail: m.detail });
  }
}

function reason(m: ReasonMessage, t: Translate): string {
  switch (m.id) {
    case 'reason.setting':
      return t(m.id, { file: m.file, setting: m.setting, cause: cause(m.cause, t) });
    case 'reason.all-failed':
      return m.causes.map((c) => cause(c, t)).join(t('list.semicolon'));
    default:
      return cause(m, t);
  }
}

const translators = new Map<Language, Translate>();

/** Why a signal could not be read, in `language`. */
export function renderReason(m: ReasonMessage, language: Language): string {
  let t = translators.get(language);
  if (!t) translators.set(language, (t = translator(language)));
  return reason(m, t);
}

/** A signal's reason in `language`: its message rendered when it has one, else the English text it was written with. */
export function signalReason(signal: { reason?: string | undefined; reasonMessage?: ReasonMessage | undefined }, language: Language): string | undefined {
  return signal.reasonMessage ? renderReason(signal.reasonMessage, language) : signal.reason;
}
