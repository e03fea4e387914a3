/**
 * Offsets a lab consumer has processed but not yet committed, committed in one request at a time.
 * Only processed offsets are ever committed, so a crash re-reads at most one interval of work
 * (at-least-once). `commit` is injected, which keeps this free of kafkajs and unit-testable.
 */
export class CommitTracker {
  private readonly pending = new Map<number, number>();
  private inFlight: Promise<void> | null = null;
  private confirmations = 0;

  constructor(
    private readonly commit: (offsets: [partition: number, next: number][]) => Promise<void>,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  processed(partition: number, next: number): void {
    this.pending.set(partition, next);
  }

  /** After a rebalance: work on partitions this member lost must not be committed by it. */
  retainOnly(owned: ReadonlySet<number>): void {
    for (const partition of [...this.pending.keys()])
      if (!owned.has(partition)) this.pending.delete(partition);
  }

  /** Called when the client reports a commit the broker acknowledged (COMMIT_OFFSETS). */
  confirmed(): void {
    this.confirmations++;
  }

  /** Commits everything pending; entries stay pending unless the broker confirmed the commit. */
  flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.pending.size === 0) return Promise.resolve();
    const offsets = [...this.pending];
    const before = this.confirmations;
    this.inFlight = this.commit(offsets)
      .then(() => {
        // kafkajs resolves without committing while its runner restarts; only a confirmation counts.
        if (this.confirmations === before) return;
        for (const [partition, next] of offsets) {
          if (this.pending.get(partition) === next) this.pending.delete(partition);
        }
      })
      // Refused during a rebalance (old generation): kept and retried with the new one.
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
