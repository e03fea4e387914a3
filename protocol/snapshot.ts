import { z } from 'zod';
import { ACKS_MODES, COMMIT_MODES, KEY_MODES, OFFSET_RESETS } from './commands';
import { ASSIGNORS, CONSUMER_CLIENTS, GROUP_PROTOCOLS } from './consumer-kinds';

export const GROUP_STATES = [
  'Stable',
  'PreparingRebalance',
  'CompletingRebalance',
  // KIP-848 consumer groups: a new target assignment is being computed, then handed out.
  'Assigning',
  'Reconciling',
  'Empty',
  'Dead',
  'Unknown',
] as const;

export const CONSUMER_STATUSES = [
  'starting',
  'joining',
  'running',
  'paused',
  'stopping',
  'stopped',
  'crashed',
] as const;

export const brokerSchema = z.object({ nodeId: z.number(), host: z.string(), port: z.number() });

export const clusterSchema = z.object({
  clusterId: z.string(),
  controller: z.number().nullable(),
  brokers: z.array(brokerSchema),
});

export const partitionSchema = z.object({
  partition: z.number(),
  leader: z.number(),
  replicas: z.array(z.number()),
  isr: z.array(z.number()),
  logStartOffset: z.number(),
  logEndOffset: z.number(),
  /** Messages appended per second over the last poll interval. */
  messagesPerSec: z.number(),
});

export const topicSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  lab: z.boolean(),
  partitions: z.array(partitionSchema),
});

export const memberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) })),
  /** The lab consumer behind this member, when it is one of ours. */
  consumerId: z.string().nullable(),
});

export const groupOffsetSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  logStartOffset: z.number(),
  committedOffset: z.number().nullable(),
  processedOffset: z.number().nullable(),
  logEndOffset: z.number(),
  lag: z.number(),
  memberId: z.string().nullable(),
});

export const labGroupConfigSchema = z.object({
  groupId: z.string(),
  topic: z.string(),
  client: z.enum(CONSUMER_CLIENTS),
  protocol: z.enum(GROUP_PROTOCOLS),
  assignor: z.enum(ASSIGNORS),
  staticMembership: z.boolean(),
  /** Java only: max.poll.interval.ms; null means the client's default. */
  maxPollIntervalMs: z.number().nullable(),
  commitMode: z.enum(COMMIT_MODES),
  autoCommitIntervalMs: z.number(),
  offsetReset: z.enum(OFFSET_RESETS),
  sessionTimeoutMs: z.number(),
  heartbeatIntervalMs: z.number(),
});

export const groupSchema = z.object({
  groupId: z.string(),
  lab: z.boolean(),
  state: z.enum(GROUP_STATES),
  protocol: z.string(),
  protocolType: z.string(),
  generationId: z.number().nullable(),
  members: z.array(memberSchema),
  offsets: z.array(groupOffsetSchema),
  totalLag: z.number(),
  topics: z.array(z.string()),
  config: labGroupConfigSchema.nullable(),
  /** Set while a rebalance is in progress: when it started (epoch ms) and why. */
  rebalance: z.object({ startedAt: z.number(), reason: z.string() }).nullable(),
  audit: z
    .object({
      processed: z.number(),
      unique: z.number(),
      duplicates: z.number(),
      missing: z.number(),
    })
    .nullable(),
});

export const consumerSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  status: z.enum(CONSUMER_STATUSES),
  pid: z.number().nullable(),
  memberId: z.string().nullable(),
  generationId: z.number().nullable(),
  isLeader: z.boolean(),
  delayMs: z.number(),
  assignment: z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) })),
  processedCount: z.number(),
  crashedAt: z.number().nullable(),
  /** When the coordinator is expected to evict a crashed member: last heartbeat + session timeout. */
  evictionDueAt: z.number().nullable(),
  lastError: z.string().nullable(),
});

export const producerSchema = z.object({
  topic: z.string(),
  rate: z.number(),
  keyMode: z.enum(KEY_MODES),
  acks: z.enum(ACKS_MODES),
  idempotent: z.boolean(),
  paused: z.boolean(),
  sent: z.number(),
  acked: z.number(),
  failed: z.number(),
  inFlight: z.number(),
  lastError: z.string().nullable(),
  lastErrorAt: z.number().nullable(),
  ackedPerSec: z.number(),
  lastOffsets: z.array(z.object({ partition: z.number(), offset: z.number() })),
});

export const connectionSchema = z.object({
  kafka: z.enum(['connecting', 'connected', 'unreachable']),
  lastError: z.string().nullable(),
  since: z.number(),
  embeddedBroker: z.object({ running: z.boolean(), pid: z.number().nullable() }).nullable(),
  brokers: z.string(),
  /** monitor: an outside cluster, watched only (no lab topic, producer or group is created). */
  mode: z.enum(['lab', 'monitor']),
  /** READ_ONLY=1: every command is refused and the page shows no actions. */
  readOnly: z.boolean(),
});

export const snapshotSchema = z.object({
  version: z.number(),
  at: z.number(),
  connection: connectionSchema,
  cluster: clusterSchema.nullable(),
  topics: z.array(topicSchema),
  groups: z.array(groupSchema),
  consumers: z.array(consumerSchema),
  producer: producerSchema.nullable(),
});

export type Broker = z.infer<typeof brokerSchema>;
export type Cluster = z.infer<typeof clusterSchema>;
export type PartitionInfo = z.infer<typeof partitionSchema>;
export type TopicInfo = z.infer<typeof topicSchema>;
export type MemberInfo = z.infer<typeof memberSchema>;
export type GroupOffset = z.infer<typeof groupOffsetSchema>;
export type GroupInfo = z.infer<typeof groupSchema>;
export type GroupState = (typeof GROUP_STATES)[number];
export type LabGroupConfig = z.infer<typeof labGroupConfigSchema>;
export type ConsumerInfo = z.infer<typeof consumerSchema>;
export type ConsumerStatus = (typeof CONSUMER_STATUSES)[number];
export type ProducerInfo = z.infer<typeof producerSchema>;
export type ConnectionInfo = z.infer<typeof connectionSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotSection = Exclude<keyof Snapshot, 'version' | 'at'>;
