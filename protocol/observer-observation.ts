import { z } from 'zod';

/**
 * The observer JVM's answer to `observe` (see protocol/observer.ts): the AdminObservation shape,
 * with group types and states exactly as Kafka names them (GroupType/GroupState), mapped server side.
 */
const topicPartitions = z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) }));

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
    .array(
      z.object({
        topic: z.string(),
        partition: z.number(),
        offset: z.number().nullable(),
        /** Share groups only: Kafka's share lag (KIP-1226); null until the broker knows it. */
        lag: z.number().nullable().optional(),
      }),
    )
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
  /** Registered, fenced brokers (DescribeCluster with includeFencedBrokers). */
  fencedBrokers: z
    .array(z.object({ nodeId: z.number(), host: z.string(), port: z.number() }))
    .optional(),
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
