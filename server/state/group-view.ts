/**
 * One group as the page draws it: Kafka's view from the last observation, with the lab consumers'
 * own reports merged in where they are newer. This is the one place the two meet:
 * - a live lab consumer's assignment, reported by its client after the last poll, replaces what
 *   the poll said for its member (or adds the member the poll has not seen yet);
 * - a commit the broker acknowledged to a lab consumer after the last poll replaces the polled
 *   committed offset.
 */
import { colorFor } from '../../protocol/colors';
import { labConsumerOf } from '../../protocol/constants';
import { partitionKey, refOfKey } from '../../protocol/keys';
import {
  type Drain,
  type GroupInfo,
  type GroupOffset,
  type GroupSummary,
  isLivePhase,
  type LaneInfo,
  type MemberInfo,
  type PartitionRef,
} from '../../protocol/snapshot';
import { english, type FlatText } from '../../protocol/texts';
import type { GroupMetricsView } from '../domain/group-metrics';
import { groupHealth, VERDICT_TEXT } from '../domain/health';
import { coarseSeconds } from '../domain/lag-time';
import { groupRetention, retentionRisk } from '../domain/retention';
import { deadLettersView } from './dead-letters';
import type { ObservedGroup, ObservedTopic } from './observation';
import { own } from './own';
import { keysOf, runtimeOf } from './rebalance';
import { committedOffsets } from './selectors';
import { type ShareFacts, shareFacts, shareLag, shareWindowView } from './share-view';
import type { AuditSummary, ConsumerRecord, LabState, OutputAuditSummary } from './types';

/** Kafka's lag: log end minus committed; with nothing committed, everything still in the log. */
export function computeLag(logEnd: number, committed: number | null, logStart: number): number {
  return Math.max(0, logEnd - (committed ?? logStart));
}

const byNaturalId = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
const refs = (assignment: { topic: string; partitions: number[] }[]): PartitionRef[] =>
  assignment.flatMap((a) => a.partitions.map((partition) => ({ topic: a.topic, partition })));

function mergedMembers(
  state: LabState,
  observed: ObservedGroup | undefined,
  consumers: ConsumerRecord[],
): MemberInfo[] {
  const polledAt = state.observation?.at ?? 0;
  const byMember = new Map(
    consumers.filter((c) => c.memberId).map((c) => [c.memberId as string, c]),
  );
  const fresher = (c: ConsumerRecord | undefined) =>
    c !== undefined && isLivePhase(c.phase) && c.assignmentAt !== null && c.assignmentAt > polledAt;
  const members: MemberInfo[] = (observed?.members ?? []).map((m) => {
    const consumer = byMember.get(m.memberId);
    return {
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.host,
      groupInstanceId: m.groupInstanceId,
      assignments: fresher(consumer) && consumer ? consumer.assignment : m.assignments,
      targetAssignments: m.targetAssignments,
      memberEpoch: m.memberEpoch,
      consumerId: consumer?.id ?? null,
    };
  });
  const seen = new Set(members.map((m) => m.memberId));
  for (const c of consumers) {
    // A crashed consumer keeps its member until Kafka evicts it (then its memberId is cleared).
    if (!c.memberId || seen.has(c.memberId) || !(fresher(c) || c.phase === 'crashed')) continue;
    members.push({
      memberId: c.memberId,
      clientId: '',
      host: '',
      groupInstanceId: null,
      assignments: c.assignment,
      targetAssignments: null,
      memberEpoch: null,
      consumerId: c.id,
    });
  }
  return members;
}

const MEASURING: Drain = {
  state: 'measuring',
  seconds: null,
  consumePerSec: null,
  producePerSec: null,
};
const NO_METRICS: GroupMetricsView = {
  lastCommitAt: null,
  trend: [],
  drain: MEASURING,
  partition: () => ({
    lagSeconds: 0,
    lagMethod: 'log-end',
    health: { verdict: 'OK', reason: VERDICT_TEXT.OK },
    drain: MEASURING,
  }),
};

function offsetsOf(
  state: LabState,
  groupId: string,
  topicNames: string[],
  topics: Map<string, ObservedTopic>,
  owner: Map<string, string>,
  metrics: GroupMetricsView,
  share: ShareFacts | null,
): GroupOffset[] {
  const committed = committedOffsets(state, groupId);
  const processed = own(state.processed, groupId) ?? {};
  return topicNames.flatMap((topic) => {
    const produced = own(state.producedUpTo, topic) ?? {};
    const configs = own(state.topicConfigs, topic) ?? null;
    return (topics.get(topic)?.partitions ?? []).map((p) => {
      const key = partitionKey(topic, p.partition);
      const committedOffset = committed.get(key) ?? null;
      // The log reaches at least past every acknowledged send and every acknowledged commit, even
      // before the next poll says so: lag and the delivery audit then describe the same moment.
      const logEndOffset = Math.max(
        p.logEndOffset,
        committedOffset ?? 0,
        (produced[p.partition] ?? -1) + 1,
      );
      const lag = share
        ? shareLag(share, key, logEndOffset, committedOffset)
        : computeLag(logEndOffset, committedOffset, p.logStartOffset);
      const measured = metrics.partition(
        topic,
        p.partition,
        committedOffset,
        logEndOffset,
        p.logStartOffset,
      );
      return {
        topic,
        partition: p.partition,
        logStartOffset: p.logStartOffset,
        committedOffset,
        processedOffset: processed[key] ?? null,
        logEndOffset,
        lag,
        // Nothing waits, nothing is late: a share group's start offset may stay on a record that is
        // done already (Kafka moves it when it next writes the partition's state).
        lagSeconds: lag === 0 ? 0 : measured.lagSeconds,
        lagMethod: measured.lagMethod,
        health: measured.health,
        drain: measured.drain,
        retention: retentionRisk({
          committed: committedOffset,
          logStart: p.logStartOffset,
          logEnd: logEndOffset,
          lag,
          lagSeconds: measured.lagSeconds,
          lagSecondsKnown: measured.lagMethod !== 'lower-bound',
          configs,
        }),
        // A shared partition has no one owner: its readers are listed instead.
        memberId: share ? null : (owner.get(key) ?? null),
        ...(share ? { sharedBy: share.readers.get(key) ?? [] } : {}),
      };
    });
  });
}

export interface GroupViews {
  summary: GroupSummary;
  /** Null when the caller asked for the summary only. */
  details: GroupInfo | null;
}

/** What a group's views are built from; `consumers`: this group's lab consumers, indexed once per build. */
export interface GroupViewInput {
  state: LabState;
  groupId: string;
  observed: ObservedGroup | undefined;
  topics: Map<string, ObservedTopic>;
  consumers: ConsumerRecord[];
  /** False: the overview row only (thousands of groups), the full group is not built. */
  detailed: boolean;
  audit: () => AuditSummary | null;
  metrics?: GroupMetricsView;
  outputAudit?: () => OutputAuditSummary | null;
  /** The snapshot's moment: a share record's lock has run out or not. */
  now?: number;
}

/** A group's overview row, and when `detailed`, the full group. */
export function buildGroupViews(input: GroupViewInput): GroupViews {
  const { state, groupId, observed, topics, consumers, detailed, audit } = input;
  const metrics = input.metrics ?? NO_METRICS;
  const outputAudit = input.outputAudit ?? (() => null);
  const config = own(state.labGroups, groupId) ?? null;
  const members = mergedMembers(state, observed, consumers);
  const owner = new Map<string, string>();
  for (const m of members) for (const key of keysOf(m.assignments)) owner.set(key, m.memberId);
  const topicNames = [
    ...new Set([
      ...(config ? [config.topic] : []),
      ...(observed?.offsets ?? []).map((o) => o.topic),
      ...members.flatMap((m) => m.assignments.map((a) => a.topic)),
    ]),
  ].sort();
  const share = shareFacts(observed, members);
  const offsets = offsetsOf(state, groupId, topicNames, topics, owner, metrics, share);
  const oldest = offsets.reduce<GroupOffset | null>(
    (max, o) => (max === null || o.lagSeconds > max.lagSeconds ? o : max),
    null,
  );
  const maxLagSeconds = oldest?.lagSeconds ?? 0;
  const retention = groupRetention(offsets.flatMap((o) => (o.retention ? [o.retention] : [])));
  const summary: GroupSummary = {
    groupId,
    lab: config !== null,
    type: observed?.type ?? (config?.protocol === 'consumer' ? 'consumer' : 'classic'),
    protocol: observed?.protocol ?? '',
    state: observed?.state ?? (config ? 'Empty' : 'Unknown'),
    members: members.length,
    topics: topicNames,
    partitions: offsets.length,
    totalLag: offsets.reduce((sum, o) => sum + o.lag, 0),
    lagSeconds: coarseSeconds(maxLagSeconds),
    lagMethod: oldest?.lagMethod ?? 'log-end',
    health: groupHealth(offsets.map((o) => o.health)),
    lastCommitAt: metrics.lastCommitAt,
    lagTrend: metrics.trend,
    retention: (({ state, secondsLeft, lost }) => ({
      state,
      secondsLeft: secondsLeft === null ? null : coarseSeconds(secondsLeft),
      lost,
    }))(retention),
    // Coarse, as the row shows it: thousands of rows must not all change every second.
    drain: {
      state: metrics.drain.state,
      seconds: metrics.drain.seconds === null ? null : coarseSeconds(metrics.drain.seconds),
    },
  };
  if (!detailed) return { summary, details: null };
  const generations = consumers.map((c) => c.generationId).filter((g): g is number => g !== null);
  const runtime = runtimeOf(state, groupId);
  return {
    summary,
    details: {
      groupId,
      lab: summary.lab,
      type: summary.type,
      state: summary.state,
      protocol: summary.protocol,
      protocolType: observed?.protocolType ?? 'consumer',
      generationId:
        observed?.groupEpoch ?? (generations.length > 0 ? Math.max(...generations) : null),
      assignmentEpoch: observed?.assignmentEpoch ?? null,
      members,
      offsets,
      totalLag: summary.totalLag,
      lagSeconds: maxLagSeconds,
      lagMethod: summary.lagMethod,
      drain: metrics.drain,
      retention,
      health: summary.health,
      lastCommitAt: summary.lastCommitAt,
      topics: topicNames,
      config,
      rebalance: runtime.rebalance
        ? {
            startedAt: runtime.rebalance.startedAt,
            reason: english(runtime.rebalance.reason),
            reasonText: runtime.rebalance.reason,
          }
        : null,
      lastRebalance: runtime.lastRebalance,
      earlierRebalances: runtime.earlierRebalances ?? [],
      waiting: Object.keys(runtime.inTransit).map(refOfKey),
      undoReset: undoOf(state, groupId),
      audit: withUnread(audit(), own(state.unread, groupId)),
      outputAudit: outputAudit(),
      deadLetters: deadLettersView(state, groupId),
      ...(config?.share
        ? { shareWindow: shareWindowView(state, groupId, offsets, input.now ?? Date.now()) }
        : {}),
      ...buildLanes(state, members, consumers, offsets),
    },
  };
}

function note(text: FlatText | null): { note: string | null; noteText: FlatText | null } {
  return { note: text ? english(text) : null, noteText: text };
}

function undoOf(state: LabState, groupId: string): GroupInfo['undoReset'] {
  const record = own(state.resets, groupId);
  return record ? { at: record.at, detail: record.detail } : null;
}

/**
 * The audit, with how many of the never-read offsets retention deleted or a reset skipped. Those
 * are told apart from `missing`, the lab's word for data loss: a trade deleted by retention
 * before the group read it was not lost by the group's delivery, and the card says which it was.
 */
function withUnread(
  audit: AuditSummary | null,
  unread: LabState['unread'][string] | undefined,
): AuditSummary | null {
  if (!audit || !unread) return audit;
  const explained = unread.deletedUnread + unread.skippedUnread;
  return { ...audit, ...unread, missing: Math.max(0, audit.missing - explained) };
}

/** Lanes are Kafka's members; a lab consumer's lane stays while Kafka still lists its member. */
function buildLanes(
  state: LabState,
  members: MemberInfo[],
  consumers: ConsumerRecord[],
  offsets: GroupOffset[],
): Pick<GroupInfo, 'lanes' | 'unassigned' | 'dormant'> {
  const lanes: LaneInfo[] = [];
  const dormant: GroupInfo['dormant'] = [];
  const memberById = new Map(members.map((m) => [m.memberId, m]));
  for (const c of [...consumers].sort((a, b) => byNaturalId(a.id, b.id))) {
    const member = c.memberId ? memberById.get(c.memberId) : undefined;
    const alive = isLivePhase(c.phase);
    if (!alive && !member) {
      dormant.push({ id: c.id, phase: c.phase });
      continue;
    }
    const sessionTimeoutMs = own(state.labGroups, c.groupId)?.sessionTimeoutMs ?? 0;
    const lastSign = c.lastHeartbeatAt ?? c.crashedAt;
    lanes.push({
      key: c.id,
      label: c.id,
      color: colorFor(c.id),
      kind: alive ? 'consumer' : 'ghost',
      consumerId: c.id,
      memberId: c.memberId,
      memberEpoch: member?.memberEpoch ?? null,
      ...note(
        alive && !member
          ? { key: c.phase === 'starting' ? 'lane-starting' : 'lane-joining', params: {} }
          : null,
      ),
      labelText: null,
      // The coordinator's session timer restarts at each heartbeat it received.
      evictionDueAt: !alive && lastSign !== null ? lastSign + sessionTimeoutMs : null,
      partitions: member ? refs(member.assignments) : [],
      incoming: incoming(member),
      consumer: {
        phase: c.phase,
        pid: c.pid,
        delayMs: c.delayMs,
        isLeader: c.isLeader,
        lastError: c.lastError,
        frozenAt: c.frozenAt,
        ...(own(state.labGroups, c.groupId)?.share
          ? { share: own(state.shareCounts, c.id) ?? null }
          : {}),
      },
    });
  }
  const laneMembers = new Set(lanes.map((l) => l.memberId));
  for (const m of members) {
    if (laneMembers.has(m.memberId)) continue;
    const earlierLab = labConsumerOf(m.clientId);
    lanes.push({
      key: m.memberId,
      ...(earlierLab
        ? (() => {
            const labelText = { key: 'lane-earlier' as const, params: { id: earlierLab } };
            return { label: english(labelText), labelText };
          })()
        : { label: m.clientId || 'member', labelText: null }),
      color: colorFor(m.consumerId ?? earlierLab ?? m.memberId),
      kind: earlierLab ? 'ghost' : 'member',
      consumerId: null,
      memberId: m.memberId,
      memberEpoch: m.memberEpoch,
      ...note(
        earlierLab
          ? { key: 'lane-gone', params: {} }
          : { key: 'lane-host', params: { host: m.host } },
      ),
      evictionDueAt: null,
      partitions: refs(m.assignments),
      incoming: incoming(m),
      consumer: null,
    });
  }
  const owned = new Set(members.flatMap((m) => keysOf(m.assignments)));
  const unassigned = offsets
    .filter((o) => !owned.has(partitionKey(o.topic, o.partition)))
    .map((o) => ({ topic: o.topic, partition: o.partition }));
  return { lanes, unassigned, dormant };
}

function incoming(member: MemberInfo | undefined): PartitionRef[] {
  if (!member?.targetAssignments) return [];
  const owned = new Set(keysOf(member.assignments));
  return refs(member.targetAssignments).filter(
    (r) => !owned.has(partitionKey(r.topic, r.partition)),
  );
}
