/**
 * Shared fixtures for the unit tests of the lab state: fixed times and names, builders for admin
 * observations, lab group configs and lab actions, and a reducer fold.
 */
import type { WorkerMessage } from '../../protocol/ipc';
import { partitionKey } from '../../protocol/keys';
import type { Cluster, GroupState, LabGroupConfig, TopicInfo } from '../../protocol/snapshot';
import type { AdminObservation, ObservedGroup, ObservedMember, ObservedTopic } from './observation';
import {
  partitionsStarted,
  partitionsStopped,
  settleRebalance,
  startRebalance,
  touchRebalance,
} from './rebalance';
import { initialState, reduce } from './reducer';
import type { LabAction, LabState } from './types';

type JoinedMessage = Extract<WorkerMessage, { type: 'joined' }>;
type CommittedMessage = Extract<WorkerMessage, { type: 'committed' }>;
type ConsumerCommand = Extract<LabAction, { type: 'consumer/commanded' }>['command'];

/** A fixed "now" for tests, in epoch milliseconds. */
export const T0 = 1_700_000_000_000;
/** The topic lab groups consume by default. */
export const TOPIC = 'trades';
/** The broker list of a fresh state. */
export const BROKERS = '127.0.0.1:9092';

/** A lab group on TOPIC with the lab's defaults; overrides replace single fields. */
export const groupConfig = (
  groupId = 'g1',
  overrides: Partial<LabGroupConfig> = {},
): LabGroupConfig => ({
  groupId,
  topic: TOPIC,
  client: 'kafkajs',
  protocol: 'classic',
  assignor: 'round-robin',
  staticMembership: false,
  maxPollIntervalMs: null,
  commitMode: 'after-processing',
  autoCommitIntervalMs: 5000,
  offsetReset: 'earliest',
  sessionTimeoutMs: 6000,
  heartbeatIntervalMs: 1000,
  ...overrides,
});

/** Initial state on BROKERS at T0. */
export const fresh = (embedded = false): LabState => initialState(BROKERS, embedded, T0);

/** Folds the actions over a state with the real reducer. */
export const run = (state: LabState, ...actions: LabAction[]): LabState =>
  actions.reduce(reduce, state);

/** Folds the actions over a bare initial state (brokers 'b', no embedded broker, at 0). */
export const replay = (...actions: LabAction[]): LabState =>
  run(initialState('b', false, 0), ...actions);

/**
 * A topic as an admin poll sees it, one entry a partition: a log end offset (log start 0) or a
 * [logStart, logEnd] pair.
 */
export const topic = (
  name: string,
  partitions: (number | [number, number])[],
  internal = false,
): ObservedTopic => ({
  name,
  internal,
  partitions: partitions.map((offsets, partition) => {
    const [logStartOffset, logEndOffset] = typeof offsets === 'number' ? [0, offsets] : offsets;
    return { partition, leader: 1, replicas: [1], isr: [1], logStartOffset, logEndOffset };
  }),
});

/** A group member as an admin poll sees it, assigned the given partitions of one topic. */
export const member = (
  memberId: string,
  partitions: number[],
  onTopic = TOPIC,
): ObservedMember => ({
  memberId,
  clientId: `client-${memberId}`,
  host: '/127.0.0.1',
  groupInstanceId: null,
  assignments: [{ topic: onTopic, partitions }],
  targetAssignments: null,
  memberEpoch: null,
  upgraded: null,
});

/** A Stable consumer group as an admin poll sees it; a state or other fields may replace defaults. */
export const group = (
  groupId: string,
  members: ObservedMember[] = [],
  extra: GroupState | Partial<ObservedGroup> = {},
): ObservedGroup => ({
  groupId,
  type: 'classic',
  state: 'Stable',
  protocol: 'RoundRobinAssigner',
  protocolType: 'consumer',
  groupEpoch: null,
  assignmentEpoch: null,
  members,
  offsets: [],
  ...(typeof extra === 'string' ? { state: extra } : extra),
});

/** One admin poll of a single-broker cluster 'lab'; cluster fields may be overridden. */
export const observation = (
  at: number,
  groups: ObservedGroup[] = [],
  topics: ObservedTopic[] = [topic(TOPIC, [10, 10])],
  cluster: Partial<Cluster> = {},
): AdminObservation => ({
  at,
  cluster: {
    clusterId: 'lab',
    controller: 1,
    brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092 }],
    ...cluster,
  },
  topics,
  groups,
});

export const observed = (o: AdminObservation): LabAction => ({
  type: 'admin/observed',
  observation: o,
});

export const message = (id: string, msg: WorkerMessage, incarnation = 1): LabAction => ({
  type: 'consumer/message',
  id,
  incarnation,
  message: msg,
});

export const spawned = (
  id: string,
  groupId = 'g1',
  at = T0,
  pid: number | null = 100,
  incarnation = 1,
): LabAction => ({
  type: 'consumer/spawned',
  id,
  groupId,
  incarnation,
  pid,
  delayMs: 0,
  at,
});

/** The process of incarnation `incarnation` ended with an exit code or a signal. */
export const exited = (
  id: string,
  at: number,
  code: number | null = 0,
  signal: string | null = null,
  incarnation = 1,
): LabAction => ({ type: 'consumer/exited', id, incarnation, code, signal, at });

/** A consumer joined as a follower, assigned the given partitions of TOPIC; extra replaces fields. */
export const joined = (
  id: string,
  memberId: string,
  partitions: number[],
  at = T0 + 100,
  extra: Partial<Omit<JoinedMessage, 'type'>> = {},
): LabAction =>
  message(id, {
    type: 'joined',
    memberId,
    leaderId: null,
    isLeader: false,
    protocol: 'RoundRobinAssigner',
    generationId: null,
    assignment: [{ topic: TOPIC, partitions }],
    added: [{ topic: TOPIC, partitions }],
    durationMs: 0,
    at,
    ...extra,
  });

export const heartbeat = (id: string, memberId: string, generationId: number, at: number) =>
  message(id, { type: 'heartbeat', memberId, generationId, at });

export const committed = (
  id: string,
  at: number,
  generationId: number | null = 1,
  offsets: CommittedMessage['offsets'] = [],
): LabAction => message(id, { type: 'committed', generationId, offsets, at });

export const commanded = (
  id: string,
  command: ConsumerCommand,
  at: number,
  delayMs?: number,
): LabAction => ({ type: 'consumer/commanded', id, command, at, delayMs });

/** The timeline events of one kind. */
export const ofKind = (state: LabState, kind: string) =>
  state.timeline.filter((e) => e.kind === kind);

/** The kinds of all timeline events, oldest first. */
export const kinds = (state: LabState) => state.timeline.map((e) => e.kind);

/** A one-partition topic as the snapshot shows it, its log end at `logEnd`. */
export const topicInfo = (name: string, logEnd = 0): TopicInfo => ({
  name,
  internal: false,
  lab: false,
  partitions: [
    {
      partition: 0,
      leader: 1,
      replicas: [1],
      isr: [1],
      logStartOffset: 0,
      logEndOffset: logEnd,
      messagesPerSec: 0,
    },
  ],
});

/** Lab group g1 with c1 on [0, 1] and c2 on [2, 3], as their clients reported at T0 + 100. */
export const twoConsumers = (): LabState =>
  run(
    fresh(),
    { type: 'group/registered', config: groupConfig('g1'), at: T0 },
    spawned('c1', 'g1', T0),
    spawned('c2', 'g1', T0),
    joined('c1', 'm1', [0, 1], T0 + 100),
    joined('c2', 'm2', [2, 3], T0 + 100),
  );

/**
 * twoConsumers, then a rebalance from T0 + 1000: c1 gives up P1 at once, c2 takes it at T0 + 1400,
 * checked as over at T0 + 1500 (400 ms, P1 paused 400 ms).
 */
export const p1MovedToC2 = (): LabState => {
  const p1 = [partitionKey(TOPIC, 1)];
  const open = startRebalance(twoConsumers(), 'g1', T0 + 1000);
  const revoked = partitionsStopped(open, 'g1', 'c1', p1, T0 + 1000);
  const moved = touchRebalance(
    partitionsStarted(revoked, 'g1', 'c2', p1, T0 + 1400),
    'g1',
    T0 + 1400,
  );
  return settleRebalance(moved, 'g1', T0 + 1500);
};
