import { describe, expect, it } from 'vitest';
import { SocketOwners } from '../../../main/core/connections/owners.js';

describe('SocketOwners', () => {
  it('maps inodes to the pids holding them, ascending, and back', () => {
    const owners = new SocketOwners();
    owners.setHeld(20, [100, 101]);
    owners.setHeld(10, [101, 102]);
    expect(owners.ownersOf(101)).toEqual([10, 20]);
    expect(owners.ownersOf(100)).toEqual([20]);
    expect(owners.ownersOf(999)).toBeUndefined();
    expect(owners.heldBy(10)).toEqual([101, 102]);
    expect(owners.heldBy(30)).toEqual([]);
  });

  it('replaces what a process held when it is read again, and forgets dropped processes', () => {
    const owners = new SocketOwners();
    owners.setHeld(10, [100, 101]);
    owners.setHeld(20, [101]);
    owners.setHeld(10, [103, 103]);
    expect(owners.ownersOf(100)).toBeUndefined();
    expect(owners.ownersOf(101)).toEqual([20]);
    expect(owners.ownersOf(103)).toEqual([10]);
    owners.drop(20);
    expect(owners.ownersOf(101)).toBeUndefined();
    expect(owners.heldBy(20)).toEqual([]);
    owners.drop(99); // never seen: nothing to do
  });
});

describe('SocketOwners identity', () => {
  it('keeps the owner array of a socket whose owners did not change, and makes a new one when they do', () => {
    const owners = new SocketOwners();
    owners.setHeld(10, [100, 101]);
    const before = owners.ownersOf(100);
    owners.setHeld(10, [100, 102]);
    expect(owners.ownersOf(100)).toBe(before);
    owners.setHeld(20, [100]);
    expect(owners.ownersOf(100)).not.toBe(before);
    expect(owners.ownersOf(100)).toEqual([10, 20]);
    expect(before).toEqual([10]);
  });
});
