import { describe, expect, it } from 'vitest';
import { buildSnapshot } from './snapshot';
import {
  fresh,
  group,
  member,
  observation,
  observed,
  run,
  T0,
  TOPIC,
  topic,
} from './test-fixtures';

/** Two members share P0 of a 20-record partition; one record is held, 19 are done beyond it. */
const shared = (lag: number | null) =>
  run(
    fresh(),
    observed(
      observation(
        T0,
        [
          group('s1', [member('holder', [0]), member('acceptor', [0])], {
            type: 'share',
            protocol: 'simple',
            protocolType: 'share',
            offsets: [{ topic: TOPIC, partition: 0, offset: 0, lag }],
          }),
        ],
        [topic(TOPIC, [20])],
      ),
    ),
  );

const groupOf = (state: ReturnType<typeof shared>) => {
  const g = buildSnapshot(state, T0 + 1_000).groups.find((x) => x.groupId === 's1');
  if (!g) throw new Error('no group s1');
  return g;
};

describe('a share group (KIP-932) in the snapshot', () => {
  it("takes Kafka's share lag, not log end − start offset", () => {
    const g = groupOf(shared(1));
    expect(g.offsets[0]).toMatchObject({ committedOffset: 0, logEndOffset: 20, lag: 1 });
    expect(g.totalLag).toBe(1);
  });

  it('falls back to log end − start offset while Kafka does not know the lag yet', () => {
    expect(groupOf(shared(null)).offsets[0]?.lag).toBe(20);
  });

  it('names every member reading a partition instead of one owner, and a lane for each', () => {
    const g = groupOf(shared(1));
    expect(g.offsets[0]?.memberId).toBeNull();
    expect(g.offsets[0]?.sharedBy).toEqual(['holder', 'acceptor']);
    expect(g.lanes.map((l) => l.partitions.map((p) => p.partition))).toEqual([[0], [0]]);
    expect(g.unassigned).toEqual([]);
  });

  it('leaves consumer groups as they were: one owner, no readers list', () => {
    const state = run(
      fresh(),
      observed(
        observation(
          T0,
          [
            group('c1', [member('m1', [0])], {
              offsets: [{ topic: TOPIC, partition: 0, offset: 5 }],
            }),
          ],
          [topic(TOPIC, [20])],
        ),
      ),
    );
    const g = buildSnapshot(state, T0 + 1_000).groups.find((x) => x.groupId === 'c1');
    expect(g?.offsets[0]).toMatchObject({ memberId: 'm1', lag: 15 });
    expect(g?.offsets[0]?.sharedBy).toBeUndefined();
  });
});
