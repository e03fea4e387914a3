import type { WireGroup, WireObservation, WireTopic } from '../../protocol/observer-observation';
import type { Cluster, GroupState } from '../../protocol/snapshot';
import type {
  AdminObservation,
  GroupType,
  ObservedGroup,
  ObservedPartition,
  ObservedTopic,
  TopicPartitions,
} from '../state/observation';

/** Kafka's GroupType names ("Consumer", "Classic", …) as ours. */
export function toGroupType(kafka: string): GroupType {
  const type = kafka.toLowerCase();
  return type === 'classic' || type === 'consumer' || type === 'share' || type === 'streams'
    ? type
    : 'unknown';
}

const STATES: Record<string, GroupState> = {
  stable: 'Stable',
  preparingrebalance: 'PreparingRebalance',
  completingrebalance: 'CompletingRebalance',
  assigning: 'Assigning',
  reconciling: 'Reconciling',
  empty: 'Empty',
  dead: 'Dead',
};

/** Kafka's GroupState names as ours; NotReady (streams) and anything newer become Unknown. */
export function toGroupState(kafka: string): GroupState {
  return STATES[kafka.toLowerCase()] ?? 'Unknown';
}

/** A partial observation's topic: log offsets are null unless `offsets` was asked for. */
export type PartialPartition = Omit<ObservedPartition, 'logStartOffset' | 'logEndOffset'> & {
  logStartOffset: number | null;
  logEndOffset: number | null;
};
export type PartialTopic = Omit<ObservedTopic, 'partitions'> & { partitions: PartialPartition[] };
/** A partial observation's group: offsets are null unless `offsets` was asked for. */
export type PartialGroup = Omit<ObservedGroup, 'offsets'> & {
  offsets: ObservedGroup['offsets'] | null;
};

export interface PartialObservation {
  at: number;
  cluster?: Cluster;
  topics?: PartialTopic[];
  groups?: PartialGroup[];
}

const byTopic = (a: { topic: string }, b: { topic: string }) => a.topic.localeCompare(b.topic);

function sortedAssignments(list: TopicPartitions): TopicPartitions {
  return list
    .map((t) => ({ topic: t.topic, partitions: [...t.partitions].sort((a, b) => a - b) }))
    .sort(byTopic);
}

export function toPartialGroup(wire: WireGroup): PartialGroup {
  return {
    groupId: wire.groupId,
    type: toGroupType(wire.type),
    state: toGroupState(wire.state),
    protocol: wire.protocol,
    protocolType: wire.protocolType,
    groupEpoch: wire.groupEpoch,
    assignmentEpoch: wire.assignmentEpoch,
    members: wire.members
      .map((m) => ({
        ...m,
        assignments: sortedAssignments(m.assignments),
        targetAssignments: m.targetAssignments && sortedAssignments(m.targetAssignments),
      }))
      .sort((a, b) => a.memberId.localeCompare(b.memberId)),
    offsets:
      wire.offsets && [...wire.offsets].sort((a, b) => byTopic(a, b) || a.partition - b.partition),
  };
}

export function toPartialTopic(wire: WireTopic): PartialTopic {
  return {
    name: wire.name,
    internal: wire.internal,
    partitions: [...wire.partitions].sort((a, b) => a.partition - b.partition),
  };
}

export function toPartialObservation(wire: WireObservation): PartialObservation {
  const out: PartialObservation = { at: wire.at };
  if (wire.cluster) out.cluster = wire.cluster;
  if (wire.topics) {
    out.topics = wire.topics.map(toPartialTopic).sort((a, b) => a.name.localeCompare(b.name));
  }
  if (wire.groups) {
    out.groups = wire.groups.map(toPartialGroup).sort((a, b) => a.groupId.localeCompare(b.groupId));
  }
  return out;
}

/** A full observation (every part asked for) as the AdminObservation the reducer takes. */
export function toAdminObservation(wire: WireObservation): AdminObservation {
  const partial = toPartialObservation(wire);
  const { cluster, topics, groups } = partial;
  if (!cluster || !topics || !groups) {
    throw new Error('observe: a full observation needs cluster, topics and groups');
  }
  return {
    at: partial.at,
    cluster,
    topics: topics.map((t) => ({
      ...t,
      partitions: t.partitions.map((p) => {
        if (p.logStartOffset === null || p.logEndOffset === null) {
          throw new Error(`observe: ${t.name}-${p.partition} has no log offsets`);
        }
        return { ...p, logStartOffset: p.logStartOffset, logEndOffset: p.logEndOffset };
      }),
    })),
    groups: groups.map((g) => ({ ...g, offsets: g.offsets ?? [] })),
  };
}
