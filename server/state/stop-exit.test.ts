import { describe, expect, it } from 'vitest';
import { commanded, exited, joined, replay, spawned } from './test-fixtures';
import type { LabAction } from './types';

const started = spawned('c1', 'g', 0, 10);
const joinedAsLeader = joined('c1', 'm1', [], 10, {
  leaderId: 'm1',
  isLeader: true,
  protocol: 'range',
  assignment: [],
  durationMs: 5,
});
const stop = commanded('c1', 'stop', 100);
const exitedWith = (code: number | null, signal: string | null): LabAction =>
  exited('c1', 200, code, signal);

describe('how a stop ended', () => {
  it('exit 0 after a stop: stopped gracefully, member gone', () => {
    const state = replay(started, joinedAsLeader, stop, exitedWith(0, null));
    expect(state.consumers.c1?.phase).toBe('stopped');
    expect(state.consumers.c1?.memberId).toBeNull();
    expect(state.timeline.at(-1)?.message).toMatch(/stopped gracefully/);
  });

  it('exit 2 after a stop: left the group, but says the last commit was refused', () => {
    const state = replay(started, joinedAsLeader, stop, exitedWith(2, null));
    expect(state.consumers.c1?.phase).toBe('stopped');
    expect(state.timeline.at(-1)?.message).toMatch(/last commit was refused/);
  });

  it('killed after a stop timed out: a crash that Kafka has to evict, not a graceful stop', () => {
    const state = replay(started, joinedAsLeader, stop, exitedWith(null, 'SIGKILL'));
    expect(state.consumers.c1?.phase).toBe('crashed');
    expect(state.consumers.c1?.memberId).toBe('m1');
    expect(state.timeline.at(-1)?.kind).toBe('consumer-crashed');
    expect(state.timeline.at(-1)?.message).toMatch(/did not stop cleanly \(signal SIGKILL\)/);
  });
});
