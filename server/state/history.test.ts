import { describe, expect, it } from 'vitest';
import { HISTORY_CAPACITY } from '../../protocol/constants';
import type { GroupInfo, GroupOffset, Snapshot, TopicInfo } from '../../protocol/snapshot';
import { historyPoint, RingBuffer } from './history';
import { initialState } from './reducer';
import { buildSnapshot } from './snapshot';
import { T0 } from './test-fixtures';

describe('RingBuffer', () => {
  it('keeps items in insertion order below capacity', () => {
    const buffer = new RingBuffer<number>(3);
    expect(buffer.length).toBe(0);
    expect(buffer.toArray()).toEqual([]);
    buffer.push(1);
    buffer.push(2);
    expect(buffer.length).toBe(2);
    expect(buffer.toArray()).toEqual([1, 2]);
  });

  it('drops the oldest items past capacity', () => {
    const buffer = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) buffer.push(i);
    expect(buffer.length).toBe(3);
    expect(buffer.toArray()).toEqual([5, 6, 7]);
  });

  it('hands out a copy that does not change the buffer', () => {
    const buffer = new RingBuffer<string>(2);
    buffer.push('a');
    const copy = buffer.toArray();
    copy.push('b');
    expect(buffer.toArray()).toEqual(['a']);
  });

  it('holds ten minutes of one-second points by default', () => {
    expect(HISTORY_CAPACITY).toBe(600);
    const buffer = new RingBuffer<number>(HISTORY_CAPACITY);
    for (let i = 0; i < HISTORY_CAPACITY + 50; i++) buffer.push(i);
    expect(buffer.length).toBe(HISTORY_CAPACITY);
    expect(buffer.toArray()[0]).toBe(50);
  });
});

const topicInfo = (name: string, rates: number[], internal = false): TopicInfo => ({
  name,
  internal,
  lab: false,
  partitions: rates.map((messagesPerSec, partition) => ({
    partition,
    leader: 1,
    replicas: [1],
    isr: [1],
    logStartOffset: 0,
    logEndOffset: 0,
    messagesPerSec,
  })),
});
const offset = (
  topic: string,
  partition: number,
  lag: number,
  committedOffset: number | null,
  logEndOffset: number,
): GroupOffset => ({
  topic,
  partition,
  logStartOffset: 0,
  committedOffset,
  processedOffset: null,
  logEndOffset,
  lag,
  lagSeconds: 0,
  health: { verdict: 'OK', reason: '' },
  memberId: null,
});
const groupInfo = (groupId: string, offsets: GroupOffset[]): GroupInfo => ({
  groupId,
  lab: false,
  type: 'classic',
  state: 'Stable',
  protocol: '',
  protocolType: 'consumer',
  generationId: null,
  assignmentEpoch: null,
  members: [],
  offsets,
  totalLag: offsets.reduce((sum, o) => sum + o.lag, 0),
  lagSeconds: 0,
  health: { verdict: 'OK', reason: '' },
  lastCommitAt: null,
  topics: [...new Set(offsets.map((o) => o.topic))],
  config: null,
  rebalance: null,
  lastRebalance: null,
  undoReset: null,
  audit: null,
  lanes: [],
  unassigned: [],
  dormant: [],
});

describe('historyPoint', () => {
  const base: Snapshot = buildSnapshot(initialState('b', false, T0), T0);

  it('sums produced rates of non-internal topics, rounded', () => {
    const snapshot: Snapshot = {
      ...base,
      topics: [
        topicInfo('a', [10.2, 5.1]),
        topicInfo('b', [0.4]),
        topicInfo('__consumer_offsets', [1000], true),
      ],
    };
    const point = historyPoint(snapshot, 7, T0 + 1000);
    expect(point.producedPerSec).toBe(16);
    expect(point.consumedPerSec).toBe(7);
    expect(point.at).toBe(T0 + 1000);
  });

  it('records total lag per group, [lag, committed, logEnd] and the log start per partition', () => {
    const groups = [
      groupInfo('g1', [offset('t', 0, 10, 90, 100), offset('t', 1, 5, null, 5)]),
      groupInfo('g2', [offset('t', 0, 7, 3, 10)]),
    ];
    const snapshot: Snapshot = {
      ...base,
      groups,
      overview: groups.map((g) => ({
        ...g,
        members: 0,
        partitions: g.offsets.length,
        lagTrend: [],
      })),
    };
    expect(historyPoint(snapshot, 0, T0)).toEqual({
      at: T0,
      producedPerSec: 0,
      consumedPerSec: 0,
      groupLag: { g1: 15, g2: 7 },
      groupLagSeconds: { g1: 0, g2: 0 },
      partitions: { 'g1|t|0': [10, 90, 100], 'g1|t|1': [5, null, 5], 'g2|t|0': [7, 3, 10] },
      logStart: { 'g1|t|0': 0, 'g1|t|1': 0, 'g2|t|0': 0 },
    });
    // Series only for the groups shown in full: thousands of others cost nothing here.
    const onlyG1 = historyPoint(snapshot, 0, T0, (id) => id === 'g1');
    expect(Object.keys(onlyG1.partitions)).toEqual(['g1|t|0', 'g1|t|1']);
    expect(onlyG1.groupLag).toEqual({ g1: 15 });
  });
});
