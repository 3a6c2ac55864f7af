/**
 * Which processes hold which sockets, as last read from their fd tables: socket inode -> pids and
 * pid -> inodes. Every socket inode is kept, not only those in the socket tables, so a socket that
 * is listed later (bound or connected after the scan) is already known.
 */
export class SocketOwners {
  readonly #pidsByInode = new Map<number, readonly number[]>();
  readonly #inodesByPid = new Map<number, readonly number[]>();

  /**
   * The pids (ascending) holding `inode`, or undefined when no scanned process holds it. The same
   * array while they do not change (a change makes a new one), so callers may compare by identity.
   */
  ownersOf(inode: number): readonly number[] | undefined {
    return this.#pidsByInode.get(inode);
  }

  /** The socket inodes `pid` held when last scanned (empty when never scanned). */
  heldBy(pid: number): readonly number[] {
    return this.#inodesByPid.get(pid) ?? [];
  }

  /** Records what `pid` holds now, replacing what it held before. */
  setHeld(pid: number, inodes: readonly number[]): void {
    const before = new Set(this.heldBy(pid));
    const now = new Set(inodes);
    // Only sockets it opened or closed change hands: the others keep their owner arrays.
    for (const inode of before) if (!now.has(inode)) this.#remove(inode, pid);
    for (const inode of now) if (!before.has(inode)) this.#add(inode, pid);
    this.#inodesByPid.set(pid, [...now]);
  }

  /** Forgets `pid` (exited, or its pid now belongs to another process). */
  drop(pid: number): void {
    for (const inode of this.heldBy(pid)) this.#remove(inode, pid);
    this.#inodesByPid.delete(pid);
  }

  #add(inode: number, pid: number): void {
    const pids = this.#pidsByInode.get(inode);
    this.#pidsByInode.set(inode, pids ? [...pids, pid].sort((a, b) => a - b) : [pid]);
  }

  #remove(inode: number, pid: number): void {
    const rest = (this.#pidsByInode.get(inode) ?? []).filter((other) => other !== pid);
    if (rest.length === 0) this.#pidsByInode.delete(inode);
    else this.#pidsByInode.set(inode, rest);
  }
}
