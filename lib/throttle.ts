/**
 * Runs `fn` at most once per `intervalMs`: at once if the last run is that long ago (so a lone
 * change is not held back), otherwise when the interval is up; calls in between are merged.
 * Used on both ends of the socket, so a burst of Kafka events costs one push and one render.
 */
export function leadingThrottle(fn: () => void, intervalMs: number, now: () => number = Date.now) {
  let lastRunAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const runNow = () => {
    timer = null;
    lastRunAt = now();
    fn();
  };
  return {
    schedule(): void {
      if (timer) return;
      // setTimeout even when due: changes from the same tick are merged into this run.
      timer = setTimeout(runNow, Math.max(0, lastRunAt + intervalMs - now()));
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
