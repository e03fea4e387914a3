import type { CommitStreamEvent, DeletedOffset, ObservedCommit } from '../../protocol/observer';
import type { CommitStream, JvmObserver } from '../jvm/jvm-observer';
import type { LabAction } from '../state/types';

/** Pause between two polls that found a group still rebalancing is never shorter than this. */
const MIN_GAP_MS = 100;
/**
 * A poll may keep the cluster's Admin side busy at most a third of the time: on a big cluster,
 * where one observation takes long, the polls space out instead of piling up.
 */
const MAX_BUSY_SHARE = 1 / 3;
/** Polls whose durations decide the spacing; the fastest of them counts. */
const RECENT_POLLS = 5;

/**
 * The configured interval, or longer when every recent poll took a large share of it. The fastest
 * recent poll decides: a big cluster makes every poll slow, while one slow poll (a broker killed a
 * moment ago, its requests waiting) must not space out the polls that will show its failover.
 */
export function pollInterval(configuredMs: number, recentMs: number[]): number {
  if (recentMs.length < RECENT_POLLS) return configuredMs;
  const needed = Math.ceil(Math.min(...recentMs) / MAX_BUSY_SHARE / 100) * 100;
  return Math.max(configuredMs, needed);
}

/**
 * Keeps the lab's view of the cluster current: a poll of everything every `intervalMs`, an early
 * one when the commit stream says a group's membership changed, and every commit as it is written
 * to __consumer_offsets, so a commit reaches the page without waiting for a poll.
 */
export class ClusterWatch {
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** A poll was asked for while one ran: run one more right after it. */
  private again = false;
  private stream: CommitStream | null = null;
  private stopped = false;
  private recentPollMs: number[] = [];
  private announced = 0;
  /** Why the last poll failed; null once one succeeded. */
  private lastPollError: string | null = null;

  constructor(
    private readonly admin: JvmObserver,
    private readonly dispatch: (action: LabAction) => void,
    private readonly intervalMs: number,
    /** Each commit and each deletion as __consumer_offsets has them, in the log's order. */
    private readonly offsets: {
      committed: (commit: ObservedCommit) => void;
      deleted: (deleted: DeletedOffset) => void;
    },
    /** Turns a failure into words a user can act on (whose login, which CA file, which servers). */
    private readonly describe: (error: Error) => string = (error) => error.message,
  ) {}

  start(): void {
    this.schedule(0);
    void this.startStream();
  }

  /** Polls now (or shares the poll in flight) and resolves once its result is in the state. */
  refresh(): Promise<void> {
    const startedAt = Date.now();
    this.polling ??= this.admin
      .poll()
      .then(
        (observation) => {
          this.recentPollMs = [...this.recentPollMs, Date.now() - startedAt].slice(-RECENT_POLLS);
          this.lastPollError = null;
          this.dispatch({ type: 'admin/observed', observation });
        },
        (error: Error) => {
          this.lastPollError = this.describe(error);
          this.dispatch({ type: 'admin/failed', error: this.lastPollError, at: Date.now() });
        },
      )
      .finally(() => {
        this.polling = null;
      });
    return this.polling;
  }

  /**
   * Polls and resolves once a poll that started after this call is in the state; rejects when that
   * poll failed, so the caller does not read the older observation as if it were fresh.
   */
  async refreshFresh(): Promise<void> {
    // A poll under way may predate whatever the caller just did: wait it out, then poll again.
    await this.polling;
    await this.refresh();
    if (this.lastPollError !== null) throw new Error(`Kafka did not answer: ${this.lastPollError}`);
  }

  /** A fresh poll soon: one that starts after this call, not the one already under way. */
  refreshSoon(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    this.schedule(MIN_GAP_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.stream?.stop();
    await this.polling?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      this.timer = null;
      await this.refresh();
      if (this.stopped) return;
      const interval = this.interval();
      if (interval !== this.announced) {
        this.announced = interval;
        this.dispatch({ type: 'poll/interval', intervalMs: interval });
      }
      const next = this.again ? MIN_GAP_MS : interval;
      this.again = false;
      this.schedule(next);
    }, delayMs);
  }

  interval(): number {
    return pollInterval(this.intervalMs, this.recentPollMs);
  }

  private async startStream(): Promise<void> {
    try {
      this.stream = await this.admin.tailCommits((event) => this.onEvent(event));
      this.dispatch({
        type: 'commit-stream/changed',
        mode: this.stream.mode,
        reason: this.stream.reason,
      });
    } catch (error) {
      this.dispatch({
        type: 'commit-stream/changed',
        mode: 'polling',
        reason: (error as Error).message,
      });
    }
  }

  private onEvent(event: CommitStreamEvent): void {
    switch (event.event) {
      case 'commits':
        for (const c of event.commits) this.offsets.committed(c);
        this.dispatch({ type: 'commits/observed', commits: event.commits });
        return;
      case 'offsets-deleted':
        for (const d of event.offsets) this.offsets.deleted(d);
        this.refreshSoon();
        return;
      case 'groups-changed':
        this.refreshSoon();
        return;
      case 'commit-stream':
        this.dispatch({ type: 'commit-stream/changed', mode: event.mode, reason: event.reason });
        // A restarted stream resumes at the log end: what was committed meanwhile comes from a poll.
        if (event.mode === 'tail') this.refreshSoon();
        return;
    }
  }
}
