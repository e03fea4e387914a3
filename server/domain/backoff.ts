import { WORKER_TIMINGS } from '../../protocol/worker-timings';

/**
 * Exponential backoff between processing attempts, as Kafka's clients back off between retries
 * (KIP-580: retry.backoff.ms doubling up to retry.backoff.max.ms), without KIP-580's ±20 % jitter:
 * the lab's schedule must be predictable to be watched.
 */

/** No single wait beyond this, whatever attempts and base delay say. */
export const MAX_RETRY_DELAY_MS = WORKER_TIMINGS.maxRetryDelayMs;

/** The wait after failed attempt `attempt` (1-based): base, 2×base, 4×base… capped. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  const delay = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(delay, MAX_RETRY_DELAY_MS);
}

/** Every wait of a message that fails all `attempts`: one fewer than the attempts. */
export function retrySchedule(attempts: number, baseMs: number): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) => retryDelayMs(i + 1, baseMs));
}
