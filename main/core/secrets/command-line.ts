/**
 * Secrets passed as command-line arguments: "--api-key KEY", "--token=TOK", "-storepass PW",
 * "curl -u user:PW", and the short flags of tools that take a password on the command line
 * ("sshpass -p PW", "mysql -pPW", "redis-cli -a PW", "openssl enc -k PW", "openssl … -pass pass:PW").
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
}

/** Per tool, since elsewhere these letters mean something else ("ssh -p 22", "ls -a"). */
const MYSQL: ToolFlags = { attached: ['p'] }; // "mysql -p db" prompts; "db" is a database
const MONGO: ToolFlags = { next: ['p'] };
const LDAP: ToolFlags = { next: ['w'] };
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
]);

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
const TOOL_WORD = new RegExp(`(?<![\\w.-])(${[...TOOL_FLAGS.keys()].map(escape).join('|')})(?![\\w.-])`, 'g');
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
      current = TOOL_FLAGS.get(upcoming[1] as string);
      if (end !== Infinity && end <= upcoming.index) {
        ends.lastIndex = upcoming.index;
        end = ends.exec(text)?.index ?? Infinity;
      }
      upcoming = words.exec(text);
    }
    return pos < end ? current : undefined;
  };
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

/**
 * Masks flag values in an argv array: "--token" then "TOK" as two elements, "-pPW" after "mysql",
 * and the value after a secret's name set by a setter ("aws configure set aws_secret_access_key S").
 */
export function maskArgv(args: readonly string[]): string[] {
  let tool: ToolFlags | undefined;
  let secretNext: FlagKind | null = null;
  let afterSetter = false;
  return args.map((arg) => {
    const kind = secretNext;
    secretNext = null;
    if (kind) return maskValue(kind, arg) ?? arg;
    tool = TOOL_FLAGS.get(basename(arg)) ?? tool;
    const flag = WHOLE_FLAG.exec(arg);
    if (flag) secretNext = flagKind(flag[1] as string, flag[2] as string, tool);
    else if (afterSetter && isSecretName(arg)) secretNext = 'secret';
    afterSetter = SETTER.test(arg) || (afterSetter && flag !== null);
    return tool ? maskFlags(arg, tool) : arg; // without a tool, redactText masks "--token=TOK" alike
  });
}
