import type { Kafka, KafkaMessage, Message, Producer, Transaction } from 'kafkajs';
import { WORKER_TIMINGS } from '../../protocol/worker-timings';
import { transformValue } from '../domain/trade-check';
import { type DeadLetterSource, deadLetterRecord } from './dead-letter-producer';

/** A transaction commits once it has been open this long (and at the end of each batch). */
export const MAX_TRANSACTION_AGE_MS = WORKER_TIMINGS.maxTransactionAgeMs;
/**
 * transaction.timeout.ms of both clients: a crashed exactly-once consumer that is not restarted
 * holds back read_committed readers of `<topic>.out` (the last stable offset) at most this long,
 * until the transaction coordinator aborts its open transaction.
 */
export const TRANSACTION_TIMEOUT_MS = WORKER_TIMINGS.transactionTimeoutMs;
/** Output records are sent in one produce request per this many, or per buffer age below. */
const OUTPUT_FLUSH_COUNT = 100;
const OUTPUT_FLUSH_MS = 100;

export interface TransactionalSettings extends DeadLetterSource {
  groupId: string;
  transactionalId: string;
  outputTopic: string;
}

/** A dead letter sent inside the open transaction: reported only once that commits. */
export interface PendingDeadLetter {
  partition: number;
  offset: number;
  attempts: number;
  error: string;
  dlqOffset: number;
}

export interface CommittedTransaction {
  offsets: { partition: number; offset: number }[];
  deadLetters: PendingDeadLetter[];
}

/**
 * exactly-once with kafkajs: consume → transform → produce to `<topic>.out`, and the consumed
 * offsets sent in the same transaction (sendOffsets = AddOffsetsToTxn + TxnOffsetCommit), so the
 * output and the progress are committed or aborted together. kafkajs' TxnOffsetCommit carries
 * only the group id, not the member and generation (KIP-447's consumer.groupMetadata()): fencing
 * rests on the transactional.id, stable per lab consumer, so a restarted consumer's
 * InitProducerId fences its zombie and aborts the zombie's open transaction.
 */
export class TransactionalOutput {
  private readonly producer: Producer;
  private txn: Transaction | null = null;
  private openedAt = 0;
  private buffer: Message[] = [];
  private bufferedAt = 0;
  private offsets = new Map<number, number>();
  private deadLetters: PendingDeadLetter[] = [];

  constructor(
    kafka: Kafka,
    private readonly settings: TransactionalSettings,
  ) {
    this.producer = kafka.producer({
      transactionalId: settings.transactionalId,
      transactionTimeout: TRANSACTION_TIMEOUT_MS,
      idempotent: true,
      maxInFlightRequests: 1,
    });
  }

  /** InitProducerId: bumps the epoch of this transactional.id, fencing any older process. */
  connect(): Promise<void> {
    return this.producer.connect();
  }

  get open(): boolean {
    return this.txn !== null;
  }

  /** True when the open transaction should commit now. */
  due(now = Date.now()): boolean {
    return this.txn !== null && now - this.openedAt >= MAX_TRANSACTION_AGE_MS;
  }

  private async transaction(): Promise<Transaction> {
    if (this.txn) return this.txn;
    this.txn = await this.producer.transaction();
    this.openedAt = Date.now();
    return this.txn;
  }

  /** The transformed message, to the same partition of `<topic>.out` (same partition count). */
  async output(partition: number, message: KafkaMessage): Promise<void> {
    const txn = await this.transaction();
    const value = message.value === null ? null : message.value.toString();
    this.buffer.push({
      key: message.key,
      value: value === null ? null : transformValue(value, partition, Number(message.offset)),
      partition,
    });
    if (this.buffer.length === 1) this.bufferedAt = Date.now();
    const old = Date.now() - this.bufferedAt >= OUTPUT_FLUSH_MS;
    if (this.buffer.length >= OUTPUT_FLUSH_COUNT || old) await this.flushOutput(txn);
  }

  /** A poison message into the DLQ, inside the transaction; resolves with its DLQ offset. */
  async deadLetter(
    partition: number,
    message: KafkaMessage,
    error: string,
    attempts: number,
  ): Promise<number> {
    const txn = await this.transaction();
    const [meta] = await txn.send({
      topic: this.settings.dlqTopic,
      messages: [deadLetterRecord(this.settings, partition, message, error, attempts)],
    });
    const dlqOffset = Number(meta?.baseOffset ?? -1);
    this.deadLetters.push({
      partition,
      offset: Number(message.offset),
      attempts,
      error,
      dlqOffset,
    });
    return dlqOffset;
  }

  /** The next offset to consume on `partition`, to be committed with the transaction. */
  consumed(partition: number, next: number): void {
    this.offsets.set(partition, next);
  }

  /** sendOffsets + EndTxn(commit); null when no transaction was open. Throws when not committed. */
  async commit(): Promise<CommittedTransaction | null> {
    const txn = this.txn;
    if (!txn) return null;
    try {
      await this.flushOutput(txn);
      const offsets = [...this.offsets].map(([partition, offset]) => ({ partition, offset }));
      if (offsets.length > 0) {
        await txn.sendOffsets({
          consumerGroupId: this.settings.groupId,
          topics: [
            {
              topic: this.settings.topic,
              partitions: offsets.map((o) => ({
                partition: o.partition,
                offset: String(o.offset),
              })),
            },
          ],
        });
      }
      await txn.commit();
      return { offsets, deadLetters: this.deadLetters };
    } catch (error) {
      await txn.abort().catch(() => undefined);
      throw error;
    } finally {
      this.reset();
    }
  }

  /** Everything of the open transaction is discarded: read_committed readers never see it. */
  async abort(): Promise<void> {
    const txn = this.txn;
    this.reset();
    await txn?.abort().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.abort();
    await this.producer.disconnect().catch(() => undefined);
  }

  private async flushOutput(txn: Transaction): Promise<void> {
    if (this.buffer.length === 0) return;
    const messages = this.buffer;
    this.buffer = [];
    await txn.send({ topic: this.settings.outputTopic, messages });
  }

  private reset(): void {
    this.txn = null;
    this.buffer = [];
    this.offsets = new Map();
    this.deadLetters = [];
  }
}

/** kafkajs' names for "a newer process took over this transactional.id". */
export function isFenced(error: unknown): boolean {
  const type = (error as { type?: string } | null)?.type ?? '';
  return type === 'INVALID_PRODUCER_EPOCH' || type === 'PRODUCER_FENCED';
}
