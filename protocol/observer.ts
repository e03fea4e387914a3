import { z } from 'zod';

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
  z.object({ op: z.literal('offsetsForTimes'), topic: topicName, timestamp: z.number().int() }),
  z.object({ op: z.literal('deleteGroup'), groupId }),
  z.object({ op: z.literal('setGroupConfig'), groupId, configs: configChanges }),
  z.object({ op: z.literal('topicConfig'), topic: topicName }),
  z.object({ op: z.literal('alterTopicConfig'), topic: topicName, configs: configChanges }),
  z.object({ op: z.literal('metrics') }),
  z.object({ op: z.literal('features') }),
  z.object({ op: z.literal('tailCommits') }),
  z.object({ op: z.literal('reset') }),
  /** Liveness check; `delayMs` holds the answer back (tests of timeouts and crashes). */
  z.object({ op: z.literal('ping'), delayMs: z.number().int().min(0).max(60_000).optional() }),
]);
export type ObserverOp = z.infer<typeof observerOpSchema>;
export type ObserverOpName = ObserverOp['op'];
export type ObserverRequest = ObserverOp & { id: number };

const topicPartitions = z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) }));

/** Group types and states exactly as Kafka names them (GroupType/GroupState); mapped server side. */
export const wireMemberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  groupInstanceId: z.string().nullable(),
  assignments: topicPartitions,
  targetAssignments: topicPartitions.nullable(),
  memberEpoch: z.number().nullable(),
  upgraded: z.boolean().nullable(),
});

export const wireGroupSchema = z.object({
  groupId: z.string(),
  type: z.string(),
  state: z.string(),
  protocol: z.string(),
  protocolType: z.string(),
  groupEpoch: z.number().nullable(),
  assignmentEpoch: z.number().nullable(),
  members: z.array(wireMemberSchema),
  /** null when `offsets` was not asked for. */
  offsets: z
    .array(z.object({ topic: z.string(), partition: z.number(), offset: z.number().nullable() }))
    .nullable(),
});

export const wirePartitionSchema = z.object({
  partition: z.number(),
  /** -1 while the partition has no leader. */
  leader: z.number(),
  replicas: z.array(z.number()),
  isr: z.array(z.number()),
  /** null when `offsets` was not asked for. */
  logStartOffset: z.number().nullable(),
  logEndOffset: z.number().nullable(),
});

export const wireTopicSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.array(wirePartitionSchema),
});

export const wireClusterSchema = z.object({
  clusterId: z.string(),
  controller: z.number().nullable(),
  brokers: z.array(z.object({ nodeId: z.number(), host: z.string(), port: z.number() })),
});

/** Each section is present exactly when its part was asked for. */
export const wireObservationSchema = z.object({
  at: z.number(),
  cluster: wireClusterSchema.optional(),
  topics: z.array(wireTopicSchema).optional(),
  groups: z.array(wireGroupSchema).optional(),
});
export type WireObservation = z.infer<typeof wireObservationSchema>;
export type WireGroup = z.infer<typeof wireGroupSchema>;
export type WireTopic = z.infer<typeof wireTopicSchema>;

const done = z.object({ done: z.literal(true) });

/** What each op answers with when ok. */
export const observerResultSchemas = {
  observe: wireObservationSchema,
  createTopic: z.object({ created: z.boolean() }),
  addPartitions: done,
  deleteTopic: done,
  setOffsets: done,
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
  }),
  features: z.object({ finalized: z.record(z.string(), z.number()) }),
  tailCommits: z.object({ mode: z.literal('tail'), partitions: z.number() }),
  reset: z.object({ reset: z.literal(true) }),
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

/** Facts the JVM reports on its own. The commit stream's events come at most every 50 ms. */
export const observerEventSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('ready'), pid: z.number() }),
  /** The start line could not be used (bad properties): the JVM exits right after. */
  z.object({ event: z.literal('fatal'), error: observerErrorSchema }),
  z.object({ event: z.literal('commits'), commits: z.array(commitSchema) }),
  /** Tombstones: offsets deleted (expiry, DeleteGroups, OffsetDelete). */
  z.object({
    event: z.literal('offsets-deleted'),
    offsets: z.array(
      z.object({ groupId: z.string(), topic: z.string(), partition: z.number(), at: z.number() }),
    ),
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
