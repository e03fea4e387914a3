import { retryDelayMs } from './backoff';

export type AttemptResult<T> = { ok: true; value: T } | { ok: false; error: string };

export type RetryOutcome<T> =
  | { kind: 'ok'; value: T; attempts: number }
  /** Every attempt failed: the caller dead-letters the message. */
  | { kind: 'failed'; error: string; attempts: number }
  /** A wait was cut short (stop, pause, partition taken away): the message stays unprocessed. */
  | { kind: 'interrupted'; attempts: number };

export interface RetryHooks {
  /** Attempt `attempt` failed; the next comes after `delayMs`. */
  onRetry: (attempt: number, delayMs: number, error: string) => void;
  /** Waits `delayMs`; false when the wait was interrupted. */
  wait: (delayMs: number) => Promise<boolean>;
}

/** Tries up to `attempts` times, waiting retryDelayMs(n, backoffMs) after failed attempt n. */
export async function runWithRetries<T>(
  attempt: () => AttemptResult<T> | Promise<AttemptResult<T>>,
  attempts: number,
  backoffMs: number,
  hooks: RetryHooks,
): Promise<RetryOutcome<T>> {
  for (let n = 1; ; n++) {
    const result = await attempt();
    if (result.ok) return { kind: 'ok', value: result.value, attempts: n };
    if (n >= attempts) return { kind: 'failed', error: result.error, attempts: n };
    const delayMs = retryDelayMs(n, backoffMs);
    hooks.onRetry(n, delayMs, result.error);
    if (!(await hooks.wait(delayMs))) return { kind: 'interrupted', attempts: n };
  }
}
