import { describe, expect, it } from 'vitest';
import { initialState, reduce } from './reducer';
import type { LabAction, LabState } from './types';

const run = (...actions: LabAction[]): LabState =>
  actions.reduce(reduce, initialState('b', false, 0));
const spawned: LabAction = {
  type: 'consumer/spawned',
  id: 'c1',
  groupId: 'g',
  pid: 10,
  delayMs: 0,
  at: 0,
};
const joined: LabAction = {
  type: 'consumer/message',
  id: 'c1',
  message: {
    type: 'joined',
    memberId: 'm1',
    leaderId: 'm1',
    isLeader: true,
    protocol: 'range',
    assignment: [],
    durationMs: 5,
    at: 10,
  },
};
const stop: LabAction = { type: 'consumer/commanded', id: 'c1', command: 'stop', at: 100 };
const exited = (code: number | null, signal: string | null): LabAction => ({
  type: 'consumer/exited',
  id: 'c1',
  code,
  signal,
  at: 200,
});

describe('how a stop ended', () => {
  it('exit 0 after a stop: stopped gracefully, member gone', () => {
    const state = run(spawned, joined, stop, exited(0, null));
    expect(state.consumers.c1?.status).toBe('stopped');
    expect(state.consumers.c1?.memberId).toBeNull();
    expect(state.timeline.at(-1)?.message).toMatch(/stopped gracefully/);
  });

  it('exit 2 after a stop: left the group, but says the last commit was refused', () => {
    const state = run(spawned, joined, stop, exited(2, null));
    expect(state.consumers.c1?.status).toBe('stopped');
    expect(state.timeline.at(-1)?.message).toMatch(/last commit was refused/);
  });

  it('killed after a stop timed out: a crash that Kafka has to evict, not a graceful stop', () => {
    const state = run(spawned, joined, stop, exited(null, 'SIGKILL'));
    expect(state.consumers.c1?.status).toBe('crashed');
    expect(state.consumers.c1?.memberId).toBe('m1');
    expect(state.timeline.at(-1)?.kind).toBe('consumer-crashed');
    expect(state.timeline.at(-1)?.message).toMatch(/did not stop cleanly \(signal SIGKILL\)/);
  });
});
