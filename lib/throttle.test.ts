import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leadingThrottle } from './throttle';

describe('leadingThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a lone call at once and merges a burst into at most one run per interval', () => {
    const fn = vi.fn();
    const t = leadingThrottle(fn, 200);
    t.schedule();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) {
      t.schedule();
      vi.advanceTimersByTime(10);
    }
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('never runs more often than the interval under a steady stream', () => {
    const fn = vi.fn();
    const t = leadingThrottle(fn, 200);
    for (let ms = 0; ms < 2000; ms += 5) {
      t.schedule();
      vi.advanceTimersByTime(5);
    }
    expect(fn.mock.calls.length).toBeLessThanOrEqual(11);
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(9);
  });
});
