import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '@/protocol/history';
import { partitionSeriesKey } from '@/protocol/keys';
import { lagChartData } from './chart-data';

const point = (at: number, partitions: HistoryPoint['partitions']): HistoryPoint => ({
  at,
  producedPerSec: 0,
  consumedPerSec: 0,
  groupLag: { 'a|b': 5, a: 1, 'orders.v1': 9 },
  groupLagSeconds: { 'a|b': 2, a: 0.5, 'orders.v1': 3 },
  partitions,
});

const points = [
  point(1, {
    [partitionSeriesKey('a', 'orders.v1', 0)]: [1, 10, 11],
    [partitionSeriesKey('a|b', 'orders.v1', 0)]: [4, 7, 11],
    [partitionSeriesKey('a|b', 'orders.v1', 2)]: [1, 10, 11],
  }),
];

describe('the lag chart with | and dots in group and topic names', () => {
  it("draws one line per partition of the chosen group, none of another group's", () => {
    const a = lagChartData(points, ['a', 'a|b', 'orders.v1'], 'a', 'messages');
    expect(a.series.map((s) => s.name)).toEqual(['P0']);
    expect(a.data).toEqual([{ at: 1, s0: 1 }]);
    const ab = lagChartData(points, ['a', 'a|b', 'orders.v1'], 'a|b', 'messages');
    expect(ab.series.map((s) => s.name)).toEqual(['P0', 'P2']);
    expect(ab.data).toEqual([{ at: 1, s0: 4, s1: 1 }]);
  });

  it('totals: one line per group, named by the group, keyed without its dots', () => {
    const totals = lagChartData(points, ['a', 'a|b', 'orders.v1'], null, 'messages');
    expect(totals.series.map((s) => [s.key, s.name])).toEqual([
      ['s0', 'a'],
      ['s1', 'a|b'],
      ['s2', 'orders.v1'],
    ]);
    expect(totals.data).toEqual([{ at: 1, s0: 1, s1: 5, s2: 9 }]);
    const seconds = lagChartData(points, ['orders.v1'], 'a', 'seconds');
    expect(seconds.data).toEqual([{ at: 1, s0: 3 }]);
  });
});
