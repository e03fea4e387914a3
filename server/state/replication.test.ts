import { describe, expect, it } from 'vitest';
import type { LabNode } from '../../protocol/cluster-nodes';
import { nodeStatuses } from './node-view';
import type { ObservedTopic } from './observation';
import {
  fresh,
  group,
  groupConfig,
  message,
  observation,
  observed,
  ofKind,
  run,
  spawned,
  T0,
  TOPIC,
  topic,
} from './test-fixtures';
import type { LabAction } from './types';

/** A topic on brokers 1-3: [leader, isr] per partition, log 0..100. */
function replicated(name: string, parts: [number, number[]][]): ObservedTopic {
  return {
    name,
    internal: false,
    partitions: parts.map(([leader, isr], partition) => ({
      partition,
      leader,
      replicas: [1, 2, 3],
      isr,
      logStartOffset: 0,
      logEndOffset: 100,
    })),
  };
}

const node = (nodeId: number, running: boolean, extra: Partial<LabNode> = {}): LabNode => ({
  nodeId,
  role: nodeId === 0 ? 'controller' : 'broker',
  host: '127.0.0.1',
  port: 9000 + nodeId,
  pid: running ? 100 + nodeId : null,
  running,
  lastExit: running ? null : 'killed (SIGKILL)',
  lastChangeAt: T0,
  ...extra,
});

const nodes = (list: LabNode[], at = T0): LabAction => ({
  type: 'broker/changed',
  running: list.some((n) => n.role !== 'controller' && n.running),
  pid: list.find((n) => n.nodeId === 1)?.pid ?? null,
  nodes: list,
  at,
});

const brokers = (...ids: number[]) =>
  ids.map((nodeId) => ({ nodeId, host: '127.0.0.1', port: 9000 + nodeId }));

describe('nodeStatuses', () => {
  it('joins the lab’s processes with Kafka’s view: live, fenced, killed, active controller', () => {
    const state = run(
      fresh(true),
      nodes([node(0, true), node(1, true), node(2, true), node(3, false), node(4, true)]),
      observed(
        observation(
          T0 + 1000,
          [],
          [
            replicated(TOPIC, [
              [1, [1, 2]],
              [1, [1, 2]],
              [2, [2, 1]],
            ]),
          ],
          {
            controller: 0,
            brokers: brokers(1, 2, 3),
            fencedBrokers: brokers(4),
          },
        ),
      ),
    );
    const view = nodeStatuses(state);
    expect(view.map((n) => [n.nodeId, n.state, n.activeController, n.leaderOf])).toEqual([
      [1, 'up', false, 2],
      [2, 'up', false, 1],
      [3, 'down', false, 0],
      [4, 'fenced', false, 0],
      [0, 'up', true, 0],
    ]);
    // Killed a moment ago: the controller has not fenced it yet, and the page says so.
    expect(view[2]?.detail).toContain('killed (SIGKILL); Kafka still lists it');
    expect(view.every((n) => n.lab)).toBe(true);
  });

  it('shows an outside cluster’s brokers from Kafka alone, without buttons', () => {
    const state = run(
      fresh(false),
      observed(observation(T0, [], [], { controller: 2, brokers: brokers(1, 2) })),
    );
    expect(nodeStatuses(state).map((n) => [n.nodeId, n.state, n.lab, n.activeController])).toEqual([
      [1, 'up', false, false],
      [2, 'up', false, true],
    ]);
  });

  it('a broker process that runs but is not registered yet is starting', () => {
    const state = run(
      fresh(true),
      nodes([node(1, true), node(2, true)]),
      observed(observation(T0, [], [], { brokers: brokers(1) })),
    );
    expect(nodeStatuses(state).map((n) => n.state)).toEqual(['up', 'starting']);
  });
});

describe('lab nodes in the timeline', () => {
  it('records each node that stopped or started, with why', () => {
    const up = [node(0, true), node(1, true), node(2, true)];
    const state = run(
      fresh(true),
      nodes(up),
      nodes([node(0, true), node(1, true), node(2, false)], T0 + 10),
      nodes(up, T0 + 20),
    );
    expect(ofKind(state, 'node-stopped').map((e) => e.message)).toEqual([
      'Broker 2 killed (SIGKILL)',
    ]);
    expect(ofKind(state, 'node-started').map((e) => e.message)).toEqual([
      'Controller 0 started (pid 100)',
      'Broker 1 started (pid 101)',
      'Broker 2 started (pid 102)',
      'Broker 2 started (pid 102)',
    ]);
    expect(state.connection.embeddedBroker).toEqual({ running: true, pid: 101 });
  });
});

describe('replication events', () => {
  it('names leaders that moved and ISRs that shrank, below min.insync.replicas too', () => {
    const before = replicated(TOPIC, [
      [3, [3, 1, 2]],
      [1, [1, 2, 3]],
      [2, [2, 3, 1]],
    ]);
    const after = replicated(TOPIC, [
      [1, [1, 2]],
      [1, [1]],
      [2, [2, 3, 1]],
    ]);
    const state = run(
      fresh(true),
      { type: 'topic/configs', topic: TOPIC, configs: { 'min.insync.replicas': '2' } },
      observed(observation(T0, [], [before])),
      observed(observation(T0 + 1000, [], [after])),
    );
    expect(ofKind(state, 'leader-moved').map((e) => e.message)).toEqual([
      `Leaders of ${TOPIC} moved: P0 3→1`,
    ]);
    expect(ofKind(state, 'isr-changed').map((e) => e.message)).toEqual([
      `ISR of ${TOPIC} shrank: P0 [3,1,2]→[1,2], P1 [1,2,3]→[1]; 1 now below min.insync.replicas 2: acks=all writes to them are refused`,
    ]);
  });

  it('says when a partition has no leader left', () => {
    const state = run(
      fresh(true),
      observed(observation(T0, [], [replicated(TOPIC, [[3, [3]]])])),
      observed(observation(T0 + 1000, [], [replicated(TOPIC, [[-1, [3]]])])),
    );
    expect(ofKind(state, 'leader-moved')[0]?.message).toBe(
      `Leaders of ${TOPIC} moved: P0 3→offline`,
    );
  });
});

describe('offset jumps', () => {
  const jump = (from: number, to: number, partition = 0): LabAction =>
    message('c1', { type: 'offset-jump', topic: TOPIC, partition, from, to, at: T0 + 5000 });

  it('earliest: every offset passed over was deleted by retention; the audit counts them', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1'),
      observed(observation(T0 + 1000, [], [{ ...replicated(TOPIC, [[1, [1]]]) }])),
      jump(120, 340),
    );
    const [event] = ofKind(state, 'offsets-skipped');
    expect(event?.message).toBe(
      `c1 fetched offset 120 of ${TOPIC}-0 < log start 340: 220 messages deleted by retention were never read (auto.offset.reset=earliest jumped to 340)`,
    );
    expect(event?.groupId).toBe('g1');
    expect(state.unread.g1).toEqual({ deletedUnread: 220, skippedUnread: 0 });
    expect(state.processed.g1?.[`${TOPIC}|0`]).toBe(340);
  });

  it('latest: what was below the log start was deleted, the rest skipped by the reset', () => {
    const topic = replicated(TOPIC, [[1, [1]]]);
    const withStart = {
      ...topic,
      partitions: topic.partitions.map((p) => ({ ...p, logStartOffset: 300, logEndOffset: 500 })),
    };
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1', { offsetReset: 'latest' }), at: T0 },
      spawned('c1'),
      observed(observation(T0 + 1000, [], [withStart])),
      jump(120, 500),
    );
    expect(ofKind(state, 'offsets-skipped')[0]?.message).toBe(
      `c1 fetched offset 120 of ${TOPIC}-0 < log start 300: 180 messages deleted by retention and 200 more skipped were never read (auto.offset.reset=latest jumped to 500)`,
    );
    expect(state.unread.g1).toEqual({ deletedUnread: 180, skippedUnread: 200 });
  });
});

describe('a jump at assignment, told by the lab', () => {
  const progress = (first: number | undefined, offset: number, at = T0 + 5000): LabAction =>
    message('c1', {
      type: 'progress',
      processed: [
        { topic: TOPIC, partition: 0, offset, ...(first === undefined ? {} : { first }) },
      ],
      seqs: [],
      count: 1,
      at,
    });
  /** g1 committed 120 on P0; retention has since moved the log start to 340. */
  const behindTheLog = () =>
    run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1'),
      observed(
        observation(
          T0 + 1000,
          [group('g1', [], { offsets: [{ topic: TOPIC, partition: 0, offset: 120 }] })],
          [topic(TOPIC, [[340, 400]])],
        ),
      ),
    );

  it('the first record after getting a partition is past the committed offset: deleted unread', () => {
    const state = run(behindTheLog(), progress(340, 341));
    const [event] = ofKind(state, 'offsets-skipped');
    expect(event?.message).toBe(
      `c1 fetched offset 120 of ${TOPIC}-0 < log start 340: 220 messages deleted by retention were never read (auto.offset.reset=earliest jumped to 340)`,
    );
    expect(state.unread.g1).toEqual({ deletedUnread: 220, skippedUnread: 0 });
  });

  it('reading on from the committed offset, or a later report of the same member, is no jump', () => {
    const state = run(behindTheLog(), progress(120, 121), progress(undefined, 400));
    expect(ofKind(state, 'offsets-skipped')).toEqual([]);
    expect(run(behindTheLog(), progress(undefined, 400)).unread.g1).toBeUndefined();
  });
});

describe('a new group that starts after retention deleted the first trades', () => {
  it('tells the jump from where this run’s producer began writing', () => {
    const state = run(
      fresh(),
      { type: 'producer/acked', topic: TOPIC, lastOffsets: { 0: 49 }, firstOffsets: { 0: 0 } },
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1'),
      observed(observation(T0 + 1000, [group('g1')], [topic(TOPIC, [[13, 50]])])),
      message('c1', {
        type: 'progress',
        processed: [{ topic: TOPIC, partition: 0, offset: 14, first: 13 }],
        seqs: [],
        count: 1,
        at: T0 + 2000,
      }),
    );
    expect(state.unread.g1).toEqual({ deletedUnread: 13, skippedUnread: 0 });
  });
});
