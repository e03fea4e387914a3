/**
 * When `batch` commits: after every `every` processed messages, or once the oldest uncommitted
 * processed message has waited `intervalMs`, whichever comes first; so no processed message waits
 * longer than the interval for its commit, and an idle consumer commits nothing. Pure, so the
 * kafkajs worker and the tests share it (LabConsumerCommits.java mirrors it).
 */
export class BatchPolicy {
  private sinceCommit = 0;
  /** When the oldest message not yet covered by a commit was processed. */
  private oldestAt = 0;

  constructor(
    readonly every: number,
    readonly intervalMs: number,
  ) {}

  /** Messages processed since the last commit. */
  get pending(): number {
    return this.sinceCommit;
  }

  /** One more processed message at `now`; true when the count calls for a commit now. */
  processed(now: number): boolean {
    if (this.sinceCommit === 0) this.oldestAt = now;
    this.sinceCommit++;
    return this.sinceCommit >= this.every;
  }

  /** True when the interval calls for a commit. */
  due(now: number): boolean {
    return this.sinceCommit > 0 && now - this.oldestAt >= this.intervalMs;
  }

  /**
   * A commit was sent covering the first `covered` pending messages (read `pending` when sending:
   * messages processed while it was in flight stay counted, from `now`).
   */
  committed(now: number, covered = this.sinceCommit): void {
    this.sinceCommit = Math.max(0, this.sinceCommit - covered);
    this.oldestAt = now;
  }
}
