import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs, retrySchedule } from './backoff';

describe('retry backoff', () => {
  it('doubles from the base delay, one wait fewer than the attempts', () => {
    expect(retrySchedule(4, 100)).toEqual([100, 200, 400]);
    expect(retrySchedule(1, 100)).toEqual([]);
    expect(retryDelayMs(1, 10)).toBe(10);
  });

  it('caps a single wait', () => {
    expect(retrySchedule(10, 10_000).every((d) => d <= MAX_RETRY_DELAY_MS)).toBe(true);
    expect(retrySchedule(10, 10_000).at(-1)).toBe(MAX_RETRY_DELAY_MS);
  });
});
