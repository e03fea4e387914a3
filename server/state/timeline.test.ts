import { describe, expect, it } from 'vitest';
import { fresh, T0 } from './test-fixtures';
import {
  completeRebalance,
  formatDuration,
  MAX_TIMELINE_EVENTS,
  noteCause,
  startRebalance,
  withEvents,
} from './timeline';

describe('withEvents', () => {
  it('returns the same state for no events', () => {
    const state = fresh();
    expect(withEvents(state, [])).toBe(state);
  });

  it('numbers events from nextEventId and fills the defaults', () => {
    const next = withEvents(fresh(), [
      { kind: 'topic-created', at: T0, message: 'a' },
      { kind: 'commits', at: T0 + 1, groupId: 'g', message: 'b', durationMs: 5, count: 7 },
    ]);
    expect(next.nextEventId).toBe(3);
    expect(next.timeline).toEqual([
      {
        id: 1,
        at: T0,
        kind: 'topic-created',
        groupId: null,
        message: 'a',
        durationMs: null,
        count: 1,
      },
      { id: 2, at: T0 + 1, kind: 'commits', groupId: 'g', message: 'b', durationMs: 5, count: 7 },
    ]);
  });

  it('does not mutate the input state', () => {
    const state = fresh();
    withEvents(state, [{ kind: 'topic-created', at: T0, message: 'a' }]);
    expect(state.timeline).toEqual([]);
    expect(state.nextEventId).toBe(1);
  });

  it(`keeps only the newest ${MAX_TIMELINE_EVENTS} events, ids still increasing`, () => {
    let state = fresh();
    for (let i = 0; i < MAX_TIMELINE_EVENTS + 5; i++)
      state = withEvents(state, [{ kind: 'commits', at: T0 + i, message: `e${i}` }]);
    expect(state.timeline).toHaveLength(MAX_TIMELINE_EVENTS);
    expect(state.timeline[0]?.id).toBe(6);
    expect(state.timeline.at(-1)?.message).toBe(`e${MAX_TIMELINE_EVENTS + 4}`);
    expect(state.nextEventId).toBe(MAX_TIMELINE_EVENTS + 6);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [12.4, '12 ms'],
    [999, '999 ms'],
    [1000, '1.0 s'],
    [1234, '1.2 s'],
    [61_000, '61.0 s'],
  ])('formats %d ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('startRebalance', () => {
  it('uses a recent cause, then forgets it', () => {
    const state = noteCause(fresh(), 'g', 'c3 joined', T0);
    const next = startRebalance(state, 'g', T0 + 59_000);
    expect(next.rebalances.g).toEqual({ startedAt: T0 + 59_000, reason: 'c3 joined' });
    expect(next.causes.g).toBeUndefined();
    expect(next.timeline).toMatchObject([
      { kind: 'rebalance-started', groupId: 'g', message: 'Rebalance started: c3 joined' },
    ]);
  });

  it('ignores a cause a minute old or older', () => {
    const state = noteCause(fresh(), 'g', 'c3 joined', T0);
    const next = startRebalance(state, 'g', T0 + 60_000);
    expect(next.rebalances.g?.reason).toBe('the coordinator started it');
  });

  it('keeps causes of other groups', () => {
    const state = noteCause(noteCause(fresh(), 'a', 'x', T0), 'b', 'y', T0);
    expect(startRebalance(state, 'a', T0).causes).toEqual({ b: { reason: 'y', at: T0 } });
  });

  it('does nothing while a rebalance of the group is already open', () => {
    const started = startRebalance(fresh(), 'g', T0);
    expect(startRebalance(started, 'g', T0 + 100)).toBe(started);
  });
});

describe('completeRebalance', () => {
  it('does nothing without an open rebalance', () => {
    const state = fresh();
    expect(completeRebalance(state, 'g', T0)).toBe(state);
  });

  it('closes the rebalance with its duration and reason', () => {
    const started = startRebalance(noteCause(fresh(), 'g', 'c1 left', T0), 'g', T0 + 1000);
    const done = completeRebalance(started, 'g', T0 + 2500);
    expect(done.rebalances.g).toBeUndefined();
    expect(done.rebalanceEndedAt.g).toBe(T0 + 2500);
    expect(done.timeline.at(-1)).toMatchObject({
      kind: 'rebalance-completed',
      groupId: 'g',
      durationMs: 1500,
      message: 'Rebalance completed in 1.5 s (c1 left)',
    });
  });

  it('counts from an earlier start when one is known', () => {
    const started = startRebalance(fresh(), 'g', T0 + 1000);
    const done = completeRebalance(started, 'g', T0 + 1200, T0 + 400);
    expect(done.timeline.at(-1)?.durationMs).toBe(800);
    const later = completeRebalance(started, 'g', T0 + 1200, T0 + 1100);
    expect(later.timeline.at(-1)?.durationMs).toBe(200);
  });

  it('never reports a negative duration', () => {
    const started = startRebalance(fresh(), 'g', T0 + 1000);
    expect(completeRebalance(started, 'g', T0).timeline.at(-1)?.durationMs).toBe(0);
  });
});

describe('noteCause', () => {
  it('replaces the previous cause of the group', () => {
    const state = noteCause(noteCause(fresh(), 'g', 'first', T0), 'g', 'second', T0 + 1);
    expect(state.causes).toEqual({ g: { reason: 'second', at: T0 + 1 } });
  });
});
