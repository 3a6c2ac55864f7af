/**
 * The last-line-of-defence redaction of a whole snapshot before it leaves the process (export,
 * CLI, browser host): the secrets policy's redactDeep (every string through the secrets pass, values
 * stored under a secret name masked outright), and on request the machine's hostname and the user's
 * name masked.
 */
import type { IdentityField, Signal, Snapshot } from '../../../contract/snapshot.js';
import { createRedactor, memoise, redactDeep, type Redactor } from '../secrets/policy.js';

export const HOSTNAME_MASK = '<hostname>';
export const USERNAME_MASK = '<user>';

export interface RedactOptions {
  maskHostname: boolean;
  maskUsername: boolean;
  /** The machine's hostname; defaults to the identity.hostname signal. */
  hostname?: string | null;
  /** The user's login name; defaults to the identity.user signal, then the last part of `home`. */
  username?: string | null;
  home?: string | null;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Never masked even when it is the "hostname": it names loopback, not this machine. */
const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain']);

/** The text of an identity signal (hostname, user, git email or name), if one was read. */
function identityText(snapshot: Snapshot, field: IdentityField): string | null {
  const value = snapshot.signals.find((s: Signal) => s.kind === 'identity' && s.key.field === field && s.status === 'ok')?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function lastPathPart(path: string): string | null {
  return path.split(/[\\/]+/).filter(Boolean).pop() ?? null;
}

/** A literal -> mask substitution that only fires on whole names (not inside a longer word). */
function wordReplacer(word: string, mask: string, notAfter: string, notBefore = 'A-Za-z0-9_-'): (text: string) => string {
  const re = new RegExp(`(?<![${notAfter}])${escapeRegExp(word)}(?![${notBefore}])`, 'gi');
  return (text) => text.replace(re, mask);
}

function hostnameMaskers(hostname: string): Array<(text: string) => string> {
  const full = hostname.toLowerCase();
  if (LOOPBACK_NAMES.has(full)) return [];
  const short = full.split('.')[0] ?? '';
  const names = [...new Set([full, short])].filter((name) => name.length > 1 && !LOOPBACK_NAMES.has(name));
  return names.map((name) => wordReplacer(name, HOSTNAME_MASK, 'A-Za-z0-9_-'));
}

function usernameMaskers(username: string, home: string | null, gitEmail: string | null, gitName: string | null) {
  const maskers: Array<(text: string) => string> = [];
  if (gitEmail) {
    const domain = gitEmail.includes('@') ? gitEmail.slice(gitEmail.lastIndexOf('@')) : '';
    maskers.push((text) => text.split(gitEmail).join(`${USERNAME_MASK}${domain}`));
  }
  if (gitName) maskers.push(wordReplacer(gitName, USERNAME_MASK, 'A-Za-z0-9_'));
  const homeUser = home ? lastPathPart(home) : null;
  if (home && homeUser) {
    // Any home, even one outside /home or /Users (HOME=/srv/alice): its last part names the user.
    const re = new RegExp(`${escapeRegExp(home.replace(/[\\/]+$/, ''))}(?![A-Za-z0-9_.-])`, 'g');
    const masked = home.slice(0, home.lastIndexOf(homeUser)) + USERNAME_MASK;
    maskers.push((text) => text.replace(re, masked));
  }
  if (username) {
    const name = escapeRegExp(username);
    // Home directories on every platform, whichever of them the text mentions.
    const homes = new RegExp(`(/home/|/Users/|[A-Za-z]:\\\\Users\\\\|[A-Za-z]:/Users/)${name}(?![A-Za-z0-9_.-])`, 'gi');
    maskers.push((text) => text.replace(homes, `$1${USERNAME_MASK}`));
    // The user part of a URL ("http://alice:***@proxy").
    const userinfo = new RegExp(`(//)${name}(?=[:@])`, 'gi');
    maskers.push((text) => text.replace(userinfo, `$1${USERNAME_MASK}`));
    // Elsewhere as a word ("alice-laptop" too), but not as a path part ("/dev/null" for user "dev").
    maskers.push(wordReplacer(username, USERNAME_MASK, 'A-Za-z0-9_./\\\\', 'A-Za-z0-9_'));
  }
  return maskers;
}

/**
 * Redacts a snapshot for export or display. Pure: the input is not modified. Each distinct string is
 * redacted once per call; pass a `redactor` (createRedactor) kept across samples to redact the
 * strings a monitor sees every sample (command lines, env values) once in its lifetime.
 */
export function redactSnapshot(snapshot: Snapshot, options: RedactOptions, redactor: Redactor = createRedactor()): Snapshot {
  const hostname = options.hostname?.trim() || identityText(snapshot, 'hostname');
  const home = options.home?.trim() || null;
  const username =
    options.username?.trim() || identityText(snapshot, 'user') || (home ? lastPathPart(home) : null);
  const maskers: Array<(text: string) => string> = [];
  if (options.maskHostname && hostname) maskers.push(...hostnameMaskers(hostname));
  if (options.maskUsername) {
    const gitEmail = identityText(snapshot, 'git-email');
    const gitName = identityText(snapshot, 'git-name');
    maskers.push(...usernameMaskers(username ?? '', home, gitEmail, gitName));
  }
  // The identity masks depend on this call's options, so they are remembered for this call only.
  const text = maskers.length === 0 ? redactor : memoise((s) => maskers.reduce((out, mask) => mask(out), redactor(s)));
  const redacted = redactDeep(snapshot, { text }) as Snapshot;
  return {
    ...redacted,
    redaction: {
      secrets: true,
      hostname: options.maskHostname || snapshot.redaction?.hostname === true,
      username: options.maskUsername || snapshot.redaction?.username === true,
    },
  };
}
