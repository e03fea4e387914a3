import { describe, expect, it } from 'vitest';
import { runWithRetries } from './retry-runner';

describe('retries with backoff', () => {
  it('retries a failing message with doubling waits, then gives up', async () => {
    const waits: number[] = [];
    const retries: [number, number, string][] = [];
    const outcome = await runWithRetries(() => ({ ok: false, error: 'bad price: -1' }), 4, 50, {
      onRetry: (attempt, delayMs, error) => retries.push([attempt, delayMs, error]),
      wait: async (ms) => {
        waits.push(ms);
        return true;
      },
    });
    expect(outcome).toEqual({ kind: 'failed', error: 'bad price: -1', attempts: 4 });
    expect(waits).toEqual([50, 100, 200]);
    expect(retries.map((r) => r[0])).toEqual([1, 2, 3]);
  });

  it('stops at the first success, and when a wait is interrupted', async () => {
    let calls = 0;
    const hooks = { onRetry: () => undefined, wait: async () => true };
    const ok = await runWithRetries(
      () => (++calls < 2 ? { ok: false, error: 'x' } : { ok: true, value: 'v' }),
      5,
      10,
      hooks,
    );
    expect(ok).toEqual({ kind: 'ok', value: 'v', attempts: 2 });
    const cut = await runWithRetries(() => ({ ok: false, error: 'x' }), 5, 10, {
      ...hooks,
      wait: async () => false,
    });
    expect(cut).toEqual({ kind: 'interrupted', attempts: 1 });
  });

  it('with one attempt, fails at once without waiting', async () => {
    const outcome = await runWithRetries(() => ({ ok: false, error: 'x' }), 1, 10, {
      onRetry: () => {
        throw new Error('no retry expected');
      },
      wait: async () => true,
    });
    expect(outcome).toEqual({ kind: 'failed', error: 'x', attempts: 1 });
  });
});
