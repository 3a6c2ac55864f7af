/** Who a traced task is: /proc while it runs, tracefs' saved_tgids/saved_cmdlines once it is gone. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskOwners } from '../../../main/adapters/trace-task-owner.js';

let root: string;
// Above any pid_max (2^22): never a live task.
const GONE = 5_000_001;
const GONE_THREAD = 5_000_002;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'telltale-tracefs-'));
  await writeFile(path.join(root, 'saved_tgids'), `1 1\n${GONE} ${GONE}\n${GONE_THREAD} ${GONE}\n`);
  await writeFile(path.join(root, 'saved_cmdlines'), `1 systemd\n${GONE} curl\n${GONE_THREAD} tokio-runtime-w\n`);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('taskOwners', () => {
  it('reads a running task from /proc: its process and name', () => {
    const owner = taskOwners(root).ownerOf(process.pid);
    expect(owner.pid).toBe(process.pid);
    expect(owner.comm.length).toBeGreaterThan(0);
  });

  it('finds a task that is gone in what tracefs saved, a thread under its process', () => {
    const owners = taskOwners(root);
    expect(owners.ownerOf(GONE)).toEqual({ pid: GONE, comm: 'curl' });
    expect(owners.ownerOf(GONE_THREAD)).toEqual({ pid: GONE, comm: 'tokio-runtime-w' });
  });

  it('says "?" and the tid for a task nobody remembers, and for missing files', () => {
    expect(taskOwners(root).ownerOf(GONE + 10)).toEqual({ pid: GONE + 10, comm: '?' });
    expect(taskOwners(path.join(root, 'missing')).ownerOf(GONE)).toEqual({ pid: GONE, comm: '?' });
  });

  it('keeps an answer for a while, then asks again', async () => {
    let now = 0;
    const owners = taskOwners(root, () => now);
    expect(owners.ownerOf(GONE).comm).toBe('curl');
    await writeFile(path.join(root, 'saved_cmdlines'), `${GONE} wget\n`);
    owners.nextBatch();
    expect(owners.ownerOf(GONE).comm).toBe('curl');
    now = 5000;
    expect(owners.ownerOf(GONE).comm).toBe('wget');
  });
});
