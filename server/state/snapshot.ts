import type {
  ConsumerInfo,
  GroupInfo,
  GroupOffset,
  Snapshot,
  TopicInfo,
} from '../../protocol/snapshot';
import type { ObservedGroup, ObservedTopic } from './observation';
import { own } from './own';
import type { LabConsumerRecord, LabState } from './types';

/** Kafka's lag: log end minus committed; with nothing committed, everything still in the log. */
export function computeLag(logEnd: number, committed: number | null, logStart: number): number {
  return Math.max(0, logEnd - (committed ?? logStart));
}

export function buildSnapshot(state: LabState, at = Date.now()): Snapshot {
  const observation = state.observation;
  const topics = observation?.topics ?? [];
  const topicsByName = new Map(topics.map((t) => [t.name, t]));
  const observedGroups = new Map((observation?.groups ?? []).map((g) => [g.groupId, g]));
  const groupIds = [...new Set([...Object.keys(state.labGroups), ...observedGroups.keys()])];
  const groups = groupIds
    .map((id) => buildGroup(state, id, observedGroups.get(id), topicsByName))
    .sort((a, b) => Number(b.lab) - Number(a.lab) || a.groupId.localeCompare(b.groupId));
  return {
    version: state.version,
    at,
    connection: state.connection,
    cluster: observation?.cluster ?? null,
    topics: topics.map(
      (t): TopicInfo => ({
        name: t.name,
        internal: t.internal,
        lab: state.labTopics.includes(t.name),
        partitions: t.partitions.map((p) => ({
          ...p,
          messagesPerSec:
            Math.round((state.partitionRates[`${t.name}|${p.partition}`] ?? 0) * 10) / 10,
        })),
      }),
    ),
    groups,
    consumers: Object.values(state.consumers).map((c) => consumerInfo(state, c)),
    producer: state.producer,
  };
}

function consumerInfo(state: LabState, c: LabConsumerRecord): ConsumerInfo {
  const sessionTimeoutMs = own(state.labGroups, c.groupId)?.sessionTimeoutMs ?? 0;
  const waitingForEviction = c.status === 'crashed' && c.memberId !== null;
  const lastSign = c.lastHeartbeatAt ?? c.crashedAt;
  return {
    id: c.id,
    groupId: c.groupId,
    status: c.status,
    pid: c.pid,
    memberId: c.memberId,
    generationId: c.generationId,
    isLeader: c.isLeader,
    delayMs: c.delayMs,
    assignment: c.assignment,
    processedCount: c.processedCount,
    crashedAt: c.crashedAt,
    // The coordinator's session timer restarts at each heartbeat it received.
    evictionDueAt: waitingForEviction && lastSign !== null ? lastSign + sessionTimeoutMs : null,
    lastError: c.lastError,
  };
}

function buildGroup(
  state: LabState,
  groupId: string,
  observed: ObservedGroup | undefined,
  topics: Map<string, ObservedTopic>,
): GroupInfo {
  const config = own(state.labGroups, groupId) ?? null;
  const consumers = Object.values(state.consumers).filter((c) => c.groupId === groupId);
  const consumerByMember = new Map(
    consumers.filter((c) => c.memberId).map((c) => [c.memberId as string, c.id]),
  );
  const members = (observed?.members ?? []).map((m) => ({
    ...m,
    consumerId: consumerByMember.get(m.memberId) ?? null,
  }));
  const owner = new Map<string, string>();
  for (const m of members)
    for (const a of m.assignments)
      for (const p of a.partitions) owner.set(`${a.topic}|${p}`, m.memberId);
  const committed = new Map(
    (observed?.offsets ?? []).map((o) => [`${o.topic}|${o.partition}`, o.offset]),
  );
  const polledAt = state.observation?.at ?? 0;
  for (const [key, commit] of Object.entries(own(state.labCommits, groupId) ?? {})) {
    if (commit.at > polledAt) committed.set(key, commit.offset);
  }
  const topicNames = [
    ...new Set([
      ...(config ? [config.topic] : []),
      ...(observed?.offsets ?? []).map((o) => o.topic),
      ...members.flatMap((m) => m.assignments.map((a) => a.topic)),
    ]),
  ].sort();
  const processed = own(state.processed, groupId) ?? {};
  const offsets: GroupOffset[] = topicNames.flatMap((topic) =>
    (topics.get(topic)?.partitions ?? []).map((p) => {
      const key = `${topic}|${p.partition}`;
      const committedOffset = committed.get(key) ?? null;
      // A commit acknowledged after the last poll proves the log reaches at least that far.
      const logEndOffset = Math.max(p.logEndOffset, committedOffset ?? 0);
      return {
        topic,
        partition: p.partition,
        logStartOffset: p.logStartOffset,
        committedOffset,
        processedOffset: processed[key] ?? null,
        logEndOffset,
        lag: computeLag(logEndOffset, committedOffset, p.logStartOffset),
        memberId: owner.get(key) ?? null,
      };
    }),
  );
  const generations = consumers.map((c) => c.generationId).filter((g): g is number => g !== null);
  return {
    groupId,
    lab: config !== null,
    state: observed?.state ?? (config ? 'Empty' : 'Unknown'),
    protocol: observed?.protocol ?? '',
    protocolType: observed?.protocolType ?? 'consumer',
    generationId: generations.length > 0 ? Math.max(...generations) : null,
    members,
    offsets,
    totalLag: offsets.reduce((sum, o) => sum + o.lag, 0),
    topics: topicNames,
    config,
    rebalance: own(state.rebalances, groupId) ?? null,
    audit: own(state.audits, groupId) ?? null,
  };
}
