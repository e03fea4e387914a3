import { describe, expect, it } from 'vitest';
import { Gate } from './gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('Gate', () => {
  it('runs at most `concurrency` at once, queues `queueLength`, refuses the rest', async () => {
    const gate = new Gate(2, 1);
    const blockers = [deferred(), deferred(), deferred()];
    let active = 0;
    let peak = 0;
    const task = (i: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      await blockers[i]?.promise;
      active--;
      return i;
    };
    const runs = [gate.run(task(0)), gate.run(task(1)), gate.run(task(2))];
    expect(await gate.run(task(3))).toBeNull();
    expect(gate.inFlight).toBe(3);
    for (const b of blockers) b.resolve();
    expect(await Promise.all(runs)).toEqual([{ value: 0 }, { value: 1 }, { value: 2 }]);
    expect(peak).toBe(2);
    expect(gate.inFlight).toBe(0);
  });

  it('frees its slot when a task fails', async () => {
    const gate = new Gate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toEqual({ value: 'next' });
  });
});
