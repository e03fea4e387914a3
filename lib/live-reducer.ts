import type { FullState, StateDelta } from '../protocol/events';
import type { HistoryPoint } from '../protocol/history';
import type { Snapshot } from '../protocol/snapshot';
import type { TimelineEvent } from '../protocol/timeline';

/** Ten minutes at 1 point/s, as the server keeps. */
export const MAX_HISTORY_POINTS = 600;
export const MAX_TIMELINE_EVENTS = 500;

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

function applyOne(state: LiveState, event: LiveEvent): LiveState {
  switch (event.type) {
    case 'socket':
      return { ...state, socket: event.status };
    case 'full':
      return {
        ...state,
        snapshot: event.state.snapshot,
        history: capped(event.state.history, MAX_HISTORY_POINTS),
        timeline: capped(event.state.timeline, MAX_TIMELINE_EVENTS),
        needsResync: false,
      };
    case 'delta': {
      const { delta } = event;
      const current = state.snapshot;
      const isFull = delta.baseVersion === -1;
      // A delta holds every section changed since its base; applying it on a newer base is safe.
      if (!isFull && (!current || delta.baseVersion > current.version))
        return { ...state, needsResync: true };
      if (!current && isFull) return { ...state, snapshot: delta.changes as Snapshot };
      if (!current) return state;
      if (delta.version < current.version && !isFull) return state;
      return {
        ...state,
        snapshot: { ...current, ...delta.changes, version: delta.version, at: delta.at },
      };
    }
    case 'history': {
      const last = state.history[state.history.length - 1];
      if (last && last.at >= event.point.at) return state;
      return { ...state, history: capped([...state.history, event.point], MAX_HISTORY_POINTS) };
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
