import { MAX_TIMELINE_EVENTS } from '../../protocol/constants';
import type { Text } from '../../protocol/texts';
import type { TimelineEvent, TimelineKind } from '../../protocol/timeline';
import type { LabState } from './types';

export interface NewEvent {
  kind: TimelineKind;
  at: number;
  groupId?: string | null;
  message: string;
  text?: Text | null;
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
    text: e.text ?? null,
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

export { formatDuration } from '../../protocol/texts';
