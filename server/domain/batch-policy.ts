/**
 * When `batch` commits: after every `every` processed messages, or once `intervalMs` has passed
 * since the last commit with something processed, whichever comes first. Pure, so both the
 * kafkajs worker and its tests use it (LabConsumerCommits.java mirrors it).
 */
export class BatchPolicy {
  private sinceCommit = 0;
  private lastCommitAt: number;

  constructor(
    readonly every: number,
    readonly intervalMs: number,
    now: number,
  ) {
    this.lastCommitAt = now;
  }

  /** Messages processed since the last commit. */
  get pending(): number {
    return this.sinceCommit;
  }

  /** One more processed message; true when the count calls for a commit now. */
  processed(): boolean {
    this.sinceCommit++;
    return this.sinceCommit >= this.every;
  }

  /** True when the interval calls for a commit (only with something to commit). */
  due(now: number): boolean {
    return this.sinceCommit > 0 && now - this.lastCommitAt >= this.intervalMs;
  }

  /**
   * A commit was made covering the first `covered` of the pending messages (read `pending` when
   * the commit was sent: messages processed while it was in flight stay counted).
   */
  committed(now: number, covered = this.sinceCommit): void {
    this.sinceCommit = Math.max(0, this.sinceCommit - covered);
    this.lastCommitAt = now;
  }
}
