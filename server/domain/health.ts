/**
 * Health verdicts with Burrow's rules, over a sliding window of samples per partition:
 * REWIND if the committed offset went backwards; STOP if there is lag and no commit came for the
 * whole window; STALL if commits keep coming but the offset does not move while there is lag;
 * WARN if lag grew over the window; OK otherwise. A group takes its worst partition's verdict.
 */

import { VERDICT_TEXT, VERDICTS, type Verdict } from '../../protocol/group';

export { VERDICT_TEXT, VERDICTS, type Verdict };

/** A window must span this long before STOP or WARN can be claimed. */
export const HEALTH_WINDOW_MS = 20_000;

export interface HealthSample {
  at: number;
  committed: number | null;
  lag: number;
  /** The log end then: with `lag`, where the group stood (time to drain). */
  logEnd?: number;
}

export interface PartitionHealth {
  verdict: Verdict;
  reason: string;
}

/**
 * How much of the window lag must rise without falling for WARN: longer than the 5 s between
 * auto-commits (the lab's default), well short of the window after which STOP is said.
 */
const RISING_SHARE = 0.35;

/** Samples kept per partition: a window's worth at one per second, with room to spare. */
export const MAX_SAMPLES = 40;

export function addSample(
  samples: HealthSample[],
  sample: HealthSample,
  windowMs = HEALTH_WINDOW_MS,
): HealthSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.at <= last.at) return samples;
  const kept = samples.filter((s) => s.at >= sample.at - 2 * windowMs);
  const next = [...kept, sample];
  return next.length > MAX_SAMPLES ? next.slice(next.length - MAX_SAMPLES) : next;
}

/** A committed offset that went backwards, as the commit stream saw it. */
export interface Rewind {
  at: number;
  from: number;
  to: number;
}

export function partitionHealth(
  samples: HealthSample[],
  lastCommitAt: number | null,
  now: number,
  rewind: Rewind | null = null,
  windowMs = HEALTH_WINDOW_MS,
): PartitionHealth {
  if (rewind && rewind.at >= now - windowMs)
    return { verdict: 'REWIND', reason: `${VERDICT_TEXT.REWIND} (${rewind.from} → ${rewind.to})` };
  const window = samples.filter((s) => s.at >= now - windowMs);
  const first = window[0];
  const last = window[window.length - 1];
  if (!first || !last) return { verdict: 'OK', reason: VERDICT_TEXT.OK };
  for (let i = 1; i < window.length; i++) {
    const before = window[i - 1]?.committed ?? null;
    const after = window[i]?.committed ?? null;
    if (before !== null && after !== null && after < before)
      return { verdict: 'REWIND', reason: `${VERDICT_TEXT.REWIND} (${before} → ${after})` };
  }
  const spansWindow = last.at - first.at >= windowMs * 0.9;
  const lagThroughout = window.every((s) => s.lag > 0);
  if (spansWindow && lagThroughout) {
    const commitsInWindow = lastCommitAt !== null && lastCommitAt >= now - windowMs;
    if (!commitsInWindow) return { verdict: 'STOP', reason: VERDICT_TEXT.STOP };
    if (first.committed === last.committed) return { verdict: 'STALL', reason: VERDICT_TEXT.STALL };
  }
  // Growth is judged since the lag last fell (a commit caught up, or it drained): a consumer that
  // stops is WARN RISING_MS later, not only once its last good sample has left the window (by then
  // it is STOP); the saw-tooth of a healthy consumer committing every few seconds never rises
  // that long, and WARN clears once the lag falls.
  const fell = window.findLastIndex(
    (s, i) => s.lag === 0 || (i > 0 && s.lag < (window[i - 1]?.lag ?? 0) * 0.9),
  );
  const run = window.slice(Math.max(0, fell));
  const from = run[0];
  if (
    from &&
    run.length >= 3 &&
    last.lag > from.lag &&
    last.at - from.at >= windowMs * RISING_SHARE
  )
    return { verdict: 'WARN', reason: `${VERDICT_TEXT.WARN} (${from.lag} → ${last.lag})` };
  return { verdict: 'OK', reason: VERDICT_TEXT.OK };
}

/** The worst of its partitions' verdicts, REWIND first. */
export function groupHealth(partitions: PartitionHealth[]): PartitionHealth {
  let worst: PartitionHealth = { verdict: 'OK', reason: VERDICT_TEXT.OK };
  for (const p of partitions)
    if (VERDICTS.indexOf(p.verdict) > VERDICTS.indexOf(worst.verdict)) worst = p;
  return worst;
}
