import { describe, expect, it } from 'vitest';
import { pollInterval } from './cluster-watch';

describe('pollInterval', () => {
  it('keeps the configured interval while polls are quick, or before five were timed', () => {
    expect(pollInterval(1000, [40, 60, 50, 45, 55])).toBe(1000);
    expect(pollInterval(1000, [2000, 2100])).toBe(1000);
  });

  it('spaces polls out when every recent one was slow (a big cluster)', () => {
    expect(pollInterval(1000, [2000, 2100, 1900, 2050, 2000])).toBe(5700);
  });

  it('ignores one slow poll among quick ones (a broker killed a moment ago)', () => {
    expect(pollInterval(1000, [50, 60, 4200, 55, 50])).toBe(1000);
  });
});
