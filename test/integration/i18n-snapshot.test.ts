/**
 * A real snapshot of a realistic Chinese setup (time zone, locale, a proxy on a .cn host, an npm
 * mirror, an Alibaba git email, a Chinese lab's base URL, Claude Code installed), sampled from a
 * real HOME on disk, rendered in English and in Chinese from its messages.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Snapshot } from '../../contract/snapshot.js';
import { renderMessage, renderStatement } from '../../common/i18n/render.js';
import { systemIo } from '../../main/adapters/system-io.js';
import { createSnapshotSource } from '../../main/sample.js';
import { expectChinese, expectFilled } from '../helpers/i18n-checks.js';

let home: string;
let snapshot: Snapshot;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'telltale-i18n-'));
  await writeFile(path.join(home, '.npmrc'), 'registry=https://registry.npmmirror.com/\n');
  await writeFile(path.join(home, '.gitconfig'), '[user]\n\tname = Wang Wei\n\temail = wang.wei@alibaba-inc.com\n');
  await mkdir(path.join(home, '.claude'));
  await writeFile(path.join(home, '.claude', 'settings.json'), '{"env":{"ANTHROPIC_BASE_URL":"https://api.moonshot.cn/anthropic"}}\n');
  const env = {
    HOME: home,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TZ: 'Asia/Shanghai',
    LANG: 'zh_CN.UTF-8',
    HTTPS_PROXY: 'http://proxy.sh.example.cn:7890',
    ANTHROPIC_BASE_URL: 'https://api.moonshot.cn/anthropic',
  };
  const source = createSnapshotSource({ ctx: { env, home, platform: process.platform, io: systemIo }, stateDir: path.join(home, 'state') });
  snapshot = Snapshot.parse(await source.take());
}, 60_000);

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('a realistic Chinese setup', () => {
  it('infers what a tool could, each inference with its message', () => {
    const found = snapshot.inferences.map((i) => `${i.id}=${String(i.value)}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'location.country=CN',
        'network.proxy=true',
        'network.proxy-country=CN',
        'affiliation.organization=Alibaba',
        'affiliation.ai-lab=Moonshot AI',
      ]),
    );
    for (const inference of snapshot.inferences) {
      // The fields a snapshot always had are all still there.
      expect(Object.keys(inference)).toEqual(expect.arrayContaining(['id', 'value', 'confidence', 'statement', 'evidence', 'visibleTo']));
      expect(inference.message).toBeDefined();
      expect(inference.evidenceMessages?.length).toBeGreaterThan(0);
    }
    expect(snapshot.checks?.[0]).toMatchObject({ flagged: true, message: { id: 'check-2026.flagged' } });
  });

  it('keeps the English text identical to the English rendering of each message', () => {
    for (const i of snapshot.inferences) {
      expect(renderStatement(i.message!, i.evidenceMessages ?? [], 'en')).toBe(i.statement);
      for (const a of i.advice ?? []) expect(renderMessage(a.message!, 'en')).toBe(a.text);
    }
    for (const c of snapshot.checks ?? []) expect(renderMessage(c.message!, 'en')).toBe(c.statement);
  });

  it('renders every statement, evidence phrase, advice item and the check in Chinese', () => {
    const advice = snapshot.inferences.flatMap((i) => i.advice ?? []);
    expect(advice.length).toBeGreaterThan(0);
    for (const i of snapshot.inferences) {
      const zh = renderStatement(i.message!, i.evidenceMessages ?? [], 'zh-CN');
      expectChinese(zh, [i.message, i.evidenceMessages], `${i.id} ${String(i.value)}`);
      for (const e of i.evidenceMessages ?? []) expectFilled(renderMessage(e, 'zh-CN'), e.id);
    }
    for (const a of advice) expectChinese(renderMessage(a.message!, 'zh-CN'), a.message, a.message!.id);
    for (const c of snapshot.checks ?? []) expectChinese(renderMessage(c.message!, 'zh-CN'), c.message, c.id);

    const country = snapshot.inferences.find((i) => i.id === 'location.country' && i.value === 'CN');
    expect(renderStatement(country!.message!, country!.evidenceMessages ?? [], 'zh-CN')).toMatch(/^工具几乎可以肯定你在中国（CN）：时区 Asia\/Shanghai（中国）；/);
  });
});
