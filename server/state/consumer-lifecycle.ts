/**
 * The one state machine of a lab consumer. `phase` is the only liveness fact anywhere:
 *
 *   starting → joining → running ⇄ paused      (a rebalance sends running back to joining)
 *   any live phase → stopping → stopped        (a clean exit after a requested stop)
 *   any live phase → crashed                   (crash command, or any other exit)
 *
 * Each process is one incarnation; exits and messages of an older one are ignored, so a crash
 * followed at once by a restart is told once.
 */

import type { WorkerMessage } from '../../protocol/ipc';
import { partitionKey } from '../../protocol/keys';
import { acceptsCommands, isLivePhase } from '../../protocol/snapshot';
import { say } from '../../protocol/texts';
import { deadLettered, retried } from './dead-letters';
import { memberJoined, memberLeft, patchConsumer } from './membership';
import { jumpsAtAssignment, offsetJumped } from './offset-jumps';
import { own } from './own';
import {
  keysOf,
  memberRejoining,
  noteCause,
  partitionsStarted,
  partitionsStopped,
  runtimeOf,
  settleRebalance,
  startRebalance,
  touchRebalance,
} from './rebalance';
import { shareRecordsReported } from './share-records';
import { withEvents } from './timeline';
import type { ConsumerRecord, LabAction, LabState } from './types';

type ConsumerAction = Extract<LabAction, { type: `consumer/${string}` }>;

const patch = patchConsumer;

export function reduceConsumer(state: LabState, action: ConsumerAction): LabState {
  switch (action.type) {
    case 'consumer/spawned':
      return spawned(state, action);
    case 'consumer/commanded':
      return commanded(state, action);
    case 'consumer/exited': {
      const consumer = own(state.consumers, action.id);
      if (!consumer || consumer.incarnation !== action.incarnation) return state;
      return settleRebalance(exited(state, consumer, action), consumer.groupId, action.at);
    }
    case 'consumer/message': {
      const consumer = own(state.consumers, action.id);
      if (!consumer || consumer.incarnation !== action.incarnation || !isLivePhase(consumer.phase))
        return state;
      return reduceMessage(state, consumer, action.message);
    }
  }
}

function spawned(
  state: LabState,
  action: Extract<ConsumerAction, { type: 'consumer/spawned' }>,
): LabState {
  const record: ConsumerRecord = {
    id: action.id,
    groupId: action.groupId,
    phase: 'starting',
    incarnation: action.incarnation,
    pid: action.pid,
    memberId: null,
    generationId: null,
    isLeader: false,
    delayMs: action.delayMs,
    assignment: [],
    assignmentAt: null,
    lastHeartbeatAt: null,
    crashedAt: null,
    frozenAt: null,
    lastError: null,
  };
  const next = noteCause(
    { ...state, consumers: { ...state.consumers, [action.id]: record } },
    action.groupId,
    { key: 'cause-joined', params: { id: action.id } },
    action.at,
  );
  return withEvents(next, [
    {
      kind: 'consumer-started',
      at: action.at,
      groupId: action.groupId,
      ...say('consumer-started', { id: action.id, pid: action.pid ?? '?' }),
    },
  ]);
}

function commanded(
  state: LabState,
  action: Extract<ConsumerAction, { type: 'consumer/commanded' }>,
): LabState {
  const consumer = own(state.consumers, action.id);
  if (!consumer || !acceptsCommands(consumer.phase)) return state;
  switch (action.command) {
    case 'crash': {
      const sessionS = (own(state.labGroups, consumer.groupId)?.sessionTimeoutMs ?? 0) / 1000;
      // Its partitions stop being processed now, though Kafka keeps them assigned until eviction.
      const stopped = partitionsStopped(
        state,
        consumer.groupId,
        null,
        keysOf(consumer.assignment),
        action.at,
        consumer.id,
      );
      return withEvents(
        patch(stopped, action.id, { phase: 'crashed', crashedAt: action.at, pid: null }),
        [
          {
            kind: 'consumer-crashed',
            at: action.at,
            groupId: consumer.groupId,
            ...say('consumer-killed', { id: action.id, sessionS }),
          },
        ],
      );
    }
    case 'stop':
      return patch(state, action.id, { phase: 'stopping' });
    case 'pause':
      return patch(state, action.id, { phase: 'paused' });
    case 'resume':
      return consumer.phase === 'paused' ? patch(state, action.id, { phase: 'running' }) : state;
    case 'slow':
      return patch(state, action.id, { delayMs: action.delayMs ?? 0 });
    case 'freeze':
      return withEvents(patch(state, action.id, { frozenAt: action.at }), [
        {
          kind: 'consumer-frozen',
          at: action.at,
          groupId: consumer.groupId,
          ...say('consumer-frozen', { id: action.id }),
        },
      ]);
    case 'thaw': {
      if (consumer.frozenAt === null) return state;
      const seconds = ((action.at - consumer.frozenAt) / 1000).toFixed(1);
      return withEvents(patch(state, action.id, { frozenAt: null }), [
        {
          kind: 'consumer-thawed',
          at: action.at,
          groupId: consumer.groupId,
          ...say('consumer-thawed', { id: action.id, seconds }),
        },
      ]);
    }
  }
}

function exited(
  state: LabState,
  consumer: ConsumerRecord,
  action: Extract<ConsumerAction, { type: 'consumer/exited' }>,
): LabState {
  // Killed on the lab's order: already told when the command was given.
  if (consumer.phase === 'crashed')
    return consumer.pid === null ? state : patch(state, consumer.id, { pid: null });
  const { id, groupId } = consumer;
  // Exit 0: committed and left. 2: left, but the last commit was refused. A signal: the stop timed
  // out and the process was killed, so Kafka still lists it, exactly like a crash.
  if (
    consumer.phase === 'stopping' &&
    action.signal === null &&
    (action.code === 0 || action.code === 2)
  ) {
    const why = say(action.code === 0 ? 'consumer-stopped' : 'consumer-stopped-refused', { id });
    const left = memberLeft(state, id, action.at, why);
    const stopped = partitionsStopped(left, groupId, id, keysOf(consumer.assignment), action.at);
    return patch(stopped, id, {
      phase: 'stopped',
      pid: null,
      assignment: [],
      assignmentAt: action.at,
    });
  }
  const how = action.signal ? `signal ${action.signal}` : `exit code ${action.code}`;
  const stopped = partitionsStopped(
    state,
    groupId,
    null,
    keysOf(consumer.assignment),
    action.at,
    consumer.id,
  );
  const next = patch(stopped, id, {
    phase: 'crashed',
    pid: null,
    crashedAt: action.at,
    lastError: consumer.lastError ?? {
      message: `process ended (${how})`,
      at: action.at,
      recoveredAt: null,
    },
  });
  return withEvents(next, [
    {
      kind: 'consumer-crashed',
      at: action.at,
      groupId,
      ...say(consumer.phase === 'stopping' ? 'consumer-unclean-stop' : 'consumer-died', {
        id,
        how,
      }),
    },
  ]);
}

/** Kafka facts the consumer's own client reports, newer than any poll. */
function reduceMessage(
  state: LabState,
  consumer: ConsumerRecord,
  message: WorkerMessage,
): LabState {
  const { id, groupId } = consumer;
  const holding = consumer.phase === 'paused' || consumer.phase === 'stopping';
  switch (message.type) {
    case 'ready':
      return patch(state, id, {
        pid: message.pid,
        phase: consumer.phase === 'starting' ? 'joining' : consumer.phase,
      });
    case 'joined': {
      const kip848 = own(state.labGroups, groupId)?.protocol === 'consumer';
      let next = memberJoined(
        state,
        id,
        message.memberId,
        message.isLeader,
        message.at,
        message.generationId === null
          ? null
          : { kind: kip848 ? 'member epoch' : 'generation', value: message.generationId },
      );
      const startedAt = message.durationMs === null ? message.at : message.at - message.durationMs;
      // A join into the generation the group already has is no rebalance: a static member back
      // within its session timeout. Without a generation (kafkajs), every join is one.
      const known = Object.values(state.consumers)
        .filter((c) => c.groupId === groupId && c.id !== id && c.generationId !== null)
        .map((c) => c.generationId as number);
      const sameGeneration =
        message.generationId !== null &&
        known.length > 0 &&
        message.generationId <= Math.max(...known);
      // KIP-848 member epochs move with every assignment, and a survivor's heartbeat can carry
      // the new epoch before this report: taking partitions another member stopped is the sign.
      const inTransit = runtimeOf(state, groupId).inTransit;
      const takesStopped = kip848 && keysOf(message.added).some((k) => Object.hasOwn(inTransit, k));
      if (!sameGeneration || takesStopped) next = startRebalance(next, groupId, startedAt);
      next = patch(next, id, {
        isLeader: message.isLeader,
        generationId: message.generationId ?? consumer.generationId,
        assignment: message.assignment,
        assignmentAt: message.at,
        phase: holding ? consumer.phase : 'running',
        lastError:
          consumer.memberId === null
            ? firstJoin(consumer, message.at)
            : recovered(consumer, message.at),
      });
      next = partitionsStarted(next, groupId, id, keysOf(message.added), message.at);
      return settleRebalance(touchRebalance(next, groupId, message.at), groupId, message.at);
    }
    case 'revoked': {
      const gone = new Set(keysOf(message.partitions));
      const assignment = consumer.assignment
        .map((a) => ({
          topic: a.topic,
          partitions: a.partitions.filter((p) => !gone.has(partitionKey(a.topic, p))),
        }))
        .filter((a) => a.partitions.length > 0);
      const next = startRebalance(state, groupId, message.at);
      return patch(partitionsStopped(next, groupId, id, [...gone], message.at), id, {
        assignment,
        assignmentAt: message.at,
      });
    }
    case 'rebalancing':
      return memberRejoining(
        startRebalance(
          patch(state, id, { phase: holding ? consumer.phase : 'joining' }),
          groupId,
          message.at,
        ),
        groupId,
        id,
        message.at,
      );
    case 'heartbeat':
      return patch(state, id, { lastHeartbeatAt: message.at, generationId: message.generationId });
    case 'left': {
      const config = own(state.labGroups, groupId);
      const why = say('consumer-left-max-poll', {
        id,
        gapS: (message.pollGapMs / 1000).toFixed(1),
        maxPollMs: config?.maxPollIntervalMs ?? 300_000,
      });
      const left = memberLeft(state, id, message.at, why);
      const stopped = partitionsStopped(left, groupId, id, keysOf(consumer.assignment), message.at);
      return patch(stopped, id, {
        phase: holding ? consumer.phase : 'joining',
        assignment: [],
        assignmentAt: message.at,
      });
    }
    case 'progress': {
      const jumped = jumpsAtAssignment(state, consumer, message);
      const processed = { ...(own(jumped.processed, groupId) ?? {}) };
      for (const p of message.processed) processed[partitionKey(p.topic, p.partition)] = p.offset;
      return {
        ...jumped,
        processed: { ...jumped.processed, [groupId]: processed },
        consumedSinceTick: jumped.consumedSinceTick + message.count,
      };
    }
    case 'committed': {
      const commits = { ...(own(state.commits, groupId) ?? {}) };
      for (const o of message.offsets)
        commits[partitionKey(o.topic, o.partition)] = { offset: o.offset, at: message.at };
      const counted: LabState = {
        ...state,
        commits: { ...state.commits, [groupId]: commits },
        commitCounts: {
          ...state.commitCounts,
          [groupId]: (own(state.commitCounts, groupId) ?? 0) + 1,
        },
      };
      return patch(counted, id, {
        generationId: message.generationId ?? consumer.generationId,
        lastError: recovered(consumer, message.at),
      });
    }
    case 'retry':
      return retried(state, consumer, message);
    case 'dead-lettered':
      return deadLettered(state, consumer, message);
    case 'error':
      return patch(state, id, {
        lastError: { message: message.message, at: message.at, recoveredAt: null },
      });
    case 'stopped':
      return state;
    case 'offset-jump':
      return offsetJumped(state, consumer, message);
    case 'share-records':
      return shareRecordsReported(state, consumer, message);
  }
}

/**
 * Kafka's "try again" answers while a group coordinator starts (the broker loading
 * __consumer_offsets), and kafkajs restarting its consumer on one of them, are part of a normal
 * first join, not an error worth keeping on the lane.
 */
const COORDINATOR_STARTING =
  /coordinator (is )?not available|coordinator load in progress|not coordinator|restarting the consumer/i;

/** At a process's first join, a start-up retry is forgotten; anything else stays, recovered. */
function firstJoin(consumer: ConsumerRecord, at: number): ConsumerRecord['lastError'] {
  const error = consumer.lastError;
  if (error && error.recoveredAt === null && COORDINATOR_STARTING.test(error.message)) return null;
  return recovered(consumer, at);
}

/** An error stays visible, marked recovered once the client has worked again after it. */
function recovered(consumer: ConsumerRecord, at: number): ConsumerRecord['lastError'] {
  const error = consumer.lastError;
  return error && error.recoveredAt === null && at > error.at
    ? { ...error, recoveredAt: at }
    : error;
}
