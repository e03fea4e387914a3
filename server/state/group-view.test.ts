import { describe, expect, it } from 'vitest';
import { buildSnapshot } from './snapshot';
import {
  commanded,
  exited,
  group,
  heartbeat,
  joined,
  member,
  observation,
  observed,
  run,
  T0,
  TOPIC,
  topic,
  twoConsumers,
} from './test-fixtures';
import type { LabState } from './types';

const parts = (...ps: number[]) => ps.map((partition) => ({ topic: TOPIC, partition }));
const lanesOf = (state: LabState) => {
  const g = buildSnapshot(state, T0 + 10_000).groups.find((x) => x.groupId === 'g1');
  if (!g) throw new Error('no group g1');
  return g;
};
const fourPartitions = [topic(TOPIC, [10, 10, 10, 10])];

/** c1 on [0, 1] and c2 on [2, 3], as both the clients and a later poll report. */
function settled(): LabState {
  return run(
    twoConsumers(),
    observed(
      observation(
        T0 + 500,
        [group('g1', [member('m1', [0, 1]), member('m2', [2, 3])])],
        fourPartitions,
      ),
    ),
  );
}

describe('lanes built on the server', () => {
  it('one lane per lab consumer, in natural order, with its partitions', () => {
    const g = lanesOf(settled());
    expect(g.lanes.map((l) => [l.key, l.kind, l.partitions])).toEqual([
      ['c1', 'consumer', parts(0, 1)],
      ['c2', 'consumer', parts(2, 3)],
    ]);
    expect(g.lanes[0]?.consumer).toMatchObject({ phase: 'running' });
    expect(g.unassigned).toEqual([]);
  });

  it('a join the client reported after the last poll moves the chips at once', () => {
    const state = run(
      settled(),
      joined('c1', 'm1', [0, 1, 2], T0 + 900),
      joined('c2', 'm2', [3], T0 + 900),
    );
    expect(lanesOf(state).lanes.map((l) => l.partitions)).toEqual([parts(0, 1, 2), parts(3)]);
  });

  it('a crashed consumer is a ghost lane, keeping its partitions until Kafka drops it', () => {
    const state = run(
      settled(),
      heartbeat('c2', 'm2', 1, T0 + 800),
      commanded('c2', 'crash', T0 + 1000),
    );
    const ghost = lanesOf(state).lanes.find((l) => l.key === 'c2');
    expect(ghost).toMatchObject({
      kind: 'ghost',
      partitions: parts(2, 3),
      evictionDueAt: T0 + 800 + 6000,
    });
    const evicted = run(
      state,
      observed(observation(T0 + 7000, [group('g1', [member('m1', [0, 1, 2, 3])])], fourPartitions)),
    );
    const g = lanesOf(evicted);
    expect(g.lanes.map((l) => l.key)).toEqual(['c1']);
    expect(g.dormant).toEqual([{ id: 'c2', phase: 'crashed' }]);
  });

  it('members of an earlier process and of other clients get their own lanes', () => {
    const state = run(
      settled(),
      observed(
        observation(
          T0 + 600,
          [
            group('g1', [
              member('m1', [0, 1]),
              member('m2', [2]),
              { ...member('old', [3]), clientId: 'offset-lab-c9' },
              { ...member('x', []), clientId: 'someone' },
            ]),
          ],
          fourPartitions,
        ),
      ),
    );
    const lanes = lanesOf(state).lanes;
    expect(lanes.find((l) => l.key === 'old')).toMatchObject({
      kind: 'ghost',
      label: 'c9 (earlier process)',
    });
    expect(lanes.find((l) => l.key === 'x')).toMatchObject({ kind: 'member', label: 'someone' });
  });

  it('partitions nobody owns are listed as unassigned', () => {
    const state = run(
      settled(),
      commanded('c2', 'stop', T0 + 700),
      exited('c2', T0 + 800, 0),
      observed(observation(T0 + 900, [group('g1', [member('m1', [0, 1])])], fourPartitions)),
    );
    expect(lanesOf(state).unassigned).toEqual(parts(2, 3));
  });

  it('a KIP-848 member shows its target partitions as incoming while it reconciles', () => {
    const state = run(
      settled(),
      observed(
        observation(
          T0 + 600,
          [
            group(
              'g1',
              [
                {
                  ...member('m1', [0, 1]),
                  targetAssignments: [{ topic: TOPIC, partitions: [0] }],
                  memberEpoch: 4,
                },
                {
                  ...member('m2', [2, 3]),
                  targetAssignments: [{ topic: TOPIC, partitions: [1, 2, 3] }],
                  memberEpoch: 4,
                },
              ],
              'Reconciling',
            ),
          ],
          fourPartitions,
        ),
      ),
    );
    const lanes = lanesOf(state).lanes;
    expect(lanes.find((l) => l.key === 'c2')).toMatchObject({ incoming: parts(1), memberEpoch: 4 });
    expect(lanes.find((l) => l.key === 'c1')?.incoming).toEqual([]);
  });
});
