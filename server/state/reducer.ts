import type { ConnectionInfo } from '../../protocol/snapshot';
import { reduceConsumer } from './consumer-reducer';
import { reduceObservation } from './observation-reducer';
import { noteCause, withEvents } from './timeline';
import type { LabAction, LabState } from './types';

/** Commits are many; the timeline gets one aggregated entry per group per window. */
export const COMMIT_AGGREGATION_MS = 30_000;

export function initialState(
  brokers: string,
  embedded: boolean,
  at: number,
  access: Pick<ConnectionInfo, 'mode' | 'readOnly'> = { mode: 'lab', readOnly: false },
): LabState {
  const connection: ConnectionInfo = {
    kafka: 'connecting',
    lastError: null,
    since: at,
    embeddedBroker: embedded ? { running: false, pid: null } : null,
    brokers,
    ...access,
  };
  return {
    version: 0,
    connection,
    observation: null,
    partitionRates: {},
    labGroups: {},
    labTopics: [],
    consumers: {},
    processed: {},
    labCommits: {},
    rebalances: {},
    rebalanceEndedAt: {},
    causes: {},
    commitCounts: {},
    lastCommitFlushAt: at,
    consumedSinceTick: 0,
    producer: null,
    audits: {},
    timeline: [],
    nextEventId: 1,
  };
}

export function reduce(state: LabState, action: LabAction): LabState {
  const next = apply(state, action);
  return next === state ? state : { ...next, version: state.version + 1 };
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
              message: `Kafka unreachable: ${action.error}`,
            },
          ])
        : next;
    }
    case 'broker/changed':
      return state.connection.embeddedBroker
        ? {
            ...state,
            connection: {
              ...state.connection,
              embeddedBroker: { running: action.running, pid: action.pid },
            },
          }
        : state;
    case 'group/registered':
      return withEvents(
        { ...state, labGroups: { ...state.labGroups, [action.config.groupId]: action.config } },
        [
          {
            kind: 'group-created',
            at: action.at,
            groupId: action.config.groupId,
            message: `Lab group ${action.config.groupId} on ${action.config.topic} (${action.config.assignor}, commit ${action.config.commitMode})`,
          },
        ],
      );
    case 'group/removed': {
      const labGroups = { ...state.labGroups };
      delete labGroups[action.groupId];
      const consumers = Object.fromEntries(
        Object.entries(state.consumers).filter(([, c]) => c.groupId !== action.groupId),
      );
      const without = <T>(record: Record<string, T>): Record<string, T> => {
        const copy = { ...record };
        delete copy[action.groupId];
        return copy;
      };
      const cleared: LabState = {
        ...state,
        labGroups,
        consumers,
        rebalances: without(state.rebalances),
        rebalanceEndedAt: without(state.rebalanceEndedAt),
        causes: without(state.causes),
        processed: without(state.processed),
        labCommits: without(state.labCommits),
        commitCounts: without(state.commitCounts),
        audits: without(state.audits),
      };
      return withEvents(cleared, [
        {
          kind: 'group-deleted',
          at: action.at,
          groupId: action.groupId,
          message: `Group ${action.groupId} deleted`,
        },
      ]);
    }
    case 'topic/changed': {
      const labTopics =
        action.change === 'created'
          ? [...new Set([...state.labTopics, action.topic])]
          : action.change === 'deleted'
            ? state.labTopics.filter((t) => t !== action.topic)
            : state.labTopics;
      let next: LabState = { ...state, labTopics };
      if (action.change === 'partitions-added') {
        for (const config of Object.values(state.labGroups)) {
          if (config.topic === action.topic)
            next = noteCause(
              next,
              config.groupId,
              `partitions added to ${action.topic}`,
              action.at,
            );
        }
      }
      return withEvents(next, [
        { kind: `topic-${action.change}`, at: action.at, message: action.detail },
      ]);
    }
    case 'group/offsets-reset':
      // Processed positions from before the reset no longer describe where the group stands.
      return withEvents({ ...state, processed: { ...state.processed, [action.groupId]: {} } }, [
        { kind: 'offsets-reset', at: action.at, groupId: action.groupId, message: action.detail },
      ]);
    case 'rebalance/requested':
      return noteCause(state, action.groupId, 'triggered from the lab', action.at);
    case 'producer/updated':
      return reduceProducer(state, action.info);
    case 'audit/updated':
      return JSON.stringify(state.audits) === JSON.stringify(action.audits)
        ? state
        : { ...state, audits: action.audits };
    case 'clock/tick':
      return tick(state, action.at);
    default:
      return reduceConsumer(state, action);
  }
}

function reduceProducer(state: LabState, info: LabState['producer'] & object): LabState {
  const before = state.producer;
  if (JSON.stringify(before) === JSON.stringify(info)) return state;
  const next = { ...state, producer: info };
  if (
    info.lastError &&
    info.lastError !== before?.lastError &&
    info.lastErrorAt !== before?.lastErrorAt
  ) {
    return withEvents(next, [
      {
        kind: 'producer-error',
        at: info.lastErrorAt ?? Date.now(),
        message: `Producer: ${info.lastError}`,
      },
    ]);
  }
  return next;
}

function tick(state: LabState, at: number): LabState {
  const windowOpen = at - state.lastCommitFlushAt < COMMIT_AGGREGATION_MS;
  if (windowOpen && state.consumedSinceTick === 0) return state;
  let next: LabState = { ...state, consumedSinceTick: 0 };
  if (windowOpen) return next;
  const seconds = Math.round((at - state.lastCommitFlushAt) / 1000);
  next = withEvents(
    { ...next, commitCounts: {}, lastCommitFlushAt: at },
    Object.entries(state.commitCounts)
      .filter(([, count]) => count > 0)
      .map(([groupId, count]) => ({
        kind: 'commits' as const,
        at,
        groupId,
        count,
        message: `${count} offset commits in the last ${seconds} s`,
      })),
  );
  return next;
}
