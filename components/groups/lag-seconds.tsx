import { useDict } from '@/lib/i18n/language';
import type { LagMethod } from '@/protocol/snapshot';

/**
 * A lag in seconds as a row or a stat shows it: "≥" while it is only a lower bound, and how the
 * figure was had in its tooltip (and for screen readers).
 */
export function LagSeconds({
  seconds,
  method = 'log-end',
  testId,
}: {
  seconds: number;
  method?: LagMethod;
  testId?: string;
}) {
  const t = useDict().ui.group;
  const shown = seconds < 10 ? seconds.toFixed(1) : String(seconds);
  return (
    <span title={t.lagMethod[method]} data-testid={testId} data-method={method}>
      {method === 'lower-bound' ? `≥ ${shown}` : shown}
    </span>
  );
}
