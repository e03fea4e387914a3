import type { TimelineEvent, TimelineKind } from '../../protocol/timeline';
import { own } from './own';
import type { LabState } from './types';

export const MAX_TIMELINE_EVENTS = 500;

export interface NewEvent {
  kind: TimelineKind;
  at: number;
  groupId?: string | null;
  message: string;
  durationMs?: number | null;
  count?: number;
}

/** Returns a state with the events appended (oldest dropped past MAX_TIMELINE_EVENTS). */
export function withEvents(state: LabState, events: NewEvent[]): LabState {
  if (events.length === 0) return state;
  let nextEventId = state.nextEventId;
  const created: TimelineEvent[] = events.map((e) => ({
    id: nextEventId++,
    at: e.at,
    kind: e.kind,
    groupId: e.groupId ?? null,
    message: e.message,
    durationMs: e.durationMs ?? null,
    count: e.count ?? 1,
  }));
  const timeline = [...state.timeline, ...created];
  return {
    ...state,
    nextEventId,
    timeline:
      timeline.length > MAX_TIMELINE_EVENTS ? timeline.slice(-MAX_TIMELINE_EVENTS) : timeline,
  };
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Starts tracking a rebalance unless one is already in progress for the group. */
export function startRebalance(state: LabState, groupId: string, at: number): LabState {
  if (own(state.rebalances, groupId)) return state;
  const cause = own(state.causes, groupId);
  const reason = cause && at - cause.at < 60_000 ? cause.reason : inferredReason(state, groupId);
  const causes = { ...state.causes };
  delete causes[groupId];
  return withEvents(
    { ...state, causes, rebalances: { ...state.rebalances, [groupId]: { startedAt: at, reason } } },
    [{ kind: 'rebalance-started', at, groupId, message: `Rebalance started: ${reason}` }],
  );
}

export function completeRebalance(
  state: LabState,
  groupId: string,
  at: number,
  earliestStart?: number,
): LabState {
  const rebalance = own(state.rebalances, groupId);
  if (!rebalance) return state;
  const startedAt = Math.min(rebalance.startedAt, earliestStart ?? rebalance.startedAt);
  const durationMs = Math.max(0, at - startedAt);
  const rebalances = { ...state.rebalances };
  delete rebalances[groupId];
  const rebalanceEndedAt = { ...state.rebalanceEndedAt, [groupId]: at };
  return withEvents({ ...state, rebalances, rebalanceEndedAt }, [
    {
      kind: 'rebalance-completed',
      at,
      groupId,
      durationMs,
      message: `Rebalance completed in ${formatDuration(durationMs)} (${rebalance.reason})`,
    },
  ]);
}

export function noteCause(state: LabState, groupId: string, reason: string, at: number): LabState {
  return { ...state, causes: { ...state.causes, [groupId]: { reason, at } } };
}

/** With no known cause, a crashed member still listed by Kafka is the likely one: its session ran out. */
function inferredReason(state: LabState, groupId: string): string {
  const crashed = Object.values(state.consumers).find(
    (c) => c.groupId === groupId && c.status === 'crashed' && c.memberId !== null,
  );
  return crashed ? `session timeout of crashed ${crashed.id}` : 'the coordinator started it';
}
