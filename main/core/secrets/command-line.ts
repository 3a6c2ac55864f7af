/**
 * Secrets passed as command-line arguments: "--api-key KEY", "--token=TOK", "-storepass PW",
 * "curl -u user:PW", the short flags of tools (or their subcommands) that take a password on the
 * command line ("sshpass -p PW", "mysql -pPW", "redis-cli -a PW", "openssl enc -k PW",
 * "openssl … -pass pass:PW", "docker login -p PW"), and htpasswd's batch mode, whose password is
 * the last argument ("htpasswd -b FILE USER PW").
 * Works on free text (a process's command line) and on an argv array (the probe's own command).
 */
import { isMasked, REDACTED } from './mask.js';
import { isSecretFlag, isSecretName } from './names.js';
import { valueSpan } from './value-span.js';

interface ToolFlags {
  /** Short flags whose next argument is a password. */
  next?: readonly string[];
  /** Short flags with the password attached ("-pPW"). */
  attached?: readonly string[];
  /** Short flags that, alone or in a cluster ("-cb"), make the command's last argument the password. */
  lastArgument?: readonly string[];
}

/**
 * Per tool, since elsewhere these letters mean something else ("ssh -p 22", "ls -a"), and for some
 * only in one subcommand, named as words ("docker login -p PW", but "docker run -p 80:80").
 */
const MYSQL: ToolFlags = { attached: ['p'] }; // "mysql -p db" prompts; "db" is a database
const MONGO: ToolFlags = { next: ['p'] };
const LDAP: ToolFlags = { next: ['w'] };
const REGISTRY_LOGIN: ToolFlags = { next: ['p'] };
const TOOL_FLAGS: ReadonlyMap<string, ToolFlags> = new Map([
  ['sshpass', { next: ['p'], attached: ['p'] }],
  ['mysql', MYSQL],
  ['mysqldump', MYSQL],
  ['mysqladmin', MYSQL],
  ['mariadb', MYSQL],
  ['mariadb-dump', MYSQL],
  ['redis-cli', { next: ['a'] }],
  ['curl', { next: ['b'] }], // -b: cookies
  ['openssl', { next: ['k'] }],
  ['sqlcmd', { next: ['P'] }],
  ['mongo', MONGO],
  ['mongosh', MONGO],
  ['mongodump', MONGO],
  ['mongorestore', MONGO],
  ['ldapsearch', LDAP],
  ['ldapmodify', LDAP],
  ['ldapadd', LDAP],
  ['ldapdelete', LDAP],
  ['docker login', REGISTRY_LOGIN],
  ['podman login', REGISTRY_LOGIN],
  ['buildah login', REGISTRY_LOGIN],
  ['skopeo login', REGISTRY_LOGIN],
  ['nerdctl login', REGISTRY_LOGIN],
  ['helm registry login', REGISTRY_LOGIN],
  ['htpasswd', { lastArgument: ['b'] }], // -b: batch mode, "htpasswd -b[c…] FILE USER PW", "htpasswd -nb USER PW"
]);
/** The most words a tool's name in TOOL_FLAGS has ("helm registry login"). */
const MAX_TOOL_WORDS = Math.max(...[...TOOL_FLAGS.keys()].map((name) => name.split(' ').length));

/** Flags whose value is "user:password" (curl -u, --proxy-user, -U). */
const USER_FLAGS = new Set(['u', 'U', 'user', 'proxy-user']);

type FlagKind = 'secret' | 'user';

function flagKind(dashes: string, name: string, tool: ToolFlags | undefined): FlagKind | null {
  if (dashes === '-' && tool?.next?.includes(name)) return 'secret';
  if (isSecretFlag(name)) return 'secret';
  return USER_FLAGS.has(name) ? 'user' : null;
}

/** openssl pass phrase arguments: "pass:PW" holds one, "env:VAR", "file:…", "fd:N" and "stdin" name where it is. */
const PASS_SOURCE = /^(?:env|file|fd):|^stdin$/;

/** The masked value, or null to leave it (not a value, already masked, or not a secret). */
function maskValue(kind: FlagKind, value: string): string | null {
  if (!value || value.startsWith('-') || isMasked(value)) return null;
  if (kind === 'user') {
    const colon = value.indexOf(':');
    return colon === -1 || isMasked(value.slice(colon + 1)) ? null : `${value.slice(0, colon)}:${REDACTED}`;
  }
  if (PASS_SOURCE.test(value)) return null;
  return value.startsWith('pass:') ? (isMasked(value.slice(5)) ? null : `pass:${REDACTED}`) : REDACTED;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const TOOL_WORD = new RegExp(`(?<![\\w.-])(${[...TOOL_FLAGS.keys()].map((name) => escape(name).replace(/ /g, '[ \\t]+')).join('|')})(?![\\w.-])`, 'g');
const COMMAND_END = /[;|&\n]/g;

/**
 * Which tool's flags apply at a position: the last tool named before it, until the end of that
 * command (";", "|", "&", a new line). Positions must be asked in increasing order; each call moves
 * two cursors forward, so all calls together scan the text once.
 */
function toolScopes(text: string): (pos: number) => ToolFlags | undefined {
  const words = new RegExp(TOOL_WORD.source, 'g');
  const ends = new RegExp(COMMAND_END.source, 'g');
  let upcoming = words.exec(text);
  let current: ToolFlags | undefined;
  let end = -1;
  return (pos) => {
    while (upcoming && upcoming.index < pos) {
      current = TOOL_FLAGS.get((upcoming[1] as string).replace(/[ \t]+/g, ' '));
      if (end !== Infinity && end <= upcoming.index) {
        ends.lastIndex = upcoming.index;
        end = ends.exec(text)?.index ?? Infinity;
      }
      upcoming = words.exec(text);
    }
    return pos < end ? current : undefined;
  };
}

/** Whether a short flag (or cluster, "-cb") of this tool makes the last argument the password. */
function makesLastArgumentSecret(dashes: string, name: string, tool: ToolFlags | undefined): boolean {
  const letters = tool?.lastArgument;
  return dashes === '-' && letters !== undefined && /^[A-Za-z]+$/.test(name) && [...letters].some((letter) => name.includes(letter));
}

/**
 * The last argument of the command that goes on at `from` (up to ";", "|", "&" or a new line),
 * without its quotes, and where the command ends; null when no argument follows `from`.
 */
function lastArgument(text: string, from: number): { from: number; to: number; commandEnd: number } | null {
  const ends = new RegExp(COMMAND_END.source, 'g');
  ends.lastIndex = from;
  const commandEnd = ends.exec(text)?.index ?? text.length;
  let to = commandEnd;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  const quote = text[to - 1];
  if (to > from && (quote === '"' || quote === "'")) {
    const open = text.lastIndexOf(quote, to - 2);
    return open >= from ? { from: open + 1, to: to - 1, commandEnd } : null;
  }
  let start = to;
  while (start > from && !/\s/.test(text[start - 1] as string)) start--;
  return start < to && start > from ? { from: start, to, commandEnd } : null;
}

/** A flag not glued to a word ("--token", "-p"); the name is one run, so starts never overlap. */
const FLAG = /(?<![\w-])(--?)([A-Za-z][A-Za-z0-9_-]*)/g;

/** Masks flag values in free text ("--token ***", "--password=***", "mysql -p***", "curl -u bob:***"). */
export function maskFlags(text: string, tool?: ToolFlags): string {
  if (!text.includes('-')) return text;
  const toolAt = tool ? () => tool : toolScopes(text);
  const flagRe = new RegExp(FLAG.source, 'g');
  let out = '';
  let done = 0;
  for (let match = flagRe.exec(text); match; match = flagRe.exec(text)) {
    const [head, dashes = '', name = ''] = match;
    const toolFlags = toolAt(match.index);
    let end = match.index + head.length;
    if (makesLastArgumentSecret(dashes, name, toolFlags)) {
      const last = lastArgument(text, end);
      if (!last) continue;
      if (!isMasked(text.slice(last.from, last.to))) {
        out += text.slice(done, last.from) + REDACTED;
        done = last.to;
      }
      // The rest of the command holds no other value of this tool's to mask; skipping it keeps the scan linear.
      flagRe.lastIndex = Math.max(flagRe.lastIndex, last.commandEnd);
      continue;
    }
    let kind: FlagKind | null;
    if (dashes === '-' && toolFlags?.attached?.includes(name[0] as string) && name.length > 1) {
      end = match.index + 2; // "-pPW": the value starts right after the letter
      kind = 'secret';
    } else if (text[end] === '=') {
      end += 1;
      kind = flagKind(dashes, name, toolFlags);
    } else if (text[end] === ' ' || text[end] === '\t') {
      while (text[end] === ' ' || text[end] === '\t') end++;
      kind = flagKind(dashes, name, toolFlags);
    } else continue;
    if (!kind) continue;
    const { from, to } = valueSpan(text, end);
    const masked = maskValue(kind, text.slice(from, to));
    if (masked === null) continue;
    out += text.slice(done, from) + masked;
    done = to;
    flagRe.lastIndex = Math.max(flagRe.lastIndex, to);
  }
  return done === 0 ? text : out + text.slice(done);
}

/** Words after which a name and its value follow ("aws configure set NAME VALUE", "git config NAME VALUE"). */
const SETTER = /^(?:set|config)$/;
/** "set", then flags ("--global"), then a secret's name: the one word after it is the secret. */
const SETTING = /(?<![\w.-])(?:config[ \t]+)?(?:set|config)[ \t]+(?:--?[\w-]+[ \t]+)*([^\s=]+)[ \t]+/g;

/** Masks the value of a secret set by name: "aws configure set aws_secret_access_key ***", "npm config set //r/:_authToken ***". */
export function maskSettings(text: string): string {
  if (!text.includes('set') && !text.includes('config')) return text;
  const settings = new RegExp(SETTING.source, 'g');
  let out = '';
  let done = 0;
  for (let match = settings.exec(text); match; match = settings.exec(text)) {
    if (!isSecretName(match[1] as string)) continue;
    const { from, to } = valueSpan(text, match.index + match[0].length);
    if (from === to || isMasked(text.slice(from, to))) continue;
    out += text.slice(done, from) + REDACTED;
    done = to;
    settings.lastIndex = to;
  }
  return done === 0 ? text : out + text.slice(done);
}

const WHOLE_FLAG = /^(--?)([A-Za-z][A-Za-z0-9_-]*)$/;
const basename = (arg: string): string => arg.slice(Math.max(arg.lastIndexOf('/'), arg.lastIndexOf('\\')) + 1);

/** The tool named by the words ending at `end` ("sshpass", "/usr/bin/sshpass", "docker login"), if any. */
function toolEndingAt(args: readonly string[], end: number): ToolFlags | undefined {
  for (let words = Math.min(MAX_TOOL_WORDS, end + 1); words >= 1; words--) {
    const first = end - words + 1;
    const tool = TOOL_FLAGS.get([basename(args[first] as string), ...args.slice(first + 1, end + 1)].join(' '));
    if (tool) return tool;
  }
  return undefined;
}

/**
 * Masks flag values in an argv array: "--token" then "TOK" as two elements, "-pPW" after "mysql",
 * the value after a secret's name set by a setter ("aws configure set aws_secret_access_key S"), and
 * the last argument in htpasswd's batch mode.
 */
export function maskArgv(args: readonly string[]): string[] {
  let tool: ToolFlags | undefined;
  let secretNext: FlagKind | null = null;
  let afterSetter = false;
  let lastIsSecret = false;
  const masked = args.map((arg, i) => {
    const kind = secretNext;
    secretNext = null;
    if (kind) return maskValue(kind, arg) ?? arg;
    tool = toolEndingAt(args, i) ?? tool;
    const flag = WHOLE_FLAG.exec(arg);
    if (flag) {
      secretNext = flagKind(flag[1] as string, flag[2] as string, tool);
      lastIsSecret ||= makesLastArgumentSecret(flag[1] as string, flag[2] as string, tool);
    } else if (afterSetter && isSecretName(arg)) secretNext = 'secret';
    afterSetter = SETTER.test(arg) || (afterSetter && flag !== null);
    return tool ? maskFlags(arg, tool) : arg; // without a tool, redactText masks "--token=TOK" alike
  });
  const last = masked.length - 1;
  if (lastIsSecret && last > 0 && !WHOLE_FLAG.test(masked[last] as string) && !isMasked(masked[last] as string)) masked[last] = REDACTED;
  return masked;
}
