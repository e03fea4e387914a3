import { PROTOCOL_NAMES } from '../../protocol/consumer-kinds';
import { partitionKey } from '../../protocol/keys';
import type { ConnectionInfo } from '../../protocol/snapshot';
import { say } from '../../protocol/texts';
import { reduceConsumer } from './consumer-lifecycle';
import { flushDeadLetterWindows } from './dead-letters';
import { nodesChanged } from './lab-nodes';
import { reduceObservation } from './observation-reducer';
import { own } from './own';
import { noteCause } from './rebalance';
import { withEvents } from './timeline';
import type { LabAction, LabState } from './types';

/** Commits are many; the timeline gets one aggregated entry per group per window. */
export const COMMIT_AGGREGATION_MS = 30_000;

export function initialState(
  brokers: string,
  embedded: boolean,
  at: number,
  access: Pick<ConnectionInfo, 'mode' | 'readOnly'> = { mode: 'lab', readOnly: false },
): LabState {
  return {
    version: 0,
    connection: {
      kafka: 'connecting',
      lastError: null,
      since: at,
      embeddedBroker: embedded ? { running: false, pid: null } : null,
      brokers,
      ...access,
      commitStream: { mode: 'off', reason: null },
      pollIntervalMs: 0,
    },
    observation: null,
    partitionRates: {},
    labGroups: {},
    labTopics: [],
    consumers: {},
    groups: {},
    processed: {},
    commits: {},
    commitCounts: {},
    lastCommitFlushAt: at,
    consumedSinceTick: 0,
    producer: null,
    producedUpTo: {},
    producedFrom: {},
    timeline: [],
    nextEventId: 1,
    experiments: {},
    resets: {},
    deadLetters: {},
    labNodes: [],
    topicConfigs: {},
    unread: {},
    shareRecords: {},
    shareCounts: {},
  };
}

export function reduce(state: LabState, action: LabAction): LabState {
  const next = apply(state, action);
  return next === state ? state : { ...next, version: state.version + 1 };
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function apply(state: LabState, action: LabAction): LabState {
  switch (action.type) {
    case 'admin/observed':
      return reduceObservation(state, action.observation);
    case 'admin/failed': {
      const wasReachable = state.connection.kafka !== 'unreachable';
      const next: LabState = {
        ...state,
        connection: {
          ...state.connection,
          kafka: 'unreachable',
          lastError: action.error,
          since: wasReachable ? action.at : state.connection.since,
        },
      };
      return wasReachable
        ? withEvents(next, [
            {
              kind: 'broker-unreachable',
              at: action.at,
              ...say('broker-unreachable', { error: action.error }),
            },
          ])
        : next;
    }
    case 'broker/changed':
      return state.connection.embeddedBroker
        ? nodesChanged(
            {
              ...state,
              connection: {
                ...state.connection,
                embeddedBroker: { running: action.running, pid: action.pid },
              },
            },
            action.nodes,
            action.at,
          )
        : state;
    case 'group/registered': {
      const { config } = action;
      return withEvents({ ...state, labGroups: { ...state.labGroups, [config.groupId]: config } }, [
        {
          kind: 'group-created',
          at: action.at,
          groupId: config.groupId,
          ...say('group-created', {
            groupId: config.groupId,
            topic: config.topic,
            client: config.client,
            protocol: PROTOCOL_NAMES[config.protocol],
            assignor: config.assignor,
            commitMode: config.commitMode,
          }),
        },
      ]);
    }
    case 'group/removed': {
      const id = action.groupId;
      const cleared: LabState = {
        ...state,
        labGroups: without(state.labGroups, id),
        consumers: Object.fromEntries(
          Object.entries(state.consumers).filter(([, c]) => c.groupId !== id),
        ),
        groups: without(state.groups, id),
        processed: without(state.processed, id),
        resets: without(state.resets, id),
        commits: without(state.commits, id),
        commitCounts: without(state.commitCounts, id),
        deadLetters: without(state.deadLetters, id),
        unread: without(state.unread, id),
        shareRecords: without(state.shareRecords, id),
        shareCounts: Object.fromEntries(
          Object.entries(state.shareCounts).filter(([c]) => state.consumers[c]?.groupId !== id),
        ),
      };
      return withEvents(cleared, [
        {
          kind: 'group-deleted',
          at: action.at,
          groupId: id,
          ...say('group-deleted', { groupId: id }),
        },
      ]);
    }
    case 'topic/changed':
      return topicChanged(state, action);
    case 'group/offsets-reset':
      // Processed positions from before the reset no longer describe where the group stands.
      return withEvents(
        {
          ...state,
          processed: { ...state.processed, [action.groupId]: {} },
          resets: action.undo
            ? { ...state.resets, [action.groupId]: action.undo }
            : without(state.resets, action.groupId),
        },
        [{ kind: 'offsets-reset', at: action.at, groupId: action.groupId, ...action.detail }],
      );
    case 'rebalance/requested':
      return noteCause(state, action.groupId, { key: 'cause-triggered', params: {} }, action.at);
    case 'producer/updated':
      return reduceProducer(state, action.info);
    case 'producer/acked': {
      const before = own(state.producedUpTo, action.topic) ?? {};
      const merged = { ...before };
      for (const [p, offset] of Object.entries(action.lastOffsets))
        merged[Number(p)] = Math.max(offset, merged[Number(p)] ?? -1);
      const from = { ...(own(state.producedFrom, action.topic) ?? {}) };
      for (const [p, offset] of Object.entries(action.firstOffsets ?? {}))
        from[Number(p)] = Math.min(offset, from[Number(p)] ?? Number.POSITIVE_INFINITY);
      return {
        ...state,
        producedUpTo: { ...state.producedUpTo, [action.topic]: merged },
        producedFrom: { ...state.producedFrom, [action.topic]: from },
      };
    }
    case 'clock/tick':
      return tick(flushDeadLetterWindows(state, action.at), action.at);
    case 'commits/observed': {
      const commits = { ...state.commits };
      const counts = { ...state.commitCounts };
      for (const c of action.commits) {
        const key = partitionKey(c.topic, c.partition);
        const group = { ...(own(commits, c.groupId) ?? {}) };
        if ((own(group, key)?.at ?? 0) <= c.at) group[key] = { offset: c.offset, at: c.at };
        commits[c.groupId] = group;
        counts[c.groupId] = (own(counts, c.groupId) ?? 0) + 1;
      }
      return { ...state, commits, commitCounts: counts };
    }
    case 'commit-stream/changed':
      return {
        ...state,
        connection: {
          ...state.connection,
          commitStream: { mode: action.mode, reason: action.reason },
        },
      };
    case 'poll/interval':
      return { ...state, connection: { ...state.connection, pollIntervalMs: action.intervalMs } };
    case 'topic/configs':
      return { ...state, topicConfigs: { ...state.topicConfigs, [action.topic]: action.configs } };
    case 'experiment/updated':
      return { ...state, experiments: { ...state.experiments, [action.run.id]: action.run } };
    default:
      return reduceConsumer(state, action);
  }
}

function topicChanged(
  state: LabState,
  action: Extract<LabAction, { type: 'topic/changed' }>,
): LabState {
  const labTopics =
    action.change === 'created'
      ? [...new Set([...state.labTopics, action.topic])]
      : action.change === 'deleted'
        ? state.labTopics.filter((t) => t !== action.topic)
        : state.labTopics;
  let next: LabState = {
    ...state,
    labTopics,
    producedUpTo:
      action.change === 'deleted' ? without(state.producedUpTo, action.topic) : state.producedUpTo,
    producedFrom:
      action.change === 'deleted' ? without(state.producedFrom, action.topic) : state.producedFrom,
    topicConfigs:
      action.change === 'deleted' ? without(state.topicConfigs, action.topic) : state.topicConfigs,
  };
  if (action.change === 'partitions-added') {
    for (const config of Object.values(state.labGroups)) {
      if (config.topic === action.topic)
        next = noteCause(
          next,
          config.groupId,
          { key: 'cause-partitions-added', params: { topic: action.topic } },
          action.at,
        );
    }
  }
  return withEvents(next, [{ kind: `topic-${action.change}`, at: action.at, ...action.detail }]);
}

function reduceProducer(state: LabState, info: NonNullable<LabState['producer']>): LabState {
  const before = state.producer;
  if (JSON.stringify(before) === JSON.stringify(info)) return state;
  const next = { ...state, producer: info };
  const error = info.lastError;
  if (!error || error.at === before?.lastError?.at) {
    return error?.recoveredAt && !before?.lastError?.recoveredAt
      ? withEvents(next, [
          {
            kind: 'producer-recovered',
            at: error.recoveredAt,
            ...say('producer-recovered'),
          },
        ])
      : next;
  }
  return withEvents(next, [
    { kind: 'producer-error', at: error.at, ...say('producer-error', { error: error.message }) },
  ]);
}

function tick(state: LabState, at: number): LabState {
  const windowOpen = at - state.lastCommitFlushAt < COMMIT_AGGREGATION_MS;
  if (windowOpen && state.consumedSinceTick === 0) return state;
  const next: LabState = { ...state, consumedSinceTick: 0 };
  if (windowOpen) return next;
  const seconds = Math.round((at - state.lastCommitFlushAt) / 1000);
  return withEvents(
    { ...next, commitCounts: {}, lastCommitFlushAt: at },
    Object.entries(state.commitCounts)
      .filter(([, count]) => count > 0)
      .map(([groupId, count]) => ({
        kind: 'commits' as const,
        at,
        groupId,
        count,
        ...say('commits', { count, seconds }),
      })),
  );
}
