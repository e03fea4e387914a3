import { describe, expect, it } from 'vitest';
import { MAX_TIMELINE_EVENTS } from '../../protocol/constants';
import { fresh, T0 } from './test-fixtures';
import { formatDuration, withEvents } from './timeline';

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
        text: null,
        durationMs: null,
        count: 1,
      },
      {
        id: 2,
        at: T0 + 1,
        kind: 'commits',
        groupId: 'g',
        message: 'b',
        text: null,
        durationMs: 5,
        count: 7,
      },
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
