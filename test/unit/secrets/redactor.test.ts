import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../contract/snapshot.js';
import { createRedactor, memoise, redactText } from '../../../main/core/secrets/policy.js';
import { redactSnapshot } from '../../../main/core/snapshot/redact.js';
import { loadSnapshot } from '../snapshot/load-fixture.js';

/** redactText that records what it was asked. */
function spyRedactor() {
  const calls: string[] = [];
  return { calls, redact: (text: string) => (calls.push(text), redactText(text)) };
}

describe('createRedactor', () => {
  it('redacts like redactText', () => {
    const redact = createRedactor();
    const text = 'java -Dhttps.proxyPassword=pw5 Main';
    expect(redact(text)).toBe(redactText(text));
    expect(redact(text)).toBe('java -Dhttps.proxyPassword=*** Main');
  });

  it('keeps what was used recently and forgets what was not, within its entry bound', () => {
    const spy = spyRedactor();
    const redact = memoise(spy.redact, { maxEntries: 4 });
    for (const text of ['a', 'b', 'a', 'c', 'a', 'b', 'd', 'e', 'c', 'b']) redact(text);
    // "a" and "b" were used again and stay; "c", not used for four distinct strings, is redacted again.
    expect(spy.calls).toEqual(['a', 'b', 'c', 'd', 'e', 'c']);
  });

  it('does not keep strings beyond its character bound', () => {
    const spy = spyRedactor();
    const redact = memoise(spy.redact, { maxChars: 100 });
    const long = 'x'.repeat(80);
    redact(long);
    redact(long);
    redact('short');
    redact('short');
    expect(spy.calls).toEqual([long, long, 'short']);
  });
});

describe('redactSnapshot redacts each distinct string once', () => {
  const commandLine = `java -Xmx2g -cp ${'/opt/lib/x.jar:'.repeat(200)} -Dhttps.proxyPassword=pw6 org.gradle.Main`;
  const withProcesses = (count: number): Snapshot => {
    const snapshot = loadSnapshot('linux-sample.json');
    const template = snapshot.processes[0];
    if (!template) throw new Error('fixture has no process');
    snapshot.processes = Array.from({ length: count }, (_, i) => ({ ...template, pid: 30000 + i, command: commandLine }));
    return snapshot;
  };

  it('in one call, for 10,000 processes sharing a command line (workers of one pool)', () => {
    const spy = spyRedactor();
    const redacted = redactSnapshot(withProcesses(10_000), { maskHostname: false, maskUsername: true, home: '/home/alice' }, memoise(spy.redact));
    expect(spy.calls.filter((text) => text === commandLine)).toHaveLength(1);
    expect(redacted.processes.every((p) => p.command.endsWith('-Dhttps.proxyPassword=*** org.gradle.Main'))).toBe(true);
  });

  it('across calls that share a redactor', () => {
    const spy = spyRedactor();
    const redactor = memoise(spy.redact);
    for (let sample = 0; sample < 3; sample++) redactSnapshot(withProcesses(10), { maskHostname: false, maskUsername: false }, redactor);
    expect(spy.calls.filter((text) => text === commandLine)).toHaveLength(1);
  });
});
