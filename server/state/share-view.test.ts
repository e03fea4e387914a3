import { describe, expect, it } from 'vitest';
import type { GroupMetricsView } from '../domain/group-metrics';
import { buildGroupViews } from './group-view';
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

  it('is not late when nothing waits, though the start offset has not moved yet', () => {
    // The log end's history makes the record at the start offset 35 s old; Kafka says all is done.
    const metrics: GroupMetricsView = {
      lastCommitAt: null,
      trend: [],
      drain: { state: 'caught-up', seconds: null, consumePerSec: null, producePerSec: null },
      partition: () => ({
        lagSeconds: 35,
        lagMethod: 'log-end',
        health: { verdict: 'OK', reason: '' },
        drain: { state: 'caught-up', seconds: null, consumePerSec: null, producePerSec: null },
      }),
    };
    const viewOf = (lag: number) => {
      const state = shared(lag);
      const observedGroup = state.observation?.groups[0];
      return buildGroupViews({
        state,
        groupId: 's1',
        observed: observedGroup,
        topics: new Map(state.observation?.topics.map((t) => [t.name, t])),
        consumers: [],
        detailed: true,
        audit: () => null,
        metrics,
      }).details;
    };
    expect(viewOf(1)?.offsets[0]?.lagSeconds).toBe(35);
    expect(viewOf(0)?.offsets[0]).toMatchObject({ committedOffset: 0, lag: 0, lagSeconds: 0 });
    expect(viewOf(0)?.lagSeconds).toBe(0);
  });

  it('falls back to log end − start offset while Kafka does not know the lag yet', () => {
    expect(groupOf(shared(null)).offsets[0]?.lag).toBe(20);
  });

  it('counts nothing waiting on a partition without share state (it starts at the reset point)', () => {
    const g = groupOf(
      run(
        shared(1),
        observed(
          observation(
            T0 + 500,
            [
              group('s1', [member('a', [0, 1])], {
                type: 'share',
                protocolType: 'share',
                offsets: [{ topic: TOPIC, partition: 0, offset: 0, lag: 1 }],
              }),
            ],
            [topic(TOPIC, [20, 30])],
          ),
        ),
      ),
    );
    expect(g.offsets.map((o) => [o.partition, o.committedOffset, o.lag])).toEqual([
      [0, 0, 1],
      [1, null, 0],
    ]);
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
