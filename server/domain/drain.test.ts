import { describe, expect, it } from 'vitest';
import { addDrainSample, type DrainSample, drainOf } from './drain';

const T0 = 1_700_000_000_000;

/** One sample a second: the producer writes `produce` msg/s, the consumer moves as `position(s)`. */
function series(seconds: number, produce: number, position: (s: number) => number, start = 0) {
  let samples: DrainSample[] = [];
  for (let s = 0; s <= seconds; s++)
    samples = addDrainSample(samples, {
      at: T0 + s * 1000,
      position: position(s),
      logEnd: start + produce * s,
    });
  return samples;
}

describe('time to drain', () => {
  it('a consumer faster than the producer: drains in lag / (consume − produce)', () => {
    // Lag 600 at s=0; producer 20/s, consumer 50/s: net 30/s.
    const samples = series(10, 20, (s) => 50 * s, 600);
    const drain = drainOf(samples, T0 + 10_000);
    // Lag now 600 + 200 − 500 = 300; 300 / 30 = 10 s.
    expect(drain).toEqual({ state: 'draining', seconds: 10, consumePerSec: 50, producePerSec: 20 });
  });

  it('judges the consumers on their current run, not on the pause before it', () => {
    // Paused for 20 s (position 0), then 60/s for 10 s; producer 20/s throughout.
    const samples = series(30, 20, (s) => (s <= 20 ? 0 : 60 * (s - 20)));
    const drain = drainOf(samples, T0 + 30_000);
    expect(drain.consumePerSec).toBe(60);
    expect(drain.producePerSec).toBe(20);
    // Lag 600 − 600 = 0? 20×30 − 600 = 0: caught up exactly.
    expect(drain.state).toBe('caught-up');
    const earlier = drainOf(
      series(25, 20, (s) => (s <= 20 ? 0 : 60 * (s - 20))),
      T0 + 25_000,
    );
    // Lag 500 − 300 = 200 at net 40/s.
    expect(earlier).toMatchObject({ state: 'draining', seconds: 5 });
  });

  it('a saw-tooth of commits every 5 s is one run, at its average rate', () => {
    const samples = series(30, 10, (s) => Math.floor(s / 5) * 5 * 12, 1000);
    const drain = drainOf(samples, T0 + 30_000);
    expect(drain.consumePerSec).toBeCloseTo(12, 0);
    expect(drain.state).toBe('draining');
  });

  it('not draining: a consumer slower than the producer, or stopped', () => {
    const slower = drainOf(
      series(20, 30, (s) => 10 * s),
      T0 + 20_000,
    );
    expect(slower).toMatchObject({ state: 'behind', seconds: null, consumePerSec: 10 });
    const stopped = drainOf(
      series(20, 30, (s) => (s < 5 ? 10 * s : 50)),
      T0 + 20_000,
    );
    expect(stopped).toMatchObject({ state: 'behind', consumePerSec: 0, producePerSec: 30 });
  });

  it('keeping up with a little in flight is caught up, not "behind" by a hair', () => {
    // The producer 20/s, the consumer 19.8/s, a lag of 30 between commits: a healthy group.
    const samples = series(20, 20, (s) => Math.round(19.8 * s), 30);
    expect(drainOf(samples, T0 + 20_000).state).toBe('caught-up');
    // The same rates with a backlog of 1,000: behind.
    expect(
      drainOf(
        series(20, 20, (s) => Math.round(19.8 * s), 1000),
        T0 + 20_000,
      ).state,
    ).toBe('behind');
  });

  it('a stopped consumer with a little lag and an idle producer is behind, not caught up', () => {
    const stopped = drainOf(
      series(20, 0, () => 95, 100),
      T0 + 20_000,
    );
    expect(stopped).toMatchObject({ state: 'behind', consumePerSec: 0, producePerSec: 0 });
  });

  it('idle, caught up, or measuring', () => {
    expect(
      drainOf(
        series(10, 0, () => 0),
        T0 + 10_000,
      ).state,
    ).toBe('idle');
    expect(
      drainOf(
        series(10, 5, (s) => 5 * s),
        T0 + 10_000,
      ).state,
    ).toBe('caught-up');
    expect(
      drainOf(
        series(1, 5, () => 0, 10),
        T0 + 1000,
      ).state,
    ).toBe('measuring');
    expect(drainOf([], T0).state).toBe('measuring');
  });

  it('keeps 40 samples, in time order', () => {
    const samples = series(100, 1, (s) => s);
    expect(samples).toHaveLength(40);
    expect(addDrainSample(samples, { at: T0, position: 0, logEnd: 0 })).toBe(samples);
  });
});
