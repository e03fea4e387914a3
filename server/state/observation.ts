import type { Cluster, GroupState } from '../../protocol/snapshot';

/** What one observation of the cluster saw, already converted from the client's shapes to ours. */
export interface ObservedPartition {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  logStartOffset: number;
  logEndOffset: number;
}

export interface ObservedTopic {
  name: string;
  internal: boolean;
  partitions: ObservedPartition[];
}

export type TopicPartitions = { topic: string; partitions: number[] }[];

/** Kafka 4's group types (ListGroups' groupType); `unknown` when the broker does not say. */
export type GroupType = 'classic' | 'consumer' | 'share' | 'streams' | 'unknown';

export interface ObservedMember {
  memberId: string;
  clientId: string;
  host: string;
  /** Static membership's group.instance.id, when the member has one. */
  groupInstanceId: string | null;
  /** What the member owns now (classic: its SyncGroup assignment). */
  assignments: TopicPartitions;
  /** KIP-848 only: what the coordinator wants it to own; differs from `assignments` while reconciling. */
  targetAssignments: TopicPartitions | null;
  /** KIP-848 only: the member's epoch. */
  memberEpoch: number | null;
  /** KIP-848 group: false for a member still on the classic protocol; null for other groups. */
  upgraded: boolean | null;
}

export interface ObservedGroup {
  groupId: string;
  type: GroupType;
  state: GroupState;
  /** The assignor: classic groups' protocol name, KIP-848's remote assignor. */
  protocol: string;
  protocolType: string;
  /** KIP-848 (and share) groups: the group epoch and the target assignment's epoch. */
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  members: ObservedMember[];
  /**
   * Committed offsets as Kafka returns them; null where none. Share groups: the share-partition
   * start offset (SPSO), and `lag`, Kafka's share lag (log end − SPSO − records done beyond it).
   */
  offsets: { topic: string; partition: number; offset: number | null; lag?: number | null }[];
}

export interface AdminObservation {
  at: number;
  cluster: Cluster;
  topics: ObservedTopic[];
  groups: ObservedGroup[];
}
