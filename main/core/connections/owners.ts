/**
 * Which processes hold which sockets, as last read from their fd tables: socket inode -> pids and
 * pid -> inodes. Every socket inode is kept, not only those in the socket tables, so a socket that
 * is listed later (bound or connected after the scan) is already known.
 */
export class SocketOwners {
  readonly #pidsByInode = new Map<number, number[]>();
  readonly #inodesByPid = new Map<number, readonly number[]>();

  /** The pids (ascending) holding `inode`, or undefined when no scanned process holds it. */
  ownersOf(inode: number): readonly number[] | undefined {
    return this.#pidsByInode.get(inode);
  }

  /** The socket inodes `pid` held when last scanned (empty when never scanned). */
  heldBy(pid: number): readonly number[] {
    return this.#inodesByPid.get(pid) ?? [];
  }

  /** Records what `pid` holds now, replacing what it held before. */
  setHeld(pid: number, inodes: readonly number[]): void {
    this.drop(pid);
    this.#inodesByPid.set(pid, inodes);
    for (const inode of inodes) {
      const pids = this.#pidsByInode.get(inode);
      if (!pids) this.#pidsByInode.set(inode, [pid]);
      else if (!pids.includes(pid)) {
        pids.push(pid);
        pids.sort((a, b) => a - b);
      }
    }
  }

  /** Forgets `pid` (exited, or its pid now belongs to another process). */
  drop(pid: number): void {
    for (const inode of this.heldBy(pid)) {
      const pids = this.#pidsByInode.get(inode);
      if (!pids) continue;
      const rest = pids.filter((other) => other !== pid);
      if (rest.length === 0) this.#pidsByInode.delete(inode);
      else this.#pidsByInode.set(inode, rest);
    }
    this.#inodesByPid.delete(pid);
  }
}
