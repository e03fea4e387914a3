import { z } from 'zod';

/**
 * Timings every lab consumer keeps, kafkajs and Java alike. Defined here only: each consumer is
 * sent them in its start command (WorkerConfig.timings), so no worker has a copy of its own.
 */
export const WORKER_TIMINGS = {
  /** Progress reports go out at most this often. */
  progressFlushMs: 100,
  /** after-processing commits this often (auto commits every autoCommitIntervalMs). */
  promptCommitMs: 200,
  /** The server is gone: the consumer leaves politely, but exits after this long regardless. */
  parentGoneExitMs: 3000,
  /** Clients learn of added partitions on a metadata refresh; Kafka's default is 5 min. */
  metadataMaxAgeMs: 3000,
  /** exactly-once: an open transaction is committed once it is this old. */
  maxTransactionAgeMs: 1000,
  /** exactly-once: transaction.timeout.ms of the consumer's transactional producer. */
  transactionTimeoutMs: 15_000,
  /** Retry + DLQ: the longest wait between two attempts (the backoff doubles up to it). */
  maxRetryDelayMs: 30_000,
} as const;

export type WorkerTimings = { [K in keyof typeof WORKER_TIMINGS]: number };

const ms = z.number().int().positive();
export const workerTimingsSchema = z.strictObject({
  progressFlushMs: ms,
  promptCommitMs: ms,
  parentGoneExitMs: ms,
  metadataMaxAgeMs: ms,
  maxTransactionAgeMs: ms,
  transactionTimeoutMs: ms,
  maxRetryDelayMs: ms,
}) satisfies z.ZodType<WorkerTimings>;
