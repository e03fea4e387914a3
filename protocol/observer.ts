import { z } from 'zod';
import { wireObservationSchema } from './observer-observation';
import { readRecordsQuerySchema, readRecordsResultSchema } from './records';

/**
 * The contract between the server and the observer JVM (server/jvm/java/offsetlab/Observer.java):
 * JSON lines, a `start` line first, then requests with ids, answered in any order, plus events.
 */
export const OBSERVE_PARTS = ['cluster', 'topics', 'groups', 'offsets'] as const;
export type ObservePart = (typeof OBSERVE_PARTS)[number];

export const OBSERVER_ERROR_KINDS = [
  'unreachable',
  'authentication',
  'ssl',
  'authorization',
  'not-empty',
  'unknown-group',
  'unknown-topic',
  'exists',
  'invalid',
  'timeout',
  'other',
  /** Server side only: the JVM exited (or could not start) while the request was pending. */
  'jvm-exited',
] as const;
export type ObserverErrorKind = (typeof OBSERVER_ERROR_KINDS)[number];

/** Extra Kafka client properties (security.protocol, sasl.*, ssl.*): never printed by either side. */
export const clientPropertiesSchema = z.record(z.string(), z.string());

export const observerStartSchema = z.object({
  type: z.literal('start'),
  bootstrap: z.string().min(1),
  clientProperties: clientPropertiesSchema,
  /** The Admin's default.api.timeout.ms: how long one call may retry before failing. */
  apiTimeoutMs: z.number().int().positive().optional(),
});
export type ObserverStart = z.infer<typeof observerStartSchema>;

const topicName = z.string().min(1);
const groupId = z.string().min(1);
/** incrementalAlterConfigs: a value sets the config, null deletes it (back to the default). */
const configChanges = z.record(z.string(), z.string().nullable());

/** Requests without their id: what callers build. */
export const observerOpSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('observe'),
    parts: z.array(z.enum(OBSERVE_PARTS)).optional(),
    /** Only these groups (e.g. the ones a groups-changed event named). */
    groupIds: z.array(z.string()).optional(),
  }),
  z.object({
    op: z.literal('createTopic'),
    topic: topicName,
    partitions: z.number().int().positive(),
    replicationFactor: z.number().int().positive(),
    configs: z.record(z.string(), z.string()).optional(),
  }),
  z.object({
    op: z.literal('addPartitions'),
    topic: topicName,
    count: z.number().int().positive(),
  }),
  z.object({ op: z.literal('deleteTopic'), topic: topicName }),
  z.object({
    op: z.literal('setOffsets'),
    groupId,
    offsets: z
      .array(
        z.object({
          topic: topicName,
          partition: z.number().int().min(0),
          offset: z.number().int().min(0),
        }),
      )
      .min(1),
  }),
  z.object({
    op: z.literal('deleteOffsets'),
    groupId,
    topic: topicName,
    partitions: z.array(z.number().int().min(0)).min(1),
  }),
  z.object({ op: z.literal('offsetsForTimes'), topic: topicName, timestamp: z.number().int() }),
  z.object({ op: z.literal('deleteGroup'), groupId }),
  z.object({ op: z.literal('setGroupConfig'), groupId, configs: configChanges }),
  z.object({ op: z.literal('topicConfig'), topic: topicName }),
  z.object({ op: z.literal('alterTopicConfig'), topic: topicName, configs: configChanges }),
  z.object({ op: z.literal('metrics') }),
  z.object({ op: z.literal('features') }),
  z.object({ op: z.literal('tailCommits') }),
  z.object({ op: z.literal('reset') }),
  /** One page of a partition for the message browser, read without a group. */
  readRecordsQuerySchema.extend({
    op: z.literal('readRecords'),
    timeoutMs: z.number().int().min(500).max(10_000).optional(),
  }),
  /**
   * The timestamp of the record at (or, compacted away, after) each offset: lag in time when the
   * server's log-end history does not reach back that far. Read without a group.
   */
  z.object({
    op: z.literal('recordTimes'),
    partitions: z
      .array(
        z.object({
          topic: topicName,
          partition: z.number().int().min(0),
          offset: z.number().int().min(0),
        }),
      )
      .min(1)
      .max(1000),
    timeoutMs: z.number().int().min(500).max(10_000).optional(),
  }),
  /** Liveness check; `delayMs` holds the answer back (tests of timeouts and crashes). */
  z.object({ op: z.literal('ping'), delayMs: z.number().int().min(0).max(60_000).optional() }),
]);
export type ObserverOp = z.infer<typeof observerOpSchema>;
export type ObserverOpName = ObserverOp['op'];
export type ObserverRequest = ObserverOp & { id: number };

const done = z.object({ done: z.literal(true) });

/** What each op answers with when ok. */
export const observerResultSchemas = {
  observe: wireObservationSchema,
  createTopic: z.object({ created: z.boolean() }),
  addPartitions: done,
  deleteTopic: done,
  setOffsets: done,
  deleteOffsets: done,
  offsetsForTimes: z.object({
    offsets: z.array(z.object({ partition: z.number(), offset: z.number().nullable() })),
  }),
  deleteGroup: done,
  setGroupConfig: done,
  topicConfig: z.object({ configs: z.record(z.string(), z.string().nullable()) }),
  alterTopicConfig: done,
  metrics: z.object({
    adminRequestTotal: z.number(),
    adminRequestRate: z.number(),
    tailRequestTotal: z.number(),
    tailRequestRate: z.number(),
    /** Records the commit tail has read from __consumer_offsets. */
    tailRecordsTotal: z.number(),
  }),
  features: z.object({ finalized: z.record(z.string(), z.number()) }),
  tailCommits: z.object({ mode: z.literal('tail'), partitions: z.number() }),
  reset: z.object({ reset: z.literal(true) }),
  readRecords: readRecordsResultSchema,
  recordTimes: z.object({
    records: z.array(
      z.object({
        topic: z.string(),
        partition: z.number(),
        /** The offset asked about. */
        offset: z.number(),
        logStartOffset: z.number(),
        logEndOffset: z.number(),
        /** The record read: at `offset`, after it (compacted), or at the log start (deleted). */
        recordOffset: z.number().nullable(),
        timestamp: z.number().nullable(),
        /** No answer before the deadline: unknown, not "nothing to read". */
        timedOut: z.boolean(),
      }),
    ),
  }),
  ping: z.object({ pong: z.literal(true) }),
} satisfies Record<ObserverOpName, z.ZodType>;
export type ObserverResult<K extends ObserverOpName> = z.infer<(typeof observerResultSchemas)[K]>;

export const observerErrorSchema = z.object({
  kind: z.enum(OBSERVER_ERROR_KINDS),
  message: z.string(),
});
export type ObserverErrorBody = z.infer<typeof observerErrorSchema>;

export const observerResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number(), ok: z.literal(false), error: observerErrorSchema }),
]);

export const commitSchema = z.object({
  groupId: z.string(),
  topic: z.string(),
  partition: z.number(),
  offset: z.number(),
  /** The committing client's timestamp, as stored in the offset commit value. */
  commitTimestamp: z.number(),
  /** When the coordinator appended it to __consumer_offsets (record timestamp). */
  at: z.number(),
});
export type ObservedCommit = z.infer<typeof commitSchema>;

/** A tombstone in __consumer_offsets: the group no longer has an offset for the partition. */
export const deletedOffsetSchema = z.object({
  groupId: z.string(),
  topic: z.string(),
  partition: z.number(),
  at: z.number(),
});
export type DeletedOffset = z.infer<typeof deletedOffsetSchema>;

/** Facts the JVM reports on its own. The commit stream's events come at most every 50 ms. */
export const observerEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('ready'), pid: z.number() }),
  /** The start line could not be used (bad properties): the JVM exits right after. */
  z.object({ event: z.literal('fatal'), error: observerErrorSchema }),
  z.object({ event: z.literal('commits'), commits: z.array(commitSchema) }),
  /** Tombstones: offsets deleted (expiry, DeleteGroups, OffsetDelete). */
  z.object({
    event: z.literal('offsets-deleted'),
    offsets: z.array(deletedOffsetSchema),
  }),
  /** Membership or assignment records were written for these groups: describe them again. */
  z.object({ event: z.literal('groups-changed'), groupIds: z.array(z.string()) }),
  /** `tail` while __consumer_offsets is read; `polling` when it cannot be (reason says why). */
  z.object({
    event: z.literal('commit-stream'),
    mode: z.enum(['tail', 'polling']),
    reason: z.string().nullable(),
  }),
]);
export type ObserverEvent = z.infer<typeof observerEventSchema>;
export type CommitStreamEvent = Exclude<ObserverEvent, { event: 'ready' | 'fatal' }>;

export const observerMessageSchema = z.union([observerResponseSchema, observerEventSchema]);
export type ObserverMessage = z.infer<typeof observerMessageSchema>;
