/**
 * Time to drain: will the group catch up, and when. From the last samples of its position (what
 * it has committed) and of the log end: the producers' rate over the whole window, the consumers'
 * rate over their current run of progress only, so a consumer resumed 10 s ago is judged on those
 * 10 s and not on the pause before them.
 */

import type { Drain } from '../../protocol/group';

export interface DrainSample {
  at: number;
  /** Where the group is: its committed offset (summed over partitions for a group). */
  position: number;
  logEnd: number;
}

/** Samples kept: 40 s at one a second. */
export const DRAIN_SAMPLES = 40;
/**
 * A run of progress ends where the position stood still longer than this: twice the 5 s between
 * auto-commits, seen through once-a-second samples, so a healthy consumer committing every few
 * seconds stays one run.
 */
export const RUN_GAP_MS = 11_000;
/** Rates over less than this are noise: the verdict is "measuring". */
export const MIN_SPAN_MS = 3000;
/**
 * Keeping up: consumers moving, at least this share of the producers' rate, with a lag of no
 * more than IN_FLIGHT_MS of production (what is in flight between auto-commits, 5 s apart). Not
 * "behind" by a hair.
 */
export const KEEPING_UP_SHARE = 0.9;
export const IN_FLIGHT_MS = 6000;

export function addDrainSample(samples: DrainSample[], sample: DrainSample): DrainSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.at <= last.at) return samples;
  const next = [...samples, sample];
  return next.length > DRAIN_SAMPLES ? next.slice(next.length - DRAIN_SAMPLES) : next;
}

const perSecond = (delta: number, ms: number) => Math.round((delta / ms) * 1000 * 10) / 10;

export function drainOf(samples: readonly DrainSample[], now: number): Drain {
  const last = samples[samples.length - 1];
  const first = samples[0];
  if (!last || !first)
    return { state: 'measuring', seconds: null, consumePerSec: null, producePerSec: null };
  const lag = Math.max(0, last.logEnd - last.position);
  const span = last.at - first.at;
  const producePerSec = span >= MIN_SPAN_MS ? perSecond(last.logEnd - first.logEnd, span) : null;
  const consume = consumeRate(samples, now);
  if (lag === 0)
    return {
      state: producePerSec === 0 ? 'idle' : 'caught-up',
      seconds: 0,
      consumePerSec: consume,
      producePerSec,
    };
  if (producePerSec === null || consume === null)
    return { state: 'measuring', seconds: null, consumePerSec: consume, producePerSec };
  const inFlight = Math.max(1, producePerSec) * (IN_FLIGHT_MS / 1000);
  if (consume > 0 && consume >= producePerSec * KEEPING_UP_SHARE && lag <= inFlight)
    return { state: 'caught-up', seconds: 0, consumePerSec: consume, producePerSec };
  const net = consume - producePerSec;
  if (net <= 0) return { state: 'behind', seconds: null, consumePerSec: consume, producePerSec };
  return {
    state: 'draining',
    seconds: Math.round(lag / net),
    consumePerSec: consume,
    producePerSec,
  };
}

/**
 * The consumers' rate over their current run of progress, from its first step to its last (a step
 * is a commit: the work before the first one may have begun any time in the pause before it);
 * 0 once stopped; null while the run is too short to tell.
 */
function consumeRate(samples: readonly DrainSample[], now: number): number | null {
  let first: DrainSample | null = null;
  let latest: DrainSample | null = null;
  for (let i = samples.length - 1; i > 0; i--) {
    const s = samples[i] as DrainSample;
    if (s.position <= (samples[i - 1] as DrainSample).position) continue;
    if (latest === null && now - s.at > RUN_GAP_MS) return 0;
    if (first !== null && first.at - s.at > RUN_GAP_MS) break;
    latest ??= s;
    first = s;
  }
  if (!first || !latest) {
    const oldest = samples[0] as DrainSample;
    const last = samples[samples.length - 1] as DrainSample;
    return last.at - oldest.at >= RUN_GAP_MS ? 0 : null;
  }
  const span = latest.at - first.at;
  return span >= MIN_SPAN_MS ? perSecond(latest.position - first.position, span) : null;
}
