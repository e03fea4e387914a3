import { describe, expect, it } from 'vitest';
import {
  addSample,
  groupHealth,
  HEALTH_WINDOW_MS,
  type HealthSample,
  partitionHealth,
} from './health';

const T0 = 1_700_000_000_000;
const series = (
  points: [seconds: number, committed: number | null, lag: number][],
): HealthSample[] =>
  points.reduce<HealthSample[]>(
    (acc, [s, committed, lag]) => addSample(acc, { at: T0 + s * 1000, committed, lag }),
    [],
  );
const at = (seconds: number) => T0 + seconds * 1000;

describe('partitionHealth', () => {
  it('OK while the offset moves and lag holds steady', () => {
    const samples = series(Array.from({ length: 25 }, (_, s) => [s, s * 10, 3]));
    expect(partitionHealth(samples, at(24), at(24)).verdict).toBe('OK');
  });

  it('WARN when lag grows over the window, before the window is full', () => {
    const samples = series(Array.from({ length: 8 }, (_, s) => [s, 100, 10 + s * 10]));
    const health = partitionHealth(samples, at(0), at(7));
    expect(health.verdict).toBe('WARN');
    expect(health.reason).toContain('10 → 80');
  });

  it('WARN clears once the lag has drained: a window that touched the log end kept up', () => {
    // Lag grew for 6 s, then the consumer caught up; later batches bring lag of a few again.
    const points: [number, number, number][] = [
      [0, 100, 10],
      [4, 100, 30],
      [8, 100, 50],
      [11, 140, 20],
      [14, 190, 0],
      [17, 195, 4],
      [20, 196, 8],
    ];
    expect(partitionHealth(series(points.slice(0, 3)), at(0), at(8)).verdict).toBe('WARN');
    expect(partitionHealth(series(points), at(20), at(20)).verdict).toBe('OK');
  });

  it('WARN about a third of a window after a consumer that kept up stops, and STOP a window later', () => {
    // Kept up for 20 s (lag 0 at every sample), then paused at 20 s: lag grows by 40/s.
    const points: [number, number, number][] = [
      ...Array.from({ length: 21 }, (_, s): [number, number, number] => [s, s * 40, 0]),
      ...Array.from({ length: 25 }, (_, s): [number, number, number] => [
        21 + s,
        800,
        40 * (s + 1),
      ]),
    ];
    const upTo = (s: number) => series(points.filter(([t]) => t <= s));
    expect(partitionHealth(upTo(25), at(20), at(25)).verdict).toBe('OK');
    expect(partitionHealth(upTo(28), at(20), at(28)).verdict).toBe('WARN');
    expect(partitionHealth(upTo(39), at(20), at(39)).verdict).toBe('WARN');
    expect(partitionHealth(upTo(45), at(20), at(45)).verdict).toBe('STOP');
  });

  it('never WARN for the saw-tooth of a consumer that auto-commits every 5 s', () => {
    // Log end +40/s; the committed offset catches up every 5 s, to 3 behind the log end.
    const sawTooth: [number, number, number][] = Array.from({ length: 60 }, (_, s) => {
      const committedAt = s - (s % 5);
      return [s, committedAt * 40, (s - committedAt) * 40 + 3];
    });
    for (let s = 5; s < 60; s++)
      expect(
        partitionHealth(series(sawTooth.filter(([t]) => t <= s)), at(s - (s % 5)), at(s)).verdict,
      ).toBe('OK');
  });

  it('STOP when messages wait and no commit came for the whole window', () => {
    const samples = series(Array.from({ length: 25 }, (_, s) => [s, 100, 10 + s]));
    expect(partitionHealth(samples, at(0), at(24)).verdict).toBe('STOP');
  });

  it('STALL when commits come but the offset does not move while messages wait', () => {
    const samples = series(Array.from({ length: 25 }, (_, s) => [s, 100, 40]));
    expect(partitionHealth(samples, at(23), at(24)).verdict).toBe('STALL');
  });

  it('not STOP without lag: an idle group with nothing to read is OK', () => {
    const samples = series(Array.from({ length: 25 }, (_, s) => [s, 100, 0]));
    expect(partitionHealth(samples, at(0), at(24)).verdict).toBe('OK');
  });

  it('REWIND when the committed offset goes backwards, whatever else holds', () => {
    const samples = series([
      [0, 500, 0],
      [1, 500, 0],
      [2, 120, 380],
    ]);
    const health = partitionHealth(samples, at(2), at(2));
    expect(health.verdict).toBe('REWIND');
    expect(health.reason).toContain('500 → 120');
  });

  it('forgets what left the window', () => {
    const rewound = series([
      [0, 500, 0],
      [1, 120, 0],
    ]);
    const later = addSample(rewound, {
      at: at(1) + HEALTH_WINDOW_MS + 5000,
      committed: 130,
      lag: 0,
    });
    expect(
      partitionHealth(later, at(1) + HEALTH_WINDOW_MS + 5000, at(1) + HEALTH_WINDOW_MS + 5000)
        .verdict,
    ).toBe('OK');
  });
});

describe('groupHealth', () => {
  it('is the worst partition verdict', () => {
    expect(groupHealth([]).verdict).toBe('OK');
    expect(
      groupHealth([
        { verdict: 'WARN', reason: 'w' },
        { verdict: 'STOP', reason: 's' },
        { verdict: 'OK', reason: 'o' },
      ]),
    ).toEqual({ verdict: 'STOP', reason: 's' });
  });
});
