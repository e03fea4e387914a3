/**
 * Batch commits, exactly-once and retry + DLQ (course lessons 3 and 4): the limits, the derived
 * topic names and the DLQ headers, declared once for the API, the page, the server and both workers
 * (the Java worker gets the names in its WorkerConfig, the header names are mirrored in
 * DeadLetters.java).
 */

export const BATCH_COMMIT_EVERY = { min: 1, max: 10_000, default: 100 } as const;
export const BATCH_COMMIT_INTERVAL_MS = { min: 100, max: 60_000, default: 5000 } as const;
/** Processing attempts in all: 1 sends a poison message to the DLQ after its first failure. */
export const RETRY_ATTEMPTS = { min: 1, max: 10, default: 3 } as const;
/** The first retry's delay; each next one doubles (capped by MAX_RETRY_DELAY_MS). */
export const RETRY_BACKOFF_MS = { min: 10, max: 10_000, default: 100 } as const;
export const POISON_PERCENT = { min: 0, max: 100 } as const;
/** The dead-lettered entries a group panel lists, newest first. */
export const MAX_RECENT_DEAD_LETTERS = 50;

const OUTPUT_SUFFIX = '.out';
const DLQ_SUFFIX = '.dlq';
/** Kafka's topic names stop at 249 characters; the suffixes must still fit. */
export const MAX_DERIVED_BASE_LENGTH = 249 - Math.max(OUTPUT_SUFFIX.length, DLQ_SUFFIX.length);

/** Where an exactly-once group writes what it consumed, transformed. */
export function outputTopicOf(topic: string): string {
  return `${topic}${OUTPUT_SUFFIX}`;
}

/** Where a group with retry + DLQ sends messages it gave up on. */
export function dlqTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/**
 * Headers of a dead-lettered record (its key and value are the original ones), in the spirit of
 * Kafka Connect's errors.deadletterqueue.context.headers.enable (__connect.errors.topic, …).
 */
export const DLQ_HEADERS = {
  topic: 'dlq.origin.topic',
  partition: 'dlq.origin.partition',
  offset: 'dlq.origin.offset',
  error: 'dlq.error',
  attempts: 'dlq.attempts',
  consumer: 'dlq.consumer',
} as const;

/** The group:create fields of this file, as the command carries them (all optional). */
export interface DeliveryInput {
  topic: string;
  commitMode: string;
  batchCommitEvery?: number | undefined;
  batchCommitIntervalMs?: number | undefined;
  dlq?: boolean | undefined;
  retryAttempts?: number | undefined;
  retryBackoffMs?: number | undefined;
}

/** A topic too long for its derived topics. */
export function deliveryProblems(input: DeliveryInput): { field: string; message: string }[] {
  // Fields given where they mean nothing are refused by the commands' one rule (FIELD_APPLIES).
  const problems: { field: string; message: string }[] = [];
  const derives = input.dlq === true || input.commitMode === 'exactly-once';
  if (derives && input.topic.length > MAX_DERIVED_BASE_LENGTH) {
    problems.push({
      field: 'topic',
      message: `topic must be at most ${MAX_DERIVED_BASE_LENGTH} characters with dlq or exactly-once (it gets a ${OUTPUT_SUFFIX} or ${DLQ_SUFFIX} topic)`,
    });
  }
  return problems;
}

export interface BatchSettings {
  every: number;
  intervalMs: number;
}

export interface RetrySettings {
  attempts: number;
  backoffMs: number;
}

/** The group's batch and retry settings with defaults filled in; null where the mode is off. */
export function deliveryConfigOf(input: DeliveryInput): {
  batch: BatchSettings | null;
  retry: RetrySettings | null;
} {
  return {
    batch:
      input.commitMode === 'batch'
        ? {
            every: input.batchCommitEvery ?? BATCH_COMMIT_EVERY.default,
            intervalMs: input.batchCommitIntervalMs ?? BATCH_COMMIT_INTERVAL_MS.default,
          }
        : null,
    retry:
      input.dlq === true
        ? {
            attempts: input.retryAttempts ?? RETRY_ATTEMPTS.default,
            backoffMs: input.retryBackoffMs ?? RETRY_BACKOFF_MS.default,
          }
        : null,
  };
}
