import type { ShareCounts, ShareRecord } from '../../protocol/share';
import type { FlatText, Text } from '../../protocol/texts';

/** A timeline sentence: its text for the page, and the English for the API. */
export type Said = { text: Text; message: string };

import type { LabNode } from '../../protocol/cluster-nodes';
import type { ExperimentRun } from '../../protocol/experiments';
import type { TopicPartitions, WorkerMessage } from '../../protocol/ipc';
import type {
  ConnectionInfo,
  ConsumerPhase,
  ErrorInfo,
  LabGroupConfig,
  ProducerInfo,
  RebalanceSummary,
} from '../../protocol/snapshot';
import type { TimelineEvent } from '../../protocol/timeline';
import type { RecentRebalance } from '../domain/storm';
import type { DeadLetterRecord } from './dead-letters';
import type { AdminObservation } from './observation';
import type { UnreadCounts } from './offset-jumps';

/** One lab consumer: its lifecycle (phase) and what its own client reported. */
export interface ConsumerRecord {
  id: string;
  groupId: string;
  phase: ConsumerPhase;
  /** Which OS process this record describes; exits and messages of older ones are ignored. */
  incarnation: number;
  pid: number | null;
  memberId: string | null;
  generationId: number | null;
  isLeader: boolean;
  delayMs: number;
  /** The client's own view of what it owns, and when that last changed (null: nothing yet). */
  assignment: TopicPartitions;
  assignmentAt: number | null;
  lastHeartbeatAt: number | null;
  crashedAt: number | null;
  /** SIGSTOP'ed at this time (alive but silent); null while it runs. */
  frozenAt: number | null;
  lastError: ErrorInfo | null;
}

import type { PartitionKey } from '../../protocol/keys';

export type { PartitionKey };

import type { RebalanceStep } from '../../protocol/group';

export type { RebalanceStep };

export interface RebalanceRecord {
  startedAt: number;
  reason: FlatText;
  /** The latest lab event that moved it forward (the rebalance ends then); null: none yet. */
  lastEventAt: number | null;
  /** Time each partition had nobody processing it during this rebalance. */
  pausedMs: Record<PartitionKey, number>;
  /** Per lab consumer: partitions revoked and newly assigned during this rebalance. */
  moves: Record<string, { revoked: PartitionKey[]; added: PartitionKey[] }>;
  /** What lab members reported during it, in order: what a replay steps through. */
  steps?: RebalanceStep[];
}

/** What the lab knows of each group beyond Kafka's own view: rebalances and their causes. */
export interface GroupRuntime {
  rebalance: RebalanceRecord | null;
  lastRebalance: RebalanceSummary | null;
  /** The summaries before lastRebalance, newest first (EARLIER_REBALANCES at most). */
  earlierRebalances?: RebalanceSummary[];
  rebalanceEndedAt: number;
  /** Why the next rebalance is expected (join, leave, trigger…), with when. */
  cause: { reason: FlatText; at: number } | null;
  /** Partitions nobody processes right now (revoked, lost or owned by a crashed process), since when. */
  inTransit: Record<PartitionKey, number>;
  /** The rebalances of the last STORM_WINDOW_MS (when each started, why): the storm verdict. */
  recent?: RecentRebalance[];
}

/** The offsets a group had before its last reset: what `group:undo-reset` puts back. */
export interface ResetRecord {
  topic: string;
  /** null: the partition had no committed offset (undo deletes the one the reset wrote). */
  before: { partition: number; offset: number | null }[];
  at: number;
  detail: string;
}

export interface AuditSummary {
  processed: number;
  unique: number;
  duplicates: number;
  missing: number;
  /** Of the offsets the group never read: deleted by retention first / skipped by a reset. */
  deletedUnread?: number;
  skippedUnread?: number;
}

/** The audit of an exactly-once group's output topic, read with read_committed. */
export interface OutputAuditSummary extends AuditSummary {
  topic: string;
}

export interface LabState {
  version: number;
  connection: ConnectionInfo;
  observation: AdminObservation | null;
  /** partitionKey → messages/s, from the last two observations. */
  partitionRates: Record<string, number>;
  labGroups: Record<string, LabGroupConfig>;
  labTopics: string[];
  consumers: Record<string, ConsumerRecord>;
  groups: Record<string, GroupRuntime>;
  /** groupId → partitionKey → next offset the lab consumers will process. */
  processed: Record<string, Record<PartitionKey, number>>;
  /**
   * groupId → partition → the newest commit seen between polls, with when: acknowledged to a lab
   * consumer, or read from __consumer_offsets. Newer than the last observation, it is shown at
   * once instead of up to a poll later.
   */
  commits: Record<string, Record<PartitionKey, { offset: number; at: number }>>;
  /** Commits seen per group since the last aggregated timeline entry. */
  commitCounts: Record<string, number>;
  lastCommitFlushAt: number;
  consumedSinceTick: number;
  producer: ProducerInfo | null;
  /** topic → partition → last offset the producer got acknowledged: the log reaches at least there. */
  producedUpTo: Record<string, Record<number, number>>;
  /** Per topic and partition, the first offset the lab's producer wrote there in this run. */
  producedFrom: Record<string, Record<number, number>>;
  timeline: TimelineEvent[];
  nextEventId: number;
  /** The last run of each experiment. */
  experiments: Record<string, ExperimentRun>;
  /** groupId → its last offset reset, undoable. */
  resets: Record<string, ResetRecord>;
  /** groupId → retry + DLQ counts, recent dead letters and the timeline window (dead-letters.ts). */
  deadLetters: Record<string, DeadLetterRecord>;
  /** The JVMs the lab runs (its embedded Kafka), as the lab knows them; empty otherwise. */
  labNodes: LabNode[];
  /** groupId → offsets its members never read, and why (see offset-jumps.ts). */
  unread: Record<string, UnreadCounts>;
  /** Lab topics' settings, read from Kafka after each change (see topic:configure). */
  topicConfigs: Record<string, Record<string, string | null>>;
  /** Lab share groups: groupId → partition → its latest records as the members reported them. */
  shareRecords: Record<string, Record<PartitionKey, ShareRecord[]>>;
  /** Lab share members: consumer id → what it acquired and acknowledged. */
  shareCounts: Record<string, ShareCounts>;
}

export type LabAction =
  | { type: 'admin/observed'; observation: AdminObservation }
  | { type: 'admin/failed'; error: string; at: number }
  | {
      type: 'broker/changed';
      running: boolean;
      pid: number | null;
      at: number;
      /** Every JVM the lab runs, when it runs Kafka itself (see LabKafka.nodes). */
      nodes?: LabNode[];
    }
  | { type: 'group/registered'; config: LabGroupConfig; at: number }
  | { type: 'group/removed'; groupId: string; at: number }
  | {
      type: 'topic/changed';
      change: 'created' | 'partitions-added' | 'deleted' | 'configured';
      topic: string;
      detail: Said;
      at: number;
    }
  | {
      type: 'consumer/spawned';
      id: string;
      groupId: string;
      incarnation: number;
      pid: number | null;
      delayMs: number;
      at: number;
    }
  | { type: 'consumer/message'; id: string; incarnation: number; message: WorkerMessage }
  | {
      type: 'consumer/exited';
      id: string;
      incarnation: number;
      code: number | null;
      signal: string | null;
      at: number;
    }
  | {
      type: 'consumer/commanded';
      id: string;
      command: 'crash' | 'stop' | 'pause' | 'resume' | 'slow' | 'freeze' | 'thaw';
      delayMs?: number;
      at: number;
    }
  | { type: 'rebalance/requested'; groupId: string; at: number }
  | {
      type: 'group/offsets-reset';
      groupId: string;
      detail: Said;
      at: number;
      /** What was there before; absent for an undo that leaves nothing to undo. */
      undo: ResetRecord | null;
    }
  | { type: 'producer/updated'; info: ProducerInfo }
  | {
      type: 'producer/acked';
      topic: string;
      lastOffsets: Record<number, number>;
      /** Each partition's first offset of the acknowledged batch. */
      firstOffsets?: Record<number, number>;
    }
  | { type: 'experiment/updated'; run: ExperimentRun }
  | {
      type: 'commits/observed';
      commits: { groupId: string; topic: string; partition: number; offset: number; at: number }[];
    }
  | { type: 'commit-stream/changed'; mode: 'tail' | 'polling' | 'off'; reason: string | null }
  | { type: 'poll/interval'; intervalMs: number }
  | { type: 'clock/tick'; at: number }
  /** A lab topic's settings as Kafka describes them (retention.*, segment.*, min.insync.replicas). */
  | { type: 'topic/configs'; topic: string; configs: Record<string, string | null> };
