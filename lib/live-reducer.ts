import { HISTORY_CAPACITY, MAX_TIMELINE_EVENTS } from '../protocol/constants';
import {
  type FullState,
  KEYED_SECTIONS,
  type SnapshotChanges,
  type StateDelta,
} from '../protocol/events';
import type { HistoryPoint } from '../protocol/history';
import type { Snapshot } from '../protocol/snapshot';
import type { TimelineEvent } from '../protocol/timeline';

export type SocketStatus = 'connecting' | 'connected' | 'reconnecting';

export interface LiveState {
  socket: SocketStatus;
  snapshot: Snapshot | null;
  history: HistoryPoint[];
  timeline: TimelineEvent[];
  /** Set when a delta arrived that this client cannot apply; the store asks for a full state. */
  needsResync: boolean;
}

export type LiveEvent =
  | { type: 'socket'; status: SocketStatus }
  | { type: 'full'; state: FullState }
  | { type: 'delta'; delta: StateDelta }
  | { type: 'history'; point: HistoryPoint }
  | { type: 'timeline'; events: TimelineEvent[] };

export const initialLiveState: LiveState = {
  socket: 'connecting',
  snapshot: null,
  history: [],
  timeline: [],
  needsResync: false,
};

function capped<T>(items: T[], max: number): T[] {
  return items.length > max ? items.slice(items.length - max) : items;
}

/**
 * Applies keyed changes to a list. Items that did not change keep their identity, so the
 * components that draw them (memoized by identity) do not render again.
 */
export function applyKeyed<T extends object>(
  items: T[],
  keyOf: (item: T) => string,
  changes: { upsert: T[]; patch: Partial<T>[]; remove: string[]; order: string[] | null },
): T[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  for (const key of changes.remove) byKey.delete(key);
  const added: string[] = [];
  for (const item of changes.upsert) {
    const key = keyOf(item);
    if (!byKey.has(key)) added.push(key);
    byKey.set(key, item);
  }
  for (const fields of changes.patch) {
    const key = keyOf(fields as T);
    const current = byKey.get(key);
    // A patch for an item this page never had cannot be applied; the periodic resync repairs it.
    if (current) byKey.set(key, { ...current, ...fields });
  }
  const order = changes.order ?? [...items.map(keyOf).filter((k) => byKey.has(k)), ...added];
  return order.flatMap((key) => {
    const item = byKey.get(key);
    return item === undefined ? [] : [item];
  });
}

/** A full state replaces the lists, but items equal to what the page has keep their identity. */
function keepIdentity<T>(before: T[], after: T[], keyOf: (item: T) => string): T[] {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  return after.map((item) => {
    const previous = old.get(keyOf(item));
    return previous !== undefined && JSON.stringify(previous) === JSON.stringify(item)
      ? previous
      : item;
  });
}

function mergeFull(before: Snapshot | null, after: Snapshot): Snapshot {
  if (!before) return after;
  return {
    ...after,
    topics: keepIdentity(before.topics, after.topics, KEYED_SECTIONS.topics),
    groups: keepIdentity(before.groups, after.groups, KEYED_SECTIONS.groups),
    consumers: keepIdentity(before.consumers, after.consumers, KEYED_SECTIONS.consumers),
    overview: keepIdentity(before.overview, after.overview, KEYED_SECTIONS.overview),
  };
}

function applyChanges(snapshot: Snapshot, changes: SnapshotChanges): Snapshot {
  const next = { ...snapshot };
  if (changes.connection !== undefined) next.connection = changes.connection;
  if (changes.cluster !== undefined) next.cluster = changes.cluster;
  if (changes.producer !== undefined) next.producer = changes.producer;
  if (changes.experiments !== undefined) next.experiments = changes.experiments;
  if (changes.nodes !== undefined) next.nodes = changes.nodes;
  if (changes.topics) next.topics = applyKeyed(next.topics, KEYED_SECTIONS.topics, changes.topics);
  if (changes.groups) next.groups = applyKeyed(next.groups, KEYED_SECTIONS.groups, changes.groups);
  if (changes.consumers)
    next.consumers = applyKeyed(next.consumers, KEYED_SECTIONS.consumers, changes.consumers);
  if (changes.overview)
    next.overview = applyKeyed(next.overview, KEYED_SECTIONS.overview, changes.overview);
  return next;
}

function applyOne(state: LiveState, event: LiveEvent): LiveState {
  switch (event.type) {
    case 'socket':
      return { ...state, socket: event.status };
    case 'full': {
      const { snapshot, history, timeline } = event.state;
      return {
        ...state,
        snapshot: mergeFull(state.snapshot, snapshot),
        history: history ? capped(history, HISTORY_CAPACITY) : state.history,
        timeline: timeline ? capped(timeline, MAX_TIMELINE_EVENTS) : state.timeline,
        needsResync: false,
      };
    }
    case 'delta': {
      const { delta } = event;
      const current = state.snapshot;
      // A delta holds every change since its base; applying it on a newer base is safe.
      if (!current || delta.baseVersion > current.version) return { ...state, needsResync: true };
      if (delta.version < current.version) return state;
      return {
        ...state,
        snapshot: { ...applyChanges(current, delta.changes), version: delta.version, at: delta.at },
      };
    }
    case 'history': {
      const last = state.history[state.history.length - 1];
      if (last && last.at >= event.point.at) return state;
      return { ...state, history: capped([...state.history, event.point], HISTORY_CAPACITY) };
    }
    case 'timeline': {
      const lastId = state.timeline[state.timeline.length - 1]?.id ?? 0;
      const fresh = event.events.filter((e) => e.id > lastId);
      if (fresh.length === 0) return state;
      return { ...state, timeline: capped([...state.timeline, ...fresh], MAX_TIMELINE_EVENTS) };
    }
  }
}

/** Applies a whole buffered batch at once, so React renders once per flush, not per message. */
export function applyLiveEvents(state: LiveState, events: LiveEvent[]): LiveState {
  return events.reduce(applyOne, state);
}
