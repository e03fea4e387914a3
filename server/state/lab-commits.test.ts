import { describe, expect, it } from 'vitest';
import type { AdminObservation } from './observation';
import { buildSnapshot } from './snapshot';
import { committed, group, observation, replay, spawned, topic } from './test-fixtures';
import type { LabAction, LabState } from './types';

/** A poll of topic t (log end 100) and group g, which has committed `offset` on t-0. */
const poll = (at: number, offset: number): AdminObservation =>
  observation(
    at,
    [group('g', [], { protocol: 'range', offsets: [{ topic: 't', partition: 0, offset }] })],
    [topic('t', [100])],
    { clusterId: 'c' },
  );

const commit = (offset: number, at: number): LabAction =>
  committed('c1', at, 3, [{ topic: 't', partition: 0, offset }]);

const committedOf = (state: LabState) =>
  buildSnapshot(state, 0).groups[0]?.offsets[0]?.committedOffset;

describe('commits acknowledged to lab consumers', () => {
  const started = spawned('c1', 'g', 0, 1);

  it('show at once when newer than the last admin poll, with lag following', () => {
    const state = replay(
      { type: 'admin/observed', observation: poll(1000, 40) },
      started,
      commit(70, 1500),
    );
    expect(committedOf(state)).toBe(70);
    expect(buildSnapshot(state, 0).groups[0]?.offsets[0]?.lag).toBe(30);
  });

  it('give way to a newer poll, which is what Kafka says now', () => {
    const state = replay(started, commit(70, 1500), {
      type: 'admin/observed',
      observation: poll(2000, 65),
    });
    expect(committedOf(state)).toBe(65);
  });
});
