import { z } from 'zod';
import { nodeStatusSchema } from './cluster-nodes';
import { ACKS_MODES, KEY_MODES } from './commands';
import { experimentRunSchema } from './experiments';
import { consumerSchema, errorInfoSchema, groupSchema, groupSummarySchema } from './group';

// Group and node shapes live in their own files; re-exported so `protocol/snapshot` stays the one import.
export * from './cluster-nodes';
export * from './group';

export const brokerSchema = z.object({ nodeId: z.number(), host: z.string(), port: z.number() });

export const clusterSchema = z.object({
  clusterId: z.string(),
  /** The active KRaft controller (the metadata quorum's leader) when the cluster says. */
  controller: z.number().nullable(),
  /** Live brokers. */
  brokers: z.array(brokerSchema),
  /** Registered but fenced by the controller: killed and not yet gone, or still starting. */
  fencedBrokers: z.array(brokerSchema).optional(),
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
  /** A lab topic's retention.*, segment.* and min.insync.replicas, as Kafka last described them. */
  configs: z.record(z.string(), z.string().nullable()).nullable().optional(),
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
  lastError: errorInfoSchema.nullable(),
  ackedPerSec: z.number(),
  lastOffsets: z.array(z.object({ partition: z.number(), offset: z.number() })),
  /** The share of trades sent as poison, and how many were acked so far. */
  poisonPercent: z.number().optional(),
  poisonSent: z.number().optional(),
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
  /**
   * How commits reach the page: `tail` reads __consumer_offsets as it is written (real time);
   * `polling` asks for committed offsets each poll (the cluster refused reading that topic).
   */
  commitStream: z.object({
    mode: z.enum(['tail', 'polling', 'off']),
    reason: z.string().nullable(),
  }),
  /** How often the whole cluster is read: POLL_INTERVAL_MS, or longer on a big cluster. */
  pollIntervalMs: z.number(),
});

export const snapshotSchema = z.object({
  version: z.number(),
  at: z.number(),
  connection: connectionSchema,
  cluster: clusterSchema.nullable(),
  topics: z.array(topicSchema),
  /** Every group, one row each. */
  overview: z.array(groupSummarySchema),
  /**
   * Groups in full (board, bars, offsets). Over the API: all of them. To a page: the lab's groups
   * and the ones a page has open, so that thousands of groups cost rows, not panels.
   */
  groups: z.array(groupSchema),
  consumers: z.array(consumerSchema),
  producer: producerSchema.nullable(),
  /** The last run of each experiment. */
  experiments: z.array(experimentRunSchema),
  /** Each node: the lab's own JVMs joined with Kafka's view (see node-view.ts). */
  nodes: z.array(nodeStatusSchema),
});

export type Broker = z.infer<typeof brokerSchema>;
export type Cluster = z.infer<typeof clusterSchema>;
export type PartitionInfo = z.infer<typeof partitionSchema>;
export type TopicInfo = z.infer<typeof topicSchema>;
export type ProducerInfo = z.infer<typeof producerSchema>;
export type ConnectionInfo = z.infer<typeof connectionSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotSection = Exclude<keyof Snapshot, 'version' | 'at'>;
