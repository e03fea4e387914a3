import { describe, expect, it } from 'vitest';
import type { AdminObservation } from './observation';
import { initialState, reduce } from './reducer';
import { buildSnapshot } from './snapshot';
import type { LabAction, LabState } from './types';

const observation = (at: number, committed: number): AdminObservation => ({
  at,
  cluster: {
    clusterId: 'c',
    controller: 1,
    brokers: [{ nodeId: 1, host: '127.0.0.1', port: 9092 }],
  },
  topics: [
    {
      name: 't',
      internal: false,
      partitions: [
        { partition: 0, leader: 1, replicas: [1], isr: [1], logStartOffset: 0, logEndOffset: 100 },
      ],
    },
  ],
  groups: [
    {
      groupId: 'g',
      state: 'Stable',
      protocol: 'range',
      protocolType: 'consumer',
      members: [],
      offsets: [{ topic: 't', partition: 0, offset: committed }],
    },
  ],
});

const commit = (offset: number, at: number): LabAction => ({
  type: 'consumer/message',
  id: 'c1',
  message: {
    type: 'committed',
    generationId: 3,
    offsets: [{ topic: 't', partition: 0, offset }],
    at,
  },
});

function run(...actions: LabAction[]): LabState {
  return actions.reduce(reduce, initialState('b', false, 0));
}

const committedOf = (state: LabState) =>
  buildSnapshot(state, 0).groups[0]?.offsets[0]?.committedOffset;

describe('commits acknowledged to lab consumers', () => {
  const spawned: LabAction = {
    type: 'consumer/spawned',
    id: 'c1',
    groupId: 'g',
    pid: 1,
    delayMs: 0,
    at: 0,
  };

  it('show at once when newer than the last admin poll, with lag following', () => {
    const state = run(
      { type: 'admin/observed', observation: observation(1000, 40) },
      spawned,
      commit(70, 1500),
    );
    expect(committedOf(state)).toBe(70);
    expect(buildSnapshot(state, 0).groups[0]?.offsets[0]?.lag).toBe(30);
  });

  it('give way to a newer poll, which is what Kafka says now', () => {
    const state = run(spawned, commit(70, 1500), {
      type: 'admin/observed',
      observation: observation(2000, 65),
    });
    expect(committedOf(state)).toBe(65);
  });
});
