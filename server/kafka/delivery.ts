import type { Kafka, KafkaMessage } from 'kafkajs';
import type { WorkerConfig, WorkerMessage } from '../../protocol/ipc';
import { BatchPolicy } from '../domain/batch-policy';
import type { CommitTracker } from './commit-tracker';
import { DeadLetterProducer } from './dead-letter-producer';
import { type BatchContext, type Outcome, PoisonHandler } from './poison-handler';
import { type CommittedTransaction, isFenced, TransactionalOutput } from './transactional-output';

export interface DeliveryHooks {
  send: (message: WorkerMessage) => void;
  /** Progress goes out before the commit that covers it. */
  flushProgress: () => void;
  /** A newer process took over our transactional.id: this one must stop. */
  fenced: (error: Error) => void;
}

/** One eachBatch call's partition, seen through the commit mode. */
export interface BatchSteps {
  handle: (message: KafkaMessage, ctx: BatchContext) => Promise<Outcome>;
  /** The message is done (processed or dead-lettered): record it for the commit. */
  done: (message: KafkaMessage, outcome: Outcome) => Promise<void>;
  /** End of the batch: exactly-once commits (or, for a stale batch, aborts) its transaction. */
  end: (stale: boolean) => Promise<void>;
}

/**
 * How a kafkajs lab consumer gets a message from "processed" to "committed", per commit mode, and
 * what it does with poison messages (retry + DLQ). consumer-worker.ts runs the loop; this holds
 * the parts that differ between modes, so the worker stays one loop for all of them.
 */
export class Delivery {
  readonly transactional: TransactionalOutput | null;
  private readonly dlq: DeadLetterProducer | null;
  private readonly batch: BatchPolicy | null;
  private resolve: (offset: string) => void = () => undefined;

  constructor(
    kafka: Kafka,
    private readonly config: WorkerConfig,
    private readonly commits: CommitTracker,
    private readonly hooks: DeliveryHooks,
  ) {
    const source = {
      topic: config.topic,
      dlqTopic: config.dlqTopic ?? '',
      consumerId: config.consumerId,
    };
    const eos = config.commitMode === 'exactly-once';
    this.transactional =
      eos && config.transactionalId && config.outputTopic
        ? new TransactionalOutput(kafka, {
            ...source,
            groupId: config.groupId,
            transactionalId: config.transactionalId,
            outputTopic: config.outputTopic,
          })
        : null;
    if (eos && !this.transactional)
      throw new Error('exactly-once needs a transactional id and an output topic');
    this.dlq = config.retry && !eos ? new DeadLetterProducer(kafka, source) : null;
    this.batch = config.batch ? new BatchPolicy(config.batch.every, config.batch.intervalMs) : null;
  }

  /** How often the worker's timer calls tick(). */
  get tickMs(): number {
    return this.batch ? Math.min(100, this.batch.intervalMs) : 0;
  }

  async connect(): Promise<void> {
    await this.transactional?.connect();
  }

  /** batch: commit once the interval has passed since the last commit. */
  tick(): void {
    if (this.batch?.due(Date.now())) void this.commitBatch();
  }

  begin(partition: number, resolveOffset: (offset: string) => void): BatchSteps {
    this.resolve = resolveOffset;
    const retry = this.config.retry;
    const poison = retry
      ? new PoisonHandler(
          this.config.topic,
          retry,
          this.hooks.send,
          (p, m, error, attempts) =>
            this.transactional
              ? this.transactional.deadLetter(p, m, error, attempts)
              : (this.dlq as DeadLetterProducer).send(p, m, error, attempts),
          // A long backoff must not keep a transaction open (transaction.timeout.ms).
          () => this.commitTransaction(),
        )
      : null;
    return {
      handle: (message, ctx) =>
        poison ? poison.handle(partition, message, ctx) : Promise.resolve({ kind: 'processed' }),
      done: (message, outcome) => this.done(partition, message, outcome),
      end: async (stale) => {
        if (!stale) await this.commitTransaction();
        else await this.transactional?.abort();
      },
    };
  }

  private async done(partition: number, message: KafkaMessage, outcome: Outcome): Promise<void> {
    const next = Number(message.offset) + 1;
    const txn = this.transactional;
    if (txn) {
      if (outcome.kind === 'processed') await txn.output(partition, message);
      txn.consumed(partition, next);
      if (txn.due()) await this.commitTransaction();
      return;
    }
    if (outcome.kind === 'dead-lettered') this.reportDeadLetter(partition, message, outcome);
    this.resolve(message.offset);
    // before-processing committed the whole batch before processing any of it.
    if (this.config.commitMode === 'before-processing') return;
    this.commits.processed(partition, next);
    if (this.batch?.processed(Date.now())) await this.commitBatch();
  }

  private reportDeadLetter(
    partition: number,
    message: KafkaMessage,
    o: Extract<Outcome, { kind: 'dead-lettered' }>,
  ): void {
    this.hooks.send({
      type: 'dead-lettered',
      topic: this.config.topic,
      partition,
      offset: Number(message.offset),
      attempts: o.attempts,
      error: o.error,
      dlqOffset: o.dlqOffset,
      at: Date.now(),
    });
  }

  /** Commits every N messages or T ms: one OffsetCommit of everything processed. */
  private async commitBatch(): Promise<void> {
    const batch = this.batch;
    if (!batch) return;
    const covered = batch.pending;
    await this.commits.flush();
    // A flush already in flight carried older offsets: send the rest now.
    if (this.commits.size > 0) await this.commits.flush();
    batch.committed(Date.now(), covered);
  }

  /** Commits the open transaction, then reports its offsets and dead letters. */
  private async commitTransaction(): Promise<void> {
    const txn = this.transactional;
    if (!txn?.open) return;
    let committed: CommittedTransaction | null;
    try {
      committed = await txn.commit();
    } catch (error) {
      if (isFenced(error)) this.hooks.fenced(error as Error);
      throw error;
    }
    if (!committed) return;
    const at = Date.now();
    for (const o of committed.offsets) this.resolve(String(o.offset - 1));
    this.hooks.flushProgress();
    if (committed.offsets.length > 0) {
      this.hooks.send({
        type: 'committed',
        generationId: null,
        offsets: committed.offsets.map((o) => ({ topic: this.config.topic, ...o })),
        at,
      });
    }
    for (const d of committed.deadLetters)
      this.hooks.send({ type: 'dead-lettered', topic: this.config.topic, ...d, at });
  }

  async close(): Promise<void> {
    await this.transactional?.close();
    await this.dlq?.close();
  }
}
