import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../contract/snapshot.js';
import { Snapshot } from '../../../contract/snapshot.js';
import { parseBcp47 } from '../../../main/core/locale/locale.js';
import { checkSignals } from '../../../main/core/snapshot/check-signals.js';
import { okSignal } from '../../../main/core/signal.js';
import { sampleSnapshot } from '../service/sample-snapshot.js';

describe('checkSignals', () => {
  const good = okSignal({ kind: 'locale', key: { variable: 'LANG' } }, 'zh_CN.UTF-8', 'env:LANG', { language: 'zh' });
  // What a producer that let an undefined through makes (Intl.Locale('und').language on some runtimes).
  const bad = { ...okSignal({ kind: 'locale', key: { variable: 'intl' } }, 'und', 'intl'), meta: { language: undefined } } as unknown as Signal;

  it('passes valid signals through as they are', () => {
    const [out] = checkSignals([good]);
    expect(out).toBe(good);
  });

  it('turns an invalid one into an error signal with the reason, keeping its id', () => {
    const [, out] = checkSignals([good, bad]);
    expect(out).toMatchObject({ id: 'locale.intl', status: 'error', value: null });
    expect(out?.reason).toMatch(/invalid value.*language/);
  });

  it('turns one whose key is unknown into a system error, and the snapshot still validates', () => {
    const alien = { id: 'x.y', kind: 'nonsense', key: {}, value: 1, source: 'x', status: 'ok' } as unknown as Signal;
    const signals = checkSignals([good, bad, alien]);
    expect(signals[2]).toMatchObject({ kind: 'system', status: 'error' });
    expect(Snapshot.safeParse({ ...sampleSnapshot(), signals }).success).toBe(true);
  });
});

describe('parseBcp47', () => {
  it('gives no language for the undetermined tag', () => {
    expect(parseBcp47('und')).toMatchObject({ language: null, territory: null });
    expect(parseBcp47('zh-Hans-CN')).toMatchObject({ language: 'zh', territory: 'CN' });
  });
});
