/**
 * Why a signal could not be read (Signal.reasonMessage): the kind of failure and its facts, so each
 * language renders it (common/i18n/render-reason.ts). Signal.reason keeps the English rendering.
 *
 * Parameters are facts: paths (home-relative with "~/" where the sampler knows HOME), commands, OS
 * error codes, limits, and what a parser or a command said (its stderr, an error code), verbatim
 * and redacted like any text of a snapshot.
 */
import { z } from 'zod';

/** What sits where a regular file was expected. */
export const FileKind = z.enum(['directory', 'fifo', 'device', 'socket', 'special']);
export type FileKind = z.infer<typeof FileKind>;

const path = z.string();
const command = z.string();
/** A value as read, shortened and with credentials masked. */
const value = z.string();
/** A config file's format or name as it is known ("JSON", "TOML", ".npmrc", "git config"). */
const format = z.string();
/** The file a config problem is in, when the parser's caller knows it. */
const file = z.string().optional();

/** One failure. */
export const ReasonCause = z.discriminatedUnion('id', [
  /** Nothing at the path (or a parent of it is not a folder). */
  z.object({ id: z.literal('reason.file.missing'), path }),
  z.object({ id: z.literal('reason.file.not-regular'), path, is: FileKind }),
  /** Over the size cap, in bytes: not read. */
  z.object({ id: z.literal('reason.file.too-large'), path, limit: z.number().int() }),
  z.object({ id: z.literal('reason.file.permission-denied'), path }),
  /** code: the OS error code (ELOOP, ENAMETOOLONG, EIO) or, without one, the error's message. */
  z.object({ id: z.literal('reason.file.unreadable'), path, code: z.string() }),
  z.object({ id: z.literal('reason.command.not-found'), command }),
  z.object({ id: z.literal('reason.command.timed-out'), command }),
  /** status: the exit code or the signal that stopped it; detail: the first line of its stderr (may be empty). */
  z.object({ id: z.literal('reason.command.failed'), command, status: z.string(), detail: z.string() }),
  /** A command's output in a shape Telltale does not know; detail: the line it stopped at, when one. */
  z.object({ id: z.literal('reason.output.unexpected'), command, detail: z.string().optional() }),
  /** A source that answered with nothing (an empty /etc/hostname). */
  z.object({ id: z.literal('reason.empty'), source: z.string() }),
  z.object({ id: z.literal('reason.url.empty') }),
  /** max absent where the value is refused at the general length limit of a setting. */
  z.object({ id: z.literal('reason.url.too-long'), length: z.number().int(), max: z.number().int().optional() }),
  z.object({ id: z.literal('reason.url.whitespace'), value }),
  z.object({ id: z.literal('reason.url.malformed'), value }),
  z.object({ id: z.literal('reason.url.no-host'), value }),
  /** A proxy setting that names no server: a switch word ("true"), a number, a bare word. */
  z.object({ id: z.literal('reason.proxy.not-an-address'), value, is: z.enum(['switch', 'number', 'bare-word']) }),
  /** where: the source as it is named on the system (TZ, /etc/timezone, Intl). */
  z.object({ id: z.literal('reason.zone.not-iana'), where: z.string(), value }),
  z.object({ id: z.literal('reason.zone.outside-zoneinfo'), target: z.string() }),
  z.object({ id: z.literal('reason.zone.copied-file') }),
  z.object({ id: z.literal('reason.zone.none') }),
  /** line and column 1-based where the parser says; detail: its own error code or message, verbatim. */
  z.object({
    id: z.literal('reason.config.unparsable'),
    format,
    file,
    line: z.number().int().optional(),
    column: z.number().int().optional(),
    detail: z.string().optional(),
  }),
  /** An INI-style file with a line no reader accepts. */
  z.object({ id: z.literal('reason.config.bad-line'), format, file, line: z.number().int(), problem: z.enum(['unterminated-section', 'no-equals']) }),
  z.object({ id: z.literal('reason.config.too-deep'), format, file, max: z.number().int() }),
  /** A setting whose value is none of those its program knows (KDE's ProxyType=9). */
  z.object({ id: z.literal('reason.config.unknown-value'), setting: z.string(), value }),
  /** git would read config files Telltale could not: the value is not asked for. setting: "user.email". */
  z.object({ id: z.literal('reason.git.files-unreadable'), setting: z.string(), files: z.array(z.string()).min(1) }),
  z.object({ id: z.literal('reason.pac.remote') }),
  /** detail: the script's own error message. */
  z.object({ id: z.literal('reason.pac.failed'), detail: z.string() }),
  z.object({ id: z.literal('reason.pac.timed-out'), limitMs: z.number().int(), afterMs: z.number().int() }),
  z.object({ id: z.literal('reason.pac.out-of-memory') }),
  z.object({ id: z.literal('reason.pac.never-settled') }),
  z.object({ id: z.literal('reason.pac.no-answer') }),
  z.object({ id: z.literal('reason.pac.could-not-start'), detail: z.string() }),
  /** A sampler threw: detail is the error's message. */
  z.object({ id: z.literal('reason.sampler.crashed'), sampler: z.string(), detail: z.string() }),
  z.object({ id: z.literal('reason.sampler.missed-deadline'), sampler: z.string(), ms: z.number().int() }),
  /** A signal that does not fit the contract; detail: the validator's words. whole: not even its kind and key. */
  z.object({ id: z.literal('reason.sampler.invalid'), whole: z.boolean(), detail: z.string() }),
  /** The connection sampler failed; detail: the error's message. */
  z.object({ id: z.literal('reason.connections.failed'), detail: z.string() }),
]).meta({ id: 'ReasonCause' });
export type ReasonCause = z.infer<typeof ReasonCause>;

export const ReasonMessage = z.discriminatedUnion('id', [
  ...ReasonCause.options,
  /** A setting of a config file whose value is unusable (named `setting`, not `key`: redaction masks what sits under a key). */
  z.object({ id: z.literal('reason.setting'), file: z.string(), setting: z.string(), cause: ReasonCause }),
  /** Every source tried failed, each for its reason, in the order tried. */
  z.object({ id: z.literal('reason.all-failed'), causes: z.array(ReasonCause).min(1) }),
]).meta({ id: 'ReasonMessage' });
export type ReasonMessage = z.infer<typeof ReasonMessage>;
