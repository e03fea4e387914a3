import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../protocol/ipc';
import { DLQ_EVENT_WINDOW_MS, DLQ_EVENTS_PER_WINDOW, deadLettersView } from './dead-letters';
import { buildSnapshot } from './snapshot';
import {
  exited,
  fresh,
  groupConfig,
  message,
  ofKind,
  run,
  spawned,
  T0,
  TOPIC,
} from './test-fixtures';
import type { LabAction, LabState } from './types';

const retry = (offset: number, attempt: number, at: number): LabAction =>
  message('c1', {
    type: 'retry',
    topic: TOPIC,
    partition: 2,
    offset,
    attempt,
    delayMs: 100 * 2 ** (attempt - 1),
    error: 'bad price: -3',
    at,
  });

const dead = (offset: number, at: number, attempts = 4, dlqOffset = offset): LabAction =>
  message('c1', {
    type: 'dead-lettered',
    topic: TOPIC,
    partition: 2,
    offset,
    attempts,
    error: 'bad price: -3',
    dlqOffset,
    at,
  } satisfies WorkerMessage);

const withDlq = (): LabState =>
  run(
    fresh(),
    {
      type: 'group/registered',
      config: groupConfig('g1', { retry: { attempts: 4, backoffMs: 100 } }),
      at: T0,
    },
    spawned('c1', 'g1', T0),
  );

describe('retry + DLQ state', () => {
  it('counts retries and dead letters, and tells the timeline once per message', () => {
    const state = run(
      withDlq(),
      retry(1041, 1, T0 + 1),
      retry(1041, 2, T0 + 2),
      retry(1041, 3, T0 + 3),
      dead(1041, T0 + 4, 4, 17),
    );
    const view = deadLettersView(state, 'g1');
    expect(view).toMatchObject({ topic: `${TOPIC}.dlq`, count: 1, retries: 3, retrying: null });
    expect(view?.recent).toEqual([
      {
        consumerId: 'c1',
        topic: TOPIC,
        partition: 2,
        offset: 1041,
        attempts: 4,
        error: 'bad price: -3',
        dlqOffset: 17,
        at: T0 + 4,
      },
    ]);
    expect(ofKind(state, 'dead-lettered').map((e) => e.message)).toEqual([
      `c1: 3 retries of P2@1041 (bad price), then sent to ${TOPIC}.dlq@17`,
    ]);
    expect(buildSnapshot(state, T0 + 5).groups[0]?.deadLetters?.count).toBe(1);
  });

  it('shows a retry in progress only while its consumer lives', () => {
    const retrying = run(withDlq(), retry(5, 1, T0 + 1));
    expect(deadLettersView(retrying, 'g1')?.retrying).toMatchObject({
      consumerId: 'c1',
      offset: 5,
    });
    const gone = run(retrying, exited('c1', T0 + 2, null, 'SIGKILL'));
    expect(deadLettersView(gone, 'g1')?.retrying).toBeNull();
  });

  it('at high rates: a few entries in detail per window, then one summary', () => {
    const many = Array.from({ length: 40 }, (_, i) => dead(100 + i, T0 + 10 + i));
    const state = run(withDlq(), ...many);
    expect(ofKind(state, 'dead-lettered')).toHaveLength(DLQ_EVENTS_PER_WINDOW);
    expect(deadLettersView(state, 'g1')?.count).toBe(40);
    expect(deadLettersView(state, 'g1')?.recent).toHaveLength(40);
    const later = run(state, { type: 'clock/tick', at: T0 + 10 + DLQ_EVENT_WINDOW_MS });
    const summary = ofKind(later, 'dead-lettered').at(-1);
    expect(summary?.count).toBe(40 - DLQ_EVENTS_PER_WINDOW);
    expect(summary?.message).toBe(
      `37 more message(s) sent to ${TOPIC}.dlq in 10 s, after ${37 * 3} retries`,
    );
    // The next window tells its first entries in detail again.
    const next = run(later, dead(999, T0 + 11 + DLQ_EVENT_WINDOW_MS, 1, 50));
    expect(ofKind(next, 'dead-lettered').at(-1)?.message).toBe(
      `c1: P2@999 failed (bad price), sent to ${TOPIC}.dlq@50 without a retry`,
    );
  });

  it('keeps at most 50 recent entries, newest first; none for groups without a DLQ', () => {
    const many = Array.from({ length: 60 }, (_, i) => dead(i, T0 + i));
    const view = deadLettersView(run(withDlq(), ...many), 'g1');
    expect(view?.recent).toHaveLength(50);
    expect(view?.recent[0]?.offset).toBe(59);
    const plain = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g2'), at: T0 },
      spawned('c1', 'g2', T0),
    );
    expect(deadLettersView(plain, 'g2')).toBeNull();
  });
});
