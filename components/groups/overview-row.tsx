'use client';

import { memo } from 'react';
import type { Dictionary } from '@/lib/i18n/dictionaries';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { GroupState, GroupSummary, Health, Verdict } from '@/protocol/snapshot';
import { Badge, type Tone } from '../ui/badge';
import { DrainArrow } from './drain-text';
import { HealthBadge } from './health-badge';
import { LagSeconds } from './lag-seconds';
import { RetentionBadge } from './retention-badge';
import { Sparkline } from './sparkline';
import { StormBadge } from './storm-badge';

export const ROW_HEIGHT_PX = 30;

/** A verdict's sentence in the reader's language, with the numbers Kafka gave ("(120 → 340)"). */
export function healthText(d: Dictionary['ui'], health: Health): string {
  const numbers = /\(([^()]*\d[^()]*)\)$/.exec(health.reason)?.[0];
  return numbers ? `${d.health[health.verdict]} ${numbers}` : d.health[health.verdict];
}

export const VERDICT_TONE: Record<Verdict, Tone> = {
  OK: 'green',
  WARN: 'amber',
  STALL: 'red',
  STOP: 'red',
  REWIND: 'violet',
};

export const STATE_TONE: Record<GroupState, Tone> = {
  Stable: 'green',
  PreparingRebalance: 'amber',
  CompletingRebalance: 'amber',
  Assigning: 'amber',
  Reconciling: 'amber',
  Empty: 'slate',
  Dead: 'red',
  Unknown: 'slate',
};

export function ago(at: number | null, now: number, t: Dictionary['ui']['overview']): string {
  if (at === null) return '—';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return fill(t.secondsAgo, { n: s });
  if (s < 3600) return fill(t.minutesAgo, { n: Math.floor(s / 60) });
  return fill(t.hoursAgo, { n: Math.floor(s / 3600) });
}

export const OverviewRow = memo(function OverviewRow({
  group: g,
  open,
  onToggle,
  now,
}: {
  group: GroupSummary;
  open: boolean;
  onToggle: (groupId: string) => void;
  now: number;
}) {
  const cell = 'truncate px-2';
  const d = useDict().ui;
  return (
    <tr
      aria-selected={open}
      data-testid={`overview-row-${g.groupId}`}
      onClick={() => onToggle(g.groupId)}
      className={`cursor-pointer border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60 ${open ? 'bg-sky-50 dark:bg-sky-950/40' : ''}`}
      style={{ height: ROW_HEIGHT_PX }}
    >
      <td className={`${cell} font-mono`}>
        <button
          type="button"
          className="flex w-full min-w-0 items-center gap-1 text-left"
          aria-expanded={open}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(g.groupId);
          }}
        >
          <span aria-hidden className="w-3 text-slate-400">
            {open ? '▾' : '▸'}
          </span>
          <span className="truncate">{g.groupId}</span>
          {g.lab && <Badge tone="sky">{d.group.lab}</Badge>}
        </button>
      </td>
      <td className={`${cell} text-slate-600 dark:text-slate-300`}>
        {g.type}
        {g.protocol ? ` · ${g.protocol}` : ''}
      </td>
      <td className={cell}>
        <Badge tone={STATE_TONE[g.state]}>{g.state}</Badge>
      </td>
      <td className={`${cell} text-right tabular-nums`}>{g.members}</td>
      <td className={`${cell} font-mono text-slate-600 dark:text-slate-300`}>
        {g.topics.join(', ') || '—'}
      </td>
      <td className={`${cell} text-right tabular-nums ${g.totalLag > 0 ? 'font-semibold' : ''}`}>
        {g.totalLag}
      </td>
      <td className={`${cell} text-right tabular-nums`}>
        <LagSeconds seconds={g.lagSeconds} method={g.lagMethod} />
      </td>
      <td className={cell}>
        <span className="inline-flex items-center">
          <Sparkline points={g.lagTrend} />
          {g.drain && <DrainArrow drain={g.drain} />}
        </span>
      </td>
      <td className={`${cell} overflow-visible`}>
        <HealthBadge health={g.health} testId={`health-${g.groupId}`} />
        {g.storm && <StormBadge storm={g.storm} testId={`storm-${g.groupId}`} />}
        {g.retention && (
          <RetentionBadge retention={g.retention} testId={`retention-${g.groupId}`} />
        )}
      </td>
      <td className={`${cell} text-right text-slate-600 dark:text-slate-400 tabular-nums`}>
        {ago(g.lastCommitAt, now, d.overview)}
      </td>
    </tr>
  );
});
