/**
 * Retry + DLQ per group, from the consumers' `retry` and `dead-lettered` reports: the one place
 * that counts dead letters, keeps the recent ones and tells the timeline. At high poison rates the
 * timeline gets a few detailed entries per window, then one summary of the rest.
 */
import { dlqTopicOf, MAX_RECENT_DEAD_LETTERS } from '../../protocol/delivery';
import type { WorkerMessage } from '../../protocol/ipc';
import { type DeadLetters, isLivePhase } from '../../protocol/snapshot';
import { say } from '../../protocol/texts';
import { errorKind } from '../domain/trade-check';
import { own } from './own';
import { type NewEvent, withEvents } from './timeline';
import type { ConsumerRecord, LabState } from './types';

/** Detailed timeline entries per group per window; the rest are summed up when it closes. */
export const DLQ_EVENTS_PER_WINDOW = 3;
export const DLQ_EVENT_WINDOW_MS = 10_000;

export interface DeadLetterRecord {
  view: DeadLetters;
  /** The timeline window: since when, entries told in detail, and what is left to sum up. */
  window: { since: number; shown: number; more: number; moreRetries: number };
}

type RetryMessage = Extract<WorkerMessage, { type: 'retry' }>;
type DeadLetteredMessage = Extract<WorkerMessage, { type: 'dead-lettered' }>;

function recordOf(state: LabState, groupId: string, at: number): DeadLetterRecord | null {
  const existing = own(state.deadLetters, groupId);
  if (existing) return existing;
  const config = own(state.labGroups, groupId);
  if (!config) return null;
  return {
    view: { topic: dlqTopicOf(config.topic), count: 0, retries: 0, recent: [], retrying: null },
    window: { since: at, shown: 0, more: 0, moreRetries: 0 },
  };
}

const put = (state: LabState, groupId: string, record: DeadLetterRecord): LabState => ({
  ...state,
  deadLetters: { ...state.deadLetters, [groupId]: record },
});

export function retried(state: LabState, consumer: ConsumerRecord, m: RetryMessage): LabState {
  const record = recordOf(state, consumer.groupId, m.at);
  if (!record) return state;
  const { type: _type, ...retry } = m;
  return put(state, consumer.groupId, {
    ...record,
    view: {
      ...record.view,
      retries: record.view.retries + 1,
      retrying: { consumerId: consumer.id, ...retry },
    },
  });
}

export function deadLettered(
  state: LabState,
  consumer: ConsumerRecord,
  m: DeadLetteredMessage,
): LabState {
  const { groupId } = consumer;
  const record = recordOf(state, groupId, m.at);
  if (!record) return state;
  const { type: _type, ...entry } = m;
  const retrying = record.view.retrying;
  const resolved =
    retrying && retrying.partition === m.partition && retrying.offset === m.offset
      ? null
      : retrying;
  const view: DeadLetters = {
    ...record.view,
    count: record.view.count + 1,
    recent: [{ consumerId: consumer.id, ...entry }, ...record.view.recent].slice(
      0,
      MAX_RECENT_DEAD_LETTERS,
    ),
    retrying: resolved,
  };
  // A closed window first tells what it summed up, so the timeline stays in order.
  const closing = m.at - record.window.since >= DLQ_EVENT_WINDOW_MS;
  const events: NewEvent[] = closing ? summary(groupId, record, m.at) : [];
  const window = closing ? { since: m.at, shown: 0, more: 0, moreRetries: 0 } : record.window;
  if (window.shown < DLQ_EVENTS_PER_WINDOW) {
    events.push({
      kind: 'dead-lettered',
      at: m.at,
      groupId,
      ...describe(consumer.id, m, view.topic),
    });
    return withEvents(
      put(state, groupId, { view, window: { ...window, shown: window.shown + 1 } }),
      events,
    );
  }
  const more = {
    ...window,
    more: window.more + 1,
    moreRetries: window.moreRetries + m.attempts - 1,
  };
  return withEvents(put(state, groupId, { view, window: more }), events);
}

/** "c1: 3 retries of P2@1041 (bad price), then sent to crypto_trades.dlq@17" */
export function describe(consumerId: string, m: DeadLetteredMessage, dlqTopic: string) {
  const retries = m.attempts - 1;
  const where = `P${m.partition}@${m.offset}`;
  const sent = `${dlqTopic}@${m.dlqOffset}`;
  const why = errorKind(m.error);
  return retries === 0
    ? say('dead-lettered-at-once', { id: consumerId, where, why, sent })
    : say('dead-lettered', { id: consumerId, retries, where, why, sent });
}

function summary(groupId: string, record: DeadLetterRecord, at: number): NewEvent[] {
  const { more, moreRetries, since } = record.window;
  if (more === 0) return [];
  const seconds = Math.max(1, Math.round((at - since) / 1000));
  return [
    {
      kind: 'dead-lettered',
      at,
      groupId,
      count: more,
      ...say('dead-lettered-more', {
        count: more,
        topic: record.view.topic,
        seconds,
        retries: moreRetries,
      }),
    },
  ];
}

/** On the clock: windows that closed with messages left to sum up get their summary. */
export function flushDeadLetterWindows(state: LabState, at: number): LabState {
  let next = state;
  for (const [groupId, record] of Object.entries(state.deadLetters)) {
    if (record.window.more === 0 || at - record.window.since < DLQ_EVENT_WINDOW_MS) continue;
    next = withEvents(
      put(next, groupId, { ...record, window: { since: at, shown: 0, more: 0, moreRetries: 0 } }),
      summary(groupId, record, at),
    );
  }
  return next;
}

/** The group panel's view; null for groups without retry + DLQ. */
export function deadLettersView(state: LabState, groupId: string): DeadLetters | null {
  const config = own(state.labGroups, groupId);
  if (!config?.retry) return null;
  const view = recordOf(state, groupId, 0)?.view ?? null;
  if (!view?.retrying) return view;
  // A retry of a process that is gone is not going on any more.
  const consumer = own(state.consumers, view.retrying.consumerId);
  return consumer && isLivePhase(consumer.phase) ? view : { ...view, retrying: null };
}
