import { partitionKey } from '../../protocol/keys';
import { say } from '../../protocol/texts';
import { memberEvicted } from './membership';
import type { AdminObservation, ObservedGroup } from './observation';
import { own } from './own';
import { noteCause, observeRebalance, runtimeOf } from './rebalance';
import { replicationEvents } from './replication-events';
import { shareMembersObserved } from './share-members';
import { withEvents } from './timeline';
import type { LabState } from './types';

export function reduceObservation(state: LabState, observation: AdminObservation): LabState {
  let next: LabState = {
    ...state,
    observation,
    commits: pruneCommits(state.commits, observation.at),
    partitionRates: partitionRates(state.observation, observation),
    connection: {
      ...state.connection,
      kafka: 'connected',
      lastError: null,
      since: state.connection.kafka === 'connected' ? state.connection.since : observation.at,
    },
  };
  next = withEvents(next, replicationEvents(state, state.observation, observation));
  if (state.connection.kafka === 'unreachable') {
    next = withEvents(next, [
      { kind: 'broker-connected', at: observation.at, ...say('broker-connected') },
    ]);
  }
  const previous = new Map(state.observation?.groups.map((g) => [g.groupId, g]));
  for (const group of observation.groups) {
    next = evictions(next, group, observation.at);
    next = shareMembersObserved(next, group, observation.at);
    if (!own(next.labGroups, group.groupId))
      next = outsideMembership(next, previous.get(group.groupId), group, observation.at);
    next = observeRebalance(next, group, observation.at);
  }
  return next;
}

/** Commits the poll already includes are dropped: the overlay only holds what is newer. */
function pruneCommits(commits: LabState['commits'], polledAt: number): LabState['commits'] {
  const out: LabState['commits'] = {};
  for (const [groupId, byPartition] of Object.entries(commits)) {
    const kept = Object.entries(byPartition).filter(([, c]) => c.at > polledAt);
    if (kept.length > 0) out[groupId] = Object.fromEntries(kept);
  }
  return out;
}

function partitionRates(
  before: AdminObservation | null,
  after: AdminObservation,
): Record<string, number> {
  if (!before) return {};
  const seconds = (after.at - before.at) / 1000;
  if (seconds <= 0) return {};
  const previous = new Map<string, number>();
  for (const t of before.topics)
    for (const p of t.partitions) previous.set(partitionKey(t.name, p.partition), p.logEndOffset);
  const rates: Record<string, number> = {};
  for (const t of after.topics) {
    for (const p of t.partitions) {
      const key = partitionKey(t.name, p.partition);
      const old = previous.get(key);
      rates[key] = old === undefined ? 0 : Math.max(0, (p.logEndOffset - old) / seconds);
    }
  }
  return rates;
}

/** A crashed lab consumer's member is gone from Kafka's view: the coordinator evicted it. */
function evictions(state: LabState, group: ObservedGroup, at: number): LabState {
  let next = state;
  const memberIds = new Set(group.members.map((m) => m.memberId));
  for (const consumer of Object.values(state.consumers)) {
    if (consumer.groupId !== group.groupId || consumer.phase !== 'crashed') continue;
    if (consumer.memberId === null || memberIds.has(consumer.memberId)) continue;
    // The survivors' rebalance, when their clients reported it first, marks the eviction's moment.
    const evictedAt = runtimeOf(next, group.groupId).rebalance?.startedAt ?? at;
    next = memberEvicted(next, consumer.id, consumer.memberId, evictedAt, null);
  }
  return next;
}

/** Members of groups the lab does not run come and go as polls see them. */
function outsideMembership(
  state: LabState,
  before: ObservedGroup | undefined,
  group: ObservedGroup,
  at: number,
): LabState {
  if (!before) return state;
  const old = new Set(before.members.map((m) => m.memberId));
  const now = new Set(group.members.map((m) => m.memberId));
  const events = [
    ...group.members
      .filter((m) => !old.has(m.memberId))
      .map((m) => ({
        kind: 'member-joined' as const,
        at,
        groupId: group.groupId,
        ...say('outside-joined', { clientId: m.clientId, memberId: m.memberId }),
      })),
    ...before.members
      .filter((m) => !now.has(m.memberId))
      .map((m) => ({
        kind: 'member-left' as const,
        at,
        groupId: group.groupId,
        ...say('outside-left', { clientId: m.clientId, memberId: m.memberId }),
      })),
  ];
  const next =
    events.length > 0
      ? noteCause(state, group.groupId, { key: 'cause-membership', params: {} }, at)
      : state;
  return withEvents(next, events);
}
