import { partitionKey } from '../../protocol/keys';
import type { ObserverResult } from '../../protocol/observer';
import type { RecordTime } from '../domain/lag-time';

type Read = (
  partitions: { topic: string; partition: number; offset: number }[],
) => Promise<ObserverResult<'recordTimes'>>;

/** Offsets remembered; the least recently asked go first. */
const MAX_KNOWN = 20_000;
/** Partitions per read: one group-less consumer fetches them all. */
const MAX_PER_READ = 500;
/** A partition that timed out or failed is asked again after this long, not every second. */
const RETRY_AFTER_MS = 30_000;

const offsetKey = (p: { topic: string; partition: number; offset: number }) =>
  `${partitionKey(p.topic, p.partition)}@${p.offset}`;

/**
 * The timestamp of the record a group reads next, for lag in seconds where the log-end history
 * does not reach back. Read once per (partition, committed offset) and kept; reads are batched,
 * one at a time, at most one a second, so a cluster of thousands of groups stopped long ago costs
 * a few fetches, then nothing while their offsets stay put.
 */
export class RecordTimes {
  private readonly known = new Map<string, RecordTime>();
  /** By partition: a group that moved on replaces the offset it asked about before. */
  private readonly wanted = new Map<string, { topic: string; partition: number; offset: number }>();
  private readonly failedAt = new Map<string, number>();
  private reading = false;
  private lastReadAt = 0;
  reads = 0;

  constructor(
    private readonly read: Read,
    private readonly minIntervalMs = 1000,
  ) {}

  /** Known: the record's time. Unknown: undefined, and it is read soon. */
  lookup(
    topic: string,
    partition: number,
    offset: number,
    now = Date.now(),
  ): RecordTime | undefined {
    const key = offsetKey({ topic, partition, offset });
    const known = this.known.get(key);
    if (known) {
      // Map order is the eviction order: asked again, it becomes the newest.
      this.known.delete(key);
      this.known.set(key, known);
      return known;
    }
    const failed = this.failedAt.get(key);
    // One offset per partition per read: two groups on one partition take turns.
    if (failed === undefined || now - failed >= RETRY_AFTER_MS)
      this.wanted.set(partitionKey(topic, partition), { topic, partition, offset });
    return undefined;
  }

  /** Starts the next read when one is due; never waits for it. */
  pump(now = Date.now()): void {
    for (const [key, at] of this.failedAt)
      if (now - at >= RETRY_AFTER_MS) this.failedAt.delete(key);
    if (this.reading || this.wanted.size === 0 || now - this.lastReadAt < this.minIntervalMs)
      return;
    const batch = [...this.wanted.entries()].slice(0, MAX_PER_READ);
    for (const [key] of batch) this.wanted.delete(key);
    this.reading = true;
    this.lastReadAt = now;
    this.reads++;
    const asked = batch.map(([, p]) => p);
    this.read(asked)
      .then((result) => {
        for (const r of result.records) {
          if (r.timedOut) this.failedAt.set(offsetKey(r), now);
          // A record without a timestamp (-1: an old message format) has no age to tell.
          else
            this.remember(offsetKey(r), {
              timestamp: r.timestamp !== null && r.timestamp >= 0 ? r.timestamp : null,
            });
        }
      })
      .catch(() => {
        // The cluster is unreachable or the topic is gone: the history's figure stays, a lower
        // bound, and the connection state already says why.
        for (const p of asked) this.failedAt.set(offsetKey(p), now);
      })
      .finally(() => {
        this.reading = false;
      });
  }

  private remember(key: string, time: RecordTime): void {
    this.failedAt.delete(key);
    this.known.set(key, time);
    if (this.known.size > MAX_KNOWN) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}
