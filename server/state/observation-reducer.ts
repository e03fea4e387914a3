import type { AdminObservation, ObservedGroup } from './observation';
import { own } from './own';
import {
  completeRebalance,
  formatDuration,
  noteCause,
  startRebalance,
  withEvents,
} from './timeline';
import type { LabState } from './types';

/** A lab rebalance still open this long after Kafka reports the group settled is closed by the poll. */
const LAB_REBALANCE_FALLBACK_MS = 10_000;

export function reduceObservation(state: LabState, observation: AdminObservation): LabState {
  let next: LabState = {
    ...state,
    observation,
    partitionRates: partitionRates(state.observation, observation),
    connection: {
      ...state.connection,
      kafka: 'connected',
      lastError: null,
      since: state.connection.kafka === 'connected' ? state.connection.since : observation.at,
    },
  };
  if (state.connection.kafka === 'unreachable') {
    next = withEvents(next, [
      { kind: 'broker-connected', at: observation.at, message: 'Kafka is reachable again' },
    ]);
  }
  const previous = new Map(state.observation?.groups.map((g) => [g.groupId, g]));
  for (const group of observation.groups) {
    next = evictions(next, group, observation.at);
    if (!own(next.labGroups, group.groupId))
      next = externalMembership(next, previous.get(group.groupId), group, observation.at);
    next = rebalanceFromState(next, group, observation.at);
  }
  return next;
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
    for (const p of t.partitions) previous.set(`${t.name}|${p.partition}`, p.logEndOffset);
  const rates: Record<string, number> = {};
  for (const t of after.topics) {
    for (const p of t.partitions) {
      const key = `${t.name}|${p.partition}`;
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
    if (consumer.groupId !== group.groupId || consumer.status !== 'crashed') continue;
    if (consumer.memberId === null || memberIds.has(consumer.memberId)) continue;
    const evictedAt = own(next.rebalances, group.groupId)?.startedAt ?? at;
    const after = consumer.crashedAt === null ? null : evictedAt - consumer.crashedAt;
    next = {
      ...next,
      consumers: {
        ...next.consumers,
        [consumer.id]: { ...consumer, memberId: null, assignment: [] },
      },
    };
    next = withEvents(noteCause(next, group.groupId, `${consumer.id} was evicted`, at), [
      {
        kind: 'member-evicted',
        at: evictedAt,
        groupId: group.groupId,
        durationMs: after,
        message: `Coordinator evicted ${consumer.id} (session timeout)${after === null ? '' : `, ${formatDuration(after)} after the crash`}`,
      },
    ]);
  }
  return next;
}

function externalMembership(
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
        message: `${m.clientId} joined as ${m.memberId}`,
      })),
    ...before.members
      .filter((m) => !now.has(m.memberId))
      .map((m) => ({
        kind: 'member-left' as const,
        at,
        groupId: group.groupId,
        message: `${m.clientId} (${m.memberId}) left`,
      })),
  ];
  const next =
    events.length > 0 ? noteCause(state, group.groupId, 'membership changed', at) : state;
  return withEvents(next, events);
}

function rebalanceFromState(state: LabState, group: ObservedGroup, at: number): LabState {
  const rebalancing = group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance';
  const inProgress = own(state.rebalances, group.groupId);
  if (rebalancing) {
    const endedAt = own(state.rebalanceEndedAt, group.groupId) ?? 0;
    return at > endedAt ? startRebalance(state, group.groupId, at) : state;
  }
  if (!inProgress || (group.state !== 'Stable' && group.state !== 'Empty')) return state;
  const liveLabConsumers = Object.values(state.consumers).some(
    (c) =>
      c.groupId === group.groupId &&
      (c.status === 'running' || c.status === 'joining' || c.status === 'paused'),
  );
  const isLab = Boolean(own(state.labGroups, group.groupId));
  if (!isLab || !liveLabConsumers || at - inProgress.startedAt > LAB_REBALANCE_FALLBACK_MS) {
    return completeRebalance(state, group.groupId, at);
  }
  return state;
}
