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
}

export interface PartitionHealth {
  verdict: Verdict;
  reason: string;
}

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
  // Growth is judged since the partition last reached its log end: a drained partition kept up
  // (WARN clears), and a consumer that stops after keeping up is WARN a quarter window later, not
  // only once its last lag-free sample has left the window (by then it is STOP).
  const since = window.findLastIndex((s) => s.lag === 0);
  const run = window.slice(since + 1);
  const from = run[0];
  const rising =
    from !== undefined &&
    last.lag > from.lag &&
    run.every((s, i) => i === 0 || s.lag >= (run[i - 1]?.lag ?? 0) * 0.9);
  if (run.length >= 3 && rising && last.at - (from?.at ?? last.at) >= windowMs / 4)
    return { verdict: 'WARN', reason: `${VERDICT_TEXT.WARN} (${from?.lag} → ${last.lag})` };
  return { verdict: 'OK', reason: VERDICT_TEXT.OK };
}

/** The worst of its partitions' verdicts, REWIND first. */
export function groupHealth(partitions: PartitionHealth[]): PartitionHealth {
  let worst: PartitionHealth = { verdict: 'OK', reason: VERDICT_TEXT.OK };
  for (const p of partitions)
    if (VERDICTS.indexOf(p.verdict) > VERDICTS.indexOf(worst.verdict)) worst = p;
  return worst;
}
