import { describe, expect, it } from 'vitest';
import type { AdminObservation } from './observation';
import { buildSnapshot } from './snapshot';
import {
  committed,
  fresh,
  group,
  member,
  observation,
  observed,
  replay,
  run,
  spawned,
  T0,
  TOPIC,
  topic,
} from './test-fixtures';
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

describe('commits read from __consumer_offsets', () => {
  it('show at once for any group, and drop out once a poll has them', () => {
    const base = run(fresh(), observed(observation(T0, [group('ext', [member('m', [0])])])));
    const seen = run(base, {
      type: 'commits/observed',
      commits: [{ groupId: 'ext', topic: TOPIC, partition: 0, offset: 7, at: T0 + 300 }],
    });
    expect(buildSnapshot(seen).groups[0]?.offsets[0]?.committedOffset).toBe(7);
    expect(seen.commitCounts.ext).toBe(1);
    const polled = run(
      seen,
      observed(
        observation(T0 + 1000, [
          group('ext', [member('m', [0])], {
            offsets: [{ topic: TOPIC, partition: 0, offset: 7 }],
          }),
        ]),
      ),
    );
    expect(polled.commits).toEqual({});
    expect(buildSnapshot(polled).groups[0]?.offsets[0]?.committedOffset).toBe(7);
  });
});
