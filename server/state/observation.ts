import type { Cluster, GroupState } from '../../protocol/snapshot';

/** What one admin poll saw, already converted from kafkajs' shapes to ours. */
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

export interface ObservedMember {
  memberId: string;
  clientId: string;
  host: string;
  assignments: { topic: string; partitions: number[] }[];
}

export interface ObservedGroup {
  groupId: string;
  state: GroupState;
  protocol: string;
  protocolType: string;
  members: ObservedMember[];
  /** Committed offsets as Kafka returns them; null where nothing is committed. */
  offsets: { topic: string; partition: number; offset: number | null }[];
}

export interface AdminObservation {
  at: number;
  cluster: Cluster;
  topics: ObservedTopic[];
  groups: ObservedGroup[];
}
