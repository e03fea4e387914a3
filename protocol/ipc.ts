import { z } from 'zod';
import { deadLetterSchema, retryAttemptSchema } from './group';
import { kafkajsSecuritySchema } from './security';
import { SHARE_OUTCOMES } from './share';
import { labGroupConfigSchema } from './snapshot';
import { workerTimingsSchema } from './worker-timings';

/**
 * The contract between the server and one lab consumer process, whatever its client: the kafkajs
 * worker speaks it over Node's IPC channel, the Java worker as JSON lines on stdin/stdout.
 */
export const topicPartitionsSchema = z.array(
  z.object({ topic: z.string(), partitions: z.array(z.number()) }),
);
export type TopicPartitions = z.infer<typeof topicPartitionsSchema>;
const offsets = z.array(z.object({ topic: z.string(), partition: z.number(), offset: z.number() }));

/** What a lab consumer is told when it starts (the `start` command), validated in the child. */
export const workerConfigSchema = labGroupConfigSchema.extend({
  consumerId: z.string(),
  /** The client id Kafka shows for this member (see labClientId). */
  clientId: z.string(),
  brokers: z.array(z.string()),
  /** Extra client properties in Kafka's names (security.protocol, sasl.*, ssl.*): never logged. */
  clientProperties: z.record(z.string(), z.string()),
  /** The same security for a kafkajs worker; null: PLAINTEXT. */
  kafkajs: kafkajsSecuritySchema.nullable(),
  /** group.instance.id when the group uses static membership. */
  groupInstanceId: z.string().nullable(),
  delayMs: z.number(),
  /** The producer run whose `seq` numbers the audit counts. */
  runId: z.string(),
  /** WORKER_TIMINGS, the one place they are defined. */
  timings: workerTimingsSchema,
  /** exactly-once: this process's transactional.id, stable per lab consumer (fences its zombie). */
  transactionalId: z.string().nullable().optional(),
  /** exactly-once: where transformed messages go (`<topic>.out`). */
  outputTopic: z.string().nullable().optional(),
  /** Retry + DLQ: where poison messages go after the last attempt (`<topic>.dlq`). */
  dlqTopic: z.string().nullable().optional(),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

/** Child → server. */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number() }),
  /**
   * This member's assignment after a rebalance completed for it. `assignment` is all it owns now,
   * `added` what it did not own before. Eager clients revoke everything first, so added = all.
   */
  z.object({
    type: z.literal('joined'),
    memberId: z.string(),
    /** Classic: the generation id. KIP-848: the member epoch. */
    generationId: z.number().nullable(),
    leaderId: z.string().nullable(),
    isLeader: z.boolean(),
    protocol: z.string().nullable(),
    assignment: topicPartitionsSchema,
    added: topicPartitionsSchema,
    durationMs: z.number().nullable(),
    at: z.number(),
  }),
  /** Partitions taken from this member; `lost`: taken without a chance to commit (onPartitionsLost). */
  z.object({
    type: z.literal('revoked'),
    partitions: topicPartitionsSchema,
    lost: z.boolean(),
    at: z.number(),
  }),
  z.object({ type: z.literal('rebalancing'), memberId: z.string().nullable(), at: z.number() }),
  z.object({
    type: z.literal('heartbeat'),
    memberId: z.string(),
    generationId: z.number(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('progress'),
    /**
     * Next offset to process per partition (last processed + 1). `first`: the first offset this
     * member processed on the partition since it got it, in the report that holds that record;
     * the server compares it with the group's committed offset to tell a jump at assignment
     * (the committed offset deleted by retention) that the member itself cannot see.
     */
    processed: z.array(
      z.object({
        topic: z.string(),
        partition: z.number(),
        offset: z.number(),
        first: z.number().optional(),
      }),
    ),
    /** `seq` of every processed message of the current producer run, in order. */
    seqs: z.array(z.number()),
    count: z.number(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('committed'),
    generationId: z.number().nullable(),
    offsets,
    at: z.number(),
  }),
  retryAttemptSchema.extend({ type: z.literal('retry') }),
  /**
   * The last attempt failed: the message is in the DLQ at `dlqOffset` (committed there, under
   * exactly-once) and the consumer moves past it.
   */
  deadLetterSchema.omit({ consumerId: true }).extend({ type: z.literal('dead-lettered') }),
  /** The client left the group on its own: max.poll.interval.ms ran out since its last poll. */
  z.object({
    type: z.literal('left'),
    reason: z.literal('max-poll-interval'),
    pollGapMs: z.number(),
    at: z.number(),
  }),
  /**
   * A share member's records since its last report (KIP-932): `acquired` as poll() handed them
   * out, locked for this member with Kafka's delivery count; `acknowledged` once Kafka confirmed
   * the acknowledgement. `lockMs`: the lock duration the last fetch reported.
   */
  z.object({
    type: z.literal('share-records'),
    acquired: z.array(
      z.object({
        topic: z.string(),
        partition: z.number(),
        offset: z.number(),
        deliveryCount: z.number(),
        at: z.number(),
      }),
    ),
    acknowledged: z.array(
      z.object({
        topic: z.string(),
        partition: z.number(),
        offset: z.number(),
        outcome: z.enum(SHARE_OUTCOMES),
        at: z.number(),
      }),
    ),
    lockMs: z.number().nullable(),
    at: z.number(),
  }),
  z.object({ type: z.literal('error'), message: z.string(), at: z.number() }),
  z.object({ type: z.literal('stopped'), at: z.number() }),
  /**
   * The next record of a partition came after the offset this member expected (its last processed
   * + 1): the client's position was reset (OFFSET_OUT_OF_RANGE, then auto.offset.reset). Why the
   * offsets between were never read is the server's to say (deleted by retention, or skipped).
   */
  z.object({
    type: z.literal('offset-jump'),
    topic: z.string(),
    partition: z.number(),
    from: z.number(),
    to: z.number(),
    at: z.number(),
  }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** Server → child. `start` comes first and once; secrets travel here, never in argv. */
export const workerCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), config: workerConfigSchema }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('slow'), delayMs: z.number() }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('rejoin') }),
]);
export type WorkerCommand = z.infer<typeof workerCommandSchema>;
