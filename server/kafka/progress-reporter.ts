import type { WorkerMessage } from '../../protocol/ipc';
import { tradeSchema } from '../../protocol/trade';

type ProgressMessage = Extract<WorkerMessage, { type: 'progress' | 'offset-jump' }>;

/**
 * What a lab consumer processed, batched for the server: the next offset per partition and the
 * `seq` of every trade of the current run (for the delivery audit). Sent at most every flush,
 * never per message; a jump in a partition's offsets is sent when it is seen.
 */
export class ProgressReporter {
  private readonly next = new Map<number, number>();
  private readonly dirty = new Set<number>();
  /** The first offset processed since the partition came to this member, until reported. */
  private readonly first = new Map<number, number>();
  private seqs: number[] = [];
  private count = 0;

  constructor(
    private readonly topic: string,
    private readonly runId: string,
    private readonly send: (message: ProgressMessage) => void,
  ) {}

  processed(partition: number, offset: number, value: string | undefined): void {
    const expected = this.next.get(partition);
    if (expected === undefined) this.first.set(partition, offset);
    // Past the next offset expected: the client's position jumped (auto.offset.reset after
    // OFFSET_OUT_OF_RANGE). Reported at once; the server says why.
    if (expected !== undefined && offset > expected)
      this.send({
        type: 'offset-jump',
        topic: this.topic,
        partition,
        from: expected,
        to: offset,
        at: Date.now(),
      });
    const trade = tradeSchema.safeParse(parseJson(value));
    if (trade.success && trade.data.run === this.runId) this.seqs.push(trade.data.seq);
    this.count++;
    this.next.set(partition, offset + 1);
    this.dirty.add(partition);
  }

  /** Handled without a trade to count (dead-lettered): the position moves on, no seq is added. */
  handled(partition: number, offset: number): void {
    if (!this.next.has(partition)) this.first.set(partition, offset);
    this.count++;
    this.next.set(partition, offset + 1);
    this.dirty.add(partition);
  }

  /** After a rebalance: positions on partitions this member lost are no longer its to report. */
  retainOnly(owned: ReadonlySet<number>): void {
    for (const partition of [...this.next.keys()]) {
      if (owned.has(partition)) continue;
      this.next.delete(partition);
      this.dirty.delete(partition);
      this.first.delete(partition);
    }
  }

  flush(at = Date.now()): void {
    if (this.dirty.size === 0 && this.seqs.length === 0) return;
    const processed = [...this.dirty].flatMap((partition) => {
      const offset = this.next.get(partition);
      const first = this.first.get(partition);
      if (offset === undefined) return [];
      return [{ topic: this.topic, partition, offset, ...(first === undefined ? {} : { first }) }];
    });
    this.first.clear();
    this.send({ type: 'progress', processed, seqs: this.seqs, count: this.count, at });
    this.dirty.clear();
    this.seqs = [];
    this.count = 0;
  }
}

function parseJson(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
