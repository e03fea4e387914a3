import { describe, expect, it } from 'vitest';
import type { KEYED_SECTIONS, StateDelta } from '../protocol/events';
import type { Snapshot, TopicInfo } from '../protocol/snapshot';
import { diffSnapshot, fingerprints } from '../server/realtime/snapshot-diff';
import { initialState } from '../server/state/reducer';
import { buildSnapshot } from '../server/state/snapshot';
import { topicInfo, twoConsumers } from '../server/state/test-fixtures';
import { applyKeyed, applyLiveEvents, initialLiveState, type LiveState } from './live-reducer';

const T0 = 1_700_000_000_000;
const snapshot = (version: number, topics: TopicInfo[]): Snapshot => ({
  ...buildSnapshot(initialState('b', false, T0), T0),
  version,
  topics,
});
const withFull = (s: Snapshot): LiveState =>
  applyLiveEvents(initialLiveState, [
    { type: 'full', state: { snapshot: s, history: [], timeline: [] } },
  ]);
const delta = (from: Snapshot, to: Snapshot): StateDelta => {
  const diff = diffSnapshot(fingerprints(from), from.version, to);
  if (!diff) throw new Error('no change');
  return diff.delta;
};

describe('applyKeyed', () => {
  const key = (x: { id: string }) => x.id;
  it('replaces, adds and removes by key, keeping the order', () => {
    const a = { id: 'a', v: 1 };
    const b = { id: 'b', v: 1 };
    const next = applyKeyed([a, b], key, {
      upsert: [
        { id: 'b', v: 2 },
        { id: 'c', v: 1 },
      ],
      patch: [],
      remove: ['a'],
      order: null,
    });
    expect(next).toEqual([
      { id: 'b', v: 2 },
      { id: 'c', v: 1 },
    ]);
  });

  it('merges a patch into the item it names, leaving the other fields and items alone', () => {
    const a = { id: 'a', v: 1, w: 1 };
    const b = { id: 'b', v: 1, w: 1 };
    const next = applyKeyed([a, b], key, {
      upsert: [],
      patch: [{ id: 'b', v: 2 }],
      remove: [],
      order: null,
    });
    expect(next).toEqual([a, { id: 'b', v: 2, w: 1 }]);
    expect(next[0]).toBe(a);
  });

  it('follows an explicit order', () => {
    const next = applyKeyed([{ id: 'a' }, { id: 'b' }], key, {
      upsert: [],
      patch: [],
      remove: [],
      order: ['b', 'a'],
    });
    expect(next.map(key)).toEqual(['b', 'a']);
  });
});

describe('applyLiveEvents', () => {
  it('applies a delta on its base and keeps the identity of unchanged items', () => {
    const v1 = snapshot(1, [topicInfo('a'), topicInfo('b')]);
    const v2 = snapshot(2, [topicInfo('a'), topicInfo('b', 9)]);
    const state = withFull(v1);
    const next = applyLiveEvents(state, [{ type: 'delta', delta: delta(v1, v2) }]);
    expect(next.snapshot?.version).toBe(2);
    expect(next.snapshot?.topics[1]?.partitions[0]?.logEndOffset).toBe(9);
    expect(next.snapshot?.topics[0]).toBe(state.snapshot?.topics[0]);
    expect(next.snapshot?.topics[1]).not.toBe(state.snapshot?.topics[1]);
  });

  it('asks for a resync when a delta is based on a version it never saw', () => {
    const v1 = snapshot(1, [topicInfo('a')]);
    const v5 = snapshot(5, [topicInfo('a', 3)]);
    const v6 = snapshot(6, [topicInfo('a', 4)]);
    const next = applyLiveEvents(withFull(v1), [{ type: 'delta', delta: delta(v5, v6) }]);
    expect(next.needsResync).toBe(true);
    expect(next.snapshot?.version).toBe(1);
  });

  it('ignores a delta older than what it has', () => {
    const v1 = snapshot(1, [topicInfo('a')]);
    const v2 = snapshot(2, [topicInfo('a', 2)]);
    const v3 = snapshot(3, [topicInfo('a', 3)]);
    const at3 = withFull(v3);
    expect(applyLiveEvents(at3, [{ type: 'delta', delta: delta(v1, v2) }])).toBe(at3);
  });

  it('a resync (full state without history) keeps the charts and unchanged items', () => {
    const v1 = snapshot(1, [topicInfo('a'), topicInfo('b')]);
    const point = {
      at: T0,
      producedPerSec: 1,
      consumedPerSec: 1,
      groupLag: {},
      groupLagSeconds: {},
      partitions: {},
    };
    const state = applyLiveEvents(initialLiveState, [
      { type: 'full', state: { snapshot: v1, history: [point], timeline: [] } },
    ]);
    const resynced = applyLiveEvents(state, [
      {
        type: 'full',
        state: {
          snapshot: snapshot(9, [topicInfo('a'), topicInfo('b', 1)]),
          history: null,
          timeline: null,
        },
      },
    ]);
    expect(resynced.history).toEqual([point]);
    expect(resynced.snapshot?.version).toBe(9);
    expect(resynced.snapshot?.topics[0]).toBe(state.snapshot?.topics[0]);
    expect(resynced.snapshot?.topics[1]?.partitions[0]?.logEndOffset).toBe(1);
  });

  it('appends timeline events once and caps history', () => {
    const event = {
      id: 1,
      at: T0,
      kind: 'commits' as const,
      groupId: null,
      message: 'x',
      text: null,
      durationMs: null,
      count: 1,
    };
    const state = applyLiveEvents(withFull(snapshot(1, [])), [
      { type: 'timeline', events: [event] },
      { type: 'timeline', events: [event] },
    ]);
    expect(state.timeline).toHaveLength(1);
  });
});

describe('a delta, applied by the page, gives the server snapshot exactly', () => {
  const base = (): Snapshot => ({
    ...buildSnapshot(twoConsumers(), T0),
    version: 1,
    topics: [topicInfo('trades', 5)],
  });
  // One change per keyed section: a section the page forgets to apply fails here.
  const change: { [K in keyof typeof KEYED_SECTIONS]: (s: Snapshot) => Snapshot[K] } = {
    topics: (s) => [...s.topics, topicInfo('later', 3)],
    groups: (s) => s.groups.map((g) => ({ ...g, totalLag: g.totalLag + 7 })),
    consumers: (s) => s.consumers.map((c, i) => (i === 0 ? { ...c, delayMs: 250 } : c)),
    overview: (s) => s.overview.map((o) => ({ ...o, totalLag: o.totalLag + 7, lagSeconds: 12 })),
  };
  for (const section of Object.keys(change) as (keyof typeof change)[]) {
    it(`carries a change of ${section}`, () => {
      const v1 = base();
      expect(v1[section].length).toBeGreaterThan(0);
      const v2 = { ...v1, version: 2, [section]: change[section](v1) } as Snapshot;
      const next = applyLiveEvents(withFull(v1), [{ type: 'delta', delta: delta(v1, v2) }]);
      expect(next.snapshot).toEqual(v2);
    });
  }
});
