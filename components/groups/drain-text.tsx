import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { roughTime } from '@/lib/rough-time';
import type { Drain } from '@/protocol/snapshot';

type DrainVerdict = Pick<Drain, 'state' | 'seconds'> &
  Partial<Pick<Drain, 'consumePerSec' | 'producePerSec'>>;

/** "in ~40 s", "not draining (falls behind 12 msg/s)", "caught up"… with the rates as its title. */
export function DrainText({ drain, testId }: { drain: DrainVerdict; testId?: string }) {
  const t = useDict().ui.group;
  let text = fill(t.drainText[drain.state], { time: roughTime(Math.max(1, drain.seconds ?? 0)) });
  const { consumePerSec: consume, producePerSec: produce } = drain;
  if (drain.state === 'behind' && consume != null && produce != null && produce > consume)
    text += ` (${fill(t.fallsBehind, { rate: Math.round((produce - consume) * 10) / 10 })})`;
  const title =
    consume != null && produce != null ? fill(t.drainHelp, { consume, produce }) : undefined;
  return (
    <span title={title} data-testid={testId} data-state={drain.state}>
      {text}
    </span>
  );
}

const ARROWS = {
  draining: { glyph: '↘', className: 'text-sky-700 dark:text-sky-300' },
  behind: { glyph: '↗', className: 'text-red-700 dark:text-red-300' },
  'caught-up': { glyph: '→', className: 'text-slate-500 dark:text-slate-400' },
  idle: { glyph: '→', className: 'text-slate-500 dark:text-slate-400' },
  measuring: { glyph: '·', className: 'text-slate-400' },
} as const;

/** The overview's trend arrow: draining, falling behind, or level; the verdict in words as its label. */
export function DrainArrow({ drain }: { drain: DrainVerdict }) {
  const t = useDict().ui.group;
  const arrow = ARROWS[drain.state];
  const label = fill(t.drainText[drain.state], {
    time: roughTime(Math.max(1, drain.seconds ?? 0)),
  });
  return (
    <span
      className={`ml-0.5 font-semibold ${arrow.className}`}
      title={label}
      aria-label={label}
      role="img"
    >
      {arrow.glyph}
    </span>
  );
}
