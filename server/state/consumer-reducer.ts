import type { WorkerMessage } from '../../protocol/ipc';
import { own } from './own';
import { completeRebalance, noteCause, startRebalance, withEvents } from './timeline';
import type { LabAction, LabConsumerRecord, LabState } from './types';

type ConsumerAction = Extract<LabAction, { type: `consumer/${string}` }>;

function patchConsumer(state: LabState, id: string, patch: Partial<LabConsumerRecord>): LabState {
  const current = state.consumers[id];
  if (!current) return state;
  return { ...state, consumers: { ...state.consumers, [id]: { ...current, ...patch } } };
}

export function reduceConsumer(state: LabState, action: ConsumerAction): LabState {
  switch (action.type) {
    case 'consumer/spawned': {
      const previous = state.consumers[action.id];
      const record: LabConsumerRecord = {
        id: action.id,
        groupId: action.groupId,
        status: 'starting',
        pid: action.pid,
        memberId: null,
        generationId: null,
        isLeader: false,
        delayMs: action.delayMs,
        assignment: [],
        processedCount: previous?.processedCount ?? 0,
        lastHeartbeatAt: null,
        crashedAt: null,
        lastError: null,
        expectedExit: null,
      };
      const next = noteCause(
        { ...state, consumers: { ...state.consumers, [action.id]: record } },
        action.groupId,
        `${action.id} joined`,
        action.at,
      );
      return withEvents(next, [
        {
          kind: 'consumer-started',
          at: action.at,
          groupId: action.groupId,
          message: `${action.id} started as process ${action.pid ?? '?'}`,
        },
      ]);
    }
    case 'consumer/message':
      return reduceWorkerMessage(state, action.id, action.message);
    case 'consumer/commanded':
      return reduceCommand(state, action);
    case 'consumer/exited':
      return reduceExit(state, action);
    case 'consumer/removed': {
      if (!state.consumers[action.id]) return state;
      const consumers = { ...state.consumers };
      delete consumers[action.id];
      return { ...state, consumers };
    }
  }
}

function reduceCommand(
  state: LabState,
  action: Extract<ConsumerAction, { type: 'consumer/commanded' }>,
): LabState {
  const consumer = state.consumers[action.id];
  if (!consumer) return state;
  switch (action.command) {
    case 'crash': {
      const sessionS = (own(state.labGroups, consumer.groupId)?.sessionTimeoutMs ?? 0) / 1000;
      const next = patchConsumer(state, action.id, {
        status: 'crashed',
        crashedAt: action.at,
        expectedExit: 'crash',
        pid: null,
      });
      return withEvents(next, [
        {
          kind: 'consumer-crashed',
          at: action.at,
          groupId: consumer.groupId,
          message: `${action.id} killed with SIGKILL: no LeaveGroup, no final commit. Kafka keeps its partitions until the ${sessionS} s session timeout runs out`,
        },
      ]);
    }
    case 'stop':
      return patchConsumer(state, action.id, { status: 'stopping', expectedExit: 'stop' });
    case 'pause':
      return patchConsumer(state, action.id, { status: 'paused' });
    case 'resume':
      return patchConsumer(state, action.id, { status: 'running' });
    case 'slow':
      return patchConsumer(state, action.id, { delayMs: action.delayMs ?? 0 });
  }
}

function reduceExit(
  state: LabState,
  action: Extract<ConsumerAction, { type: 'consumer/exited' }>,
): LabState {
  const consumer = state.consumers[action.id];
  if (!consumer) return state;
  if (consumer.expectedExit === 'crash')
    return consumer.pid === null ? state : patchConsumer(state, action.id, { pid: null });
  const stopping = consumer.expectedExit === 'stop' || consumer.status === 'stopping';
  // Exit code 0: committed and left. 2: left, but the last commit was refused. A signal means the
  // stop timed out and the process was killed: Kafka still lists it, exactly like a crash.
  if (stopping && action.signal === null && (action.code === 0 || action.code === 2)) {
    const next = noteCause(
      patchConsumer(state, action.id, {
        status: 'stopped',
        pid: null,
        memberId: null,
        assignment: [],
      }),
      consumer.groupId,
      `${action.id} left the group`,
      action.at,
    );
    const message =
      action.code === 0
        ? `${action.id} stopped gracefully: committed, sent LeaveGroup`
        : `${action.id} left the group, but its last commit was refused: the next owner re-reads those messages`;
    return withEvents(next, [
      { kind: 'member-left', at: action.at, groupId: consumer.groupId, message },
    ]);
  }
  const how = action.signal ? `signal ${action.signal}` : `exit code ${action.code}`;
  const next = patchConsumer(state, action.id, {
    status: 'crashed',
    pid: null,
    crashedAt: action.at,
    lastError: consumer.lastError ?? `process ended (${how})`,
  });
  return withEvents(next, [
    {
      kind: 'consumer-crashed',
      at: action.at,
      groupId: consumer.groupId,
      message: stopping
        ? `${action.id} did not stop cleanly (${how}): no LeaveGroup, Kafka evicts it after the session timeout`
        : `${action.id} died on its own (${how}); not restarted`,
    },
  ]);
}

function reduceWorkerMessage(state: LabState, id: string, message: WorkerMessage): LabState {
  const consumer = state.consumers[id];
  if (!consumer || consumer.status === 'crashed' || consumer.status === 'stopped') return state;
  const { groupId } = consumer;
  switch (message.type) {
    case 'ready':
      return patchConsumer(state, id, {
        pid: message.pid,
        status: consumer.status === 'starting' ? 'joining' : consumer.status,
      });
    case 'joined': {
      const firstJoin = consumer.memberId !== message.memberId;
      let next = patchConsumer(state, id, {
        memberId: message.memberId,
        isLeader: message.isLeader,
        assignment: message.assignment,
        status:
          consumer.status === 'paused' || consumer.status === 'stopping'
            ? consumer.status
            : 'running',
      });
      if (firstJoin && consumer.memberId !== null && consumer.status !== 'stopping') {
        // The same process under a new member id: the coordinator had dropped the old one.
        next = withEvents(noteCause(next, groupId, `${id} was evicted and rejoined`, message.at), [
          {
            kind: 'member-evicted',
            at: message.at,
            groupId,
            message: `Coordinator evicted ${id} (no heartbeat within the session timeout); it rejoined as ${message.memberId}`,
          },
        ]);
      } else if (firstJoin) {
        next = withEvents(next, [
          {
            kind: 'member-joined',
            at: message.at,
            groupId,
            message: `${id} joined as ${message.memberId}${message.isLeader ? ' (group leader)' : ''}`,
          },
        ]);
      }
      return completeRebalance(
        next,
        groupId,
        message.at,
        message.durationMs === null ? undefined : message.at - message.durationMs,
      );
    }
    case 'rebalancing':
      return startRebalance(
        patchConsumer(state, id, { status: consumer.status === 'paused' ? 'paused' : 'joining' }),
        groupId,
        message.at,
      );
    case 'heartbeat':
      return patchConsumer(state, id, {
        lastHeartbeatAt: message.at,
        generationId: message.generationId,
        memberId: message.memberId,
      });
    case 'progress': {
      const processed = { ...(own(state.processed, groupId) ?? {}) };
      for (const p of message.processed) processed[`${p.topic}|${p.partition}`] = p.offset;
      return {
        ...patchConsumer(state, id, { processedCount: consumer.processedCount + message.count }),
        processed: { ...state.processed, [groupId]: processed },
        consumedSinceTick: state.consumedSinceTick + message.count,
      };
    }
    case 'committed': {
      const commits = { ...(own(state.labCommits, groupId) ?? {}) };
      for (const o of message.offsets)
        commits[`${o.topic}|${o.partition}`] = { offset: o.offset, at: message.at };
      const counted = {
        ...state,
        labCommits: { ...state.labCommits, [groupId]: commits },
        commitCounts: {
          ...state.commitCounts,
          [groupId]: (own(state.commitCounts, groupId) ?? 0) + 1,
        },
      };
      return message.generationId === null
        ? counted
        : patchConsumer(counted, id, { generationId: message.generationId });
    }
    case 'error':
      return patchConsumer(state, id, { lastError: message.message });
    case 'revoked':
    case 'left':
    case 'stopped':
      return state;
  }
}
