import { describe, expect, it } from 'vitest';
import type { Signal, Snapshot } from '../../../contract/snapshot.js';
import { keyOfV1Signal } from '../../../main/core/snapshot/migrate.js';
import { exportSnapshot } from '../../../main/core/snapshot/export.js';
import { HOSTNAME_MASK, USERNAME_MASK, redactSnapshot } from '../../../main/core/snapshot/redact.js';
import { renderText } from '../../../main/core/snapshot/render-text.js';
import { fixtureText, loadSnapshot } from './load-fixture.js';

interface CorpusEntry {
  place: string;
  id?: string;
  key?: string;
  field?: 'variant' | 'baseline' | 'contextAfter' | 'location' | 'description';
  text: string;
  secret: string;
  keep: string[];
}

const corpus = (JSON.parse(fixtureText('secrets-corpus.json')) as { entries: CorpusEntry[] }).entries;

const first = <T>(items: T[] | undefined): T => {
  const item = items?.[0];
  if (item === undefined) throw new Error('fixture lacks an item this test needs');
  return item;
};

/** Puts one corpus entry where it says, in a snapshot built from the fixture. */
function place(snapshot: Snapshot, entry: CorpusEntry): void {
  const signal = (id: string) => {
    let s = snapshot.signals.find((x) => x.id === id);
    if (!s) {
      // The corpus names places by version 1 ids; they are typed the way a v1 file is read.
      const v1 = { id, category: 'proxy', value: null, source: 'test', status: 'ok' } as const;
      const about = keyOfV1Signal(v1, 'linux') ?? { kind: 'legacy', key: { id } };
      s = { id, ...about, value: null, source: 'test', status: 'ok' } as Signal;
      snapshot.signals.push(s);
    }
    return s;
  };
  const probeChange = () => first(first(first(first(snapshot.probes).factors).variants).changes);
  switch (entry.place) {
    case 'signal.value':
      signal(entry.id ?? '').value = entry.text;
      return;
    case 'signal.meta': {
      const s = signal(entry.id ?? '');
      s.meta = { ...s.meta, [entry.key ?? '']: entry.text };
      return;
    }
    case 'signal.reason':
      Object.assign(signal(entry.id ?? ''), { status: 'error', value: null, reason: entry.text });
      return;
    case 'signal.source':
      signal(entry.id ?? '').source = entry.text;
      return;
    case 'tool.setting':
      first(snapshot.tools).settings?.push({ file: '~/.claude/settings.json', key: entry.key ?? '', kind: 'env', value: entry.text });
      return;
    case 'tool.installEvidence':
      first(snapshot.tools).installEvidence?.push(entry.text);
      return;
    case 'connection.command':
      snapshot.processes.push({ ...first(snapshot.processes), pid: 40000 + snapshot.processes.length, command: entry.text });
      return;
    case 'inference.statement':
      snapshot.inferences.push({ ...first(snapshot.inferences), value: `XX${snapshot.inferences.length}`, statement: entry.text });
      return;
    case 'inference.evidence':
      first(snapshot.inferences).evidence.push(entry.text);
      return;
    case 'advice.text':
      first(snapshot.inferences).advice?.push({ text: entry.text });
      return;
    case 'advice.command':
      first(snapshot.inferences).advice?.push({ text: 'Revoke it.', command: entry.text });
      return;
    case 'check.statement':
      snapshot.checks?.push({ ...first(snapshot.checks), id: `check-${snapshot.checks.length}`, statement: entry.text });
      return;
    case 'exposure.summary':
      if (snapshot.exposure) snapshot.exposure.summary = entry.text;
      return;
    case 'probe.change':
      probeChange()[entry.field ?? 'variant'] = entry.text;
      return;
    case 'probe.command':
      first(snapshot.probes).command = entry.text.split(' ');
      return;
    case 'probe.disclosure':
      first(first(first(snapshot.probes).factors).variants).disclosure = entry.text;
      return;
    default:
      throw new Error(`unknown place ${entry.place}`);
  }
}

/** The text a reader sees: Markdown backslash escapes and HTML entities undone. */
const readable = (format: string, content: string): string =>
  format === 'md'
    ? content.replace(/\\(.)/g, '$1').replace(/&amp;/g, '&')
    : format === 'html'
      ? content.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
      : content;

describe('redactSnapshot over the secrets corpus', () => {
  const leaky = loadSnapshot('linux-sample.json');
  for (const entry of corpus) place(leaky, entry);
  const raw = JSON.stringify(leaky);
  const options = { maskHostname: false, maskUsername: false };
  const outputs: Record<string, string> = {
    json: exportSnapshot(leaky, 'json', options).content,
    md: exportSnapshot(leaky, 'md', options).content,
    html: exportSnapshot(leaky, 'html', options).content,
    text: renderText(redactSnapshot(leaky, options)),
  };

  it('has 30+ secrets, each really present before redaction', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const entry of corpus) expect(raw, entry.secret).toContain(JSON.stringify(entry.secret).slice(1, -1));
  });

  for (const [format, content] of Object.entries(outputs)) {
    it(`leaves no secret in the ${format} output`, () => {
      const text = readable(format, content);
      const leaked = corpus.filter((entry) => text.includes(entry.secret)).map((entry) => entry.secret);
      expect(leaked).toEqual([]);
    });
  }

  it('keeps hosts, ports, time zone and the labels next to secrets', () => {
    const json = outputs.json ?? '';
    for (const entry of corpus) for (const keep of entry.keep) expect(json, keep).toContain(keep);
    const redacted = JSON.parse(json) as Snapshot;
    expect(redacted.signals.find((s) => s.id === 'timezone.iana')?.value).toBe('Asia/Shanghai');
    expect(redacted.signals.find((s) => s.id === 'proxy.env.https_proxy')?.meta).toEqual({
      host: 'proxy.corp.example.cn',
      port: 3128,
      scheme: 'http',
    });
    expect(redacted.connections[0]?.remoteAddress).toBe('103.22.10.8');
    expect(redacted.connections[0]?.remote?.host).toBe('api.moonshot.cn');
  });

  it('masks a value stored under a secret name whatever it looks like', () => {
    const redacted = redactSnapshot(leaky, options);
    expect(redacted.signals.find((s) => s.id === 'tool.qoder.env.QODER_PERSONAL_ACCESS_TOKEN')?.value).toBe('***');
    expect(first(redacted.tools).settings?.find((s) => s.key === 'env.ANTHROPIC_AUTH_TOKEN')?.value).toBe('***');
    expect(redacted.signals.find((s) => s.id === 'proxy.system.gnome.https')?.meta?.password).toBe('***');
  });
});

describe('redactSnapshot', () => {
  const sample = loadSnapshot('linux-sample.json');

  it('does not modify its input and marks what it did', () => {
    const before = JSON.stringify(sample);
    const redacted = redactSnapshot(sample, { maskHostname: true, maskUsername: false });
    expect(JSON.stringify(sample)).toBe(before);
    expect(redacted.redaction).toEqual({ secrets: true, hostname: true, username: false });
    expect(sample.redaction).toBeUndefined();
  });

  it('masks nothing but secrets when no masking is asked for', () => {
    const redacted = redactSnapshot(sample, { maskHostname: false, maskUsername: false });
    const { redaction: _r, ...rest } = redacted;
    expect(rest).toEqual(sample);
  });

  it('masks the hostname everywhere, taken from the options or the identity.hostname signal', () => {
    const withHost = structuredClone(sample);
    withHost.processes[0]!.command = 'ssh alice-thinkpad.local uptime';
    for (const hostname of ['alice-thinkpad', undefined]) {
      const json = JSON.stringify(redactSnapshot(withHost, { maskHostname: true, maskUsername: false, hostname }));
      expect(json).not.toMatch(/alice-thinkpad/i);
      expect(json).toContain(`"value":"${HOSTNAME_MASK}"`);
      expect(json).toContain(`ssh ${HOSTNAME_MASK}.local uptime`);
      expect(json).toContain('/home/alice/'); // the user name is a separate choice
    }
  });

  it('masks the user name, home paths on every platform and the git identity', () => {
    const s = structuredClone(sample);
    s.processes[0]!.command = 'C:\\Users\\alice\\AppData\\node.exe /Users/alice/x /home/alice/y';
    s.inferences[0]!.statement = 'alice.wang@alibaba-inc.com (Alice Wang) is logged in as alice; /dev/null stays.';
    const redacted = redactSnapshot(s, { maskHostname: false, maskUsername: true, home: '/home/alice' });
    const json = JSON.stringify(redacted);
    expect(json).not.toMatch(/\balice\b/i);
    expect(json).not.toContain('Alice Wang');
    expect(redacted.processes[0]?.command).toBe(`C:\\Users\\${USERNAME_MASK}\\AppData\\node.exe /Users/${USERNAME_MASK}/x /home/${USERNAME_MASK}/y`);
    expect(redacted.signals.find((x) => x.id === 'identity.git.email')?.value).toBe(`${USERNAME_MASK}@alibaba-inc.com`);
    expect(redacted.signals.find((x) => x.id === 'identity.git.name')?.value).toBe(USERNAME_MASK);
    expect(redacted.signals.find((x) => x.id === 'identity.user')?.value).toBe(USERNAME_MASK);
    expect(redacted.inferences[0]?.statement).toBe(
      `${USERNAME_MASK}@alibaba-inc.com (${USERNAME_MASK}) is logged in as ${USERNAME_MASK}; /dev/null stays.`,
    );
    // The hostname contains the user name as a word, so it is masked as such; the host itself is not asked for.
    expect(redacted.signals.find((x) => x.id === 'identity.hostname')?.value).toBe(`${USERNAME_MASK}-thinkpad`);
    expect(redacted.redaction).toEqual({ secrets: true, hostname: false, username: true });
  });

  it('does not mask path parts that merely equal a short user name', () => {
    const s = structuredClone(sample);
    s.processes[0]!.command = 'cat /dev/null > /home/dev/log';
    const redacted = redactSnapshot(s, { maskHostname: false, maskUsername: true, username: 'dev' });
    expect(redacted.processes[0]?.command).toBe(`cat /dev/null > /home/${USERNAME_MASK}/log`);
  });
});
