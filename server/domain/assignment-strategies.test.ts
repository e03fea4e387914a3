import { describe, expect, it } from 'vitest';
import { assignRange, assignRoundRobin } from './assignment-strategies';

const members = (ids: string[], topics = ['t']) => ids.map((memberId) => ({ memberId, topics }));

describe('assignRange', () => {
  it('gives contiguous ranges, extras to the first members by id', () => {
    const result = assignRange(members(['c', 'a', 'b']), { t: [0, 1, 2, 3, 4, 5, 6] });
    expect(result).toEqual({ a: { t: [0, 1, 2] }, b: { t: [3, 4] }, c: { t: [5, 6] } });
  });

  it('ranges each topic on its own, so the first member is favoured on every topic', () => {
    const result = assignRange(members(['a', 'b'], ['x', 'y']), { x: [0, 1, 2], y: [0, 1, 2] });
    expect(result.a).toEqual({ x: [0, 1], y: [0, 1] });
    expect(result.b).toEqual({ x: [2], y: [2] });
  });

  it('leaves extra members idle with an empty assignment', () => {
    const result = assignRange(members(['a', 'b', 'c']), { t: [0, 1] });
    expect(result).toEqual({ a: { t: [0] }, b: { t: [1] }, c: {} });
  });
});

describe('assignRoundRobin', () => {
  it('deals partitions across topics in turn', () => {
    const result = assignRoundRobin(members(['a', 'b'], ['x', 'y']), {
      x: [0, 1, 2],
      y: [0, 1, 2],
    });
    expect(result.a).toEqual({ x: [0, 2], y: [1] });
    expect(result.b).toEqual({ x: [1], y: [0, 2] });
  });

  it('skips members that are not subscribed to a topic', () => {
    const result = assignRoundRobin(
      [
        { memberId: 'a', topics: ['x'] },
        { memberId: 'b', topics: ['x', 'y'] },
      ],
      { x: [0, 1], y: [0, 1] },
    );
    expect(result.a).toEqual({ x: [0] });
    expect(result.b).toEqual({ x: [1], y: [0, 1] });
  });

  it('assigns every partition exactly once', () => {
    const parts = Array.from({ length: 64 }, (_, i) => i);
    const result = assignRoundRobin(members(['m1', 'm2', 'm3', 'm4', 'm5']), { t: parts });
    const all = Object.values(result).flatMap((a) => a.t ?? []);
    expect(all.sort((a, b) => a - b)).toEqual(parts);
  });
});
