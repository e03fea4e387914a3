import { describe, expect, it } from 'vitest';
import { moveColumns } from './rebalance-moves';

const move = (partition: number, from: string | null, to: string) => ({
  partition: `t|${partition}`,
  from,
  to,
});

describe('the columns the moves’ arrows run between', () => {
  it('follow the lanes, only the consumers a partition moved from or to, nobody first', () => {
    const moves = [move(1, null, 'c3'), move(2, 'c3', 'c1'), move(4, null, 'c1')];
    expect(moveColumns(moves, ['c1', 'c2', 'c3'])).toEqual([null, 'c1', 'c3']);
  });

  it('a consumer no longer on the board (it left) comes after the lanes', () => {
    expect(moveColumns([move(0, 'c9', 'c2'), move(1, 'c4', 'c1')], ['c1', 'c2'])).toEqual([
      'c1',
      'c2',
      'c4',
      'c9',
    ]);
  });
});
