import type { WorkerMessage } from '../../protocol/ipc';
import type {
  ConnectionInfo,
  ConsumerStatus,
  LabGroupConfig,
  ProducerInfo,
} from '../../protocol/snapshot';
import type { TimelineEvent } from '../../protocol/timeline';
import type { AdminObservation } from './observation';

export interface LabConsumerRecord {
  id: string;
  groupId: string;
  status: ConsumerStatus;
  pid: number | null;
  memberId: string | null;
  generationId: number | null;
  isLeader: boolean;
  delayMs: number;
  assignment: { topic: string; partitions: number[] }[];
  processedCount: number;
  lastHeartbeatAt: number | null;
  crashedAt: number | null;
  lastError: string | null;
  /** Set by a crash or stop command, so the process exit that follows is read correctly. */
  expectedExit: 'crash' | 'stop' | null;
}

export interface RebalanceRecord {
  startedAt: number;
  reason: string;
}

export interface AuditSummary {
  processed: number;
  unique: number;
  duplicates: number;
  missing: number;
}

export interface LabState {
  version: number;
  connection: ConnectionInfo;
  observation: AdminObservation | null;
  /** `${topic}|${partition}` → messages/s, from the last two observations. */
  partitionRates: Record<string, number>;
  labGroups: Record<string, LabGroupConfig>;
  labTopics: string[];
  consumers: Record<string, LabConsumerRecord>;
  /** groupId → `${topic}|${partition}` → next offset the lab consumers will process. */
  processed: Record<string, Record<string, number>>;
  /**
   * groupId → `${topic}|${partition}` → a commit the broker acknowledged to a lab consumer, with
   * when. Newer than the last admin poll, it is shown at once instead of up to a poll later.
   */
  labCommits: Record<string, Record<string, { offset: number; at: number }>>;
  rebalances: Record<string, RebalanceRecord>;
  /** When each group's last rebalance completed; older "rebalancing" sightings are stale. */
  rebalanceEndedAt: Record<string, number>;
  /** Why the next rebalance of a group is expected (join, leave, trigger…), with when. */
  causes: Record<string, { reason: string; at: number }>;
  /** Commits seen per group since the last aggregated timeline entry. */
  commitCounts: Record<string, number>;
  lastCommitFlushAt: number;
  consumedSinceTick: number;
  producer: ProducerInfo | null;
  audits: Record<string, AuditSummary>;
  timeline: TimelineEvent[];
  nextEventId: number;
}

export type LabAction =
  | { type: 'admin/observed'; observation: AdminObservation }
  | { type: 'admin/failed'; error: string; at: number }
  | { type: 'broker/changed'; running: boolean; pid: number | null; at: number }
  | { type: 'group/registered'; config: LabGroupConfig; at: number }
  | { type: 'group/removed'; groupId: string; at: number }
  | {
      type: 'topic/changed';
      change: 'created' | 'partitions-added' | 'deleted';
      topic: string;
      detail: string;
      at: number;
    }
  | {
      type: 'consumer/spawned';
      id: string;
      groupId: string;
      pid: number | null;
      delayMs: number;
      at: number;
    }
  | { type: 'consumer/message'; id: string; message: WorkerMessage }
  | { type: 'consumer/exited'; id: string; code: number | null; signal: string | null; at: number }
  | {
      type: 'consumer/commanded';
      id: string;
      command: 'crash' | 'stop' | 'pause' | 'resume' | 'slow';
      delayMs?: number;
      at: number;
    }
  | { type: 'consumer/removed'; id: string }
  | { type: 'rebalance/requested'; groupId: string; at: number }
  | { type: 'group/offsets-reset'; groupId: string; detail: string; at: number }
  | { type: 'producer/updated'; info: ProducerInfo }
  | { type: 'audit/updated'; audits: Record<string, AuditSummary> }
  | { type: 'clock/tick'; at: number };
