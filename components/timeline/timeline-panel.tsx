'use client';

import { memo, useMemo, useState } from 'react';
import { useDict } from '@/lib/i18n/language';
import { useLive } from '@/lib/use-live';
import { formatText } from '@/protocol/texts';
import type { TimelineEvent, TimelineKind } from '@/protocol/timeline';
import { ClientTime } from '../ui/client-time';
import { inputClass } from '../ui/field';
import { Panel } from '../ui/panel';

const SHOWN = 150;

const KIND_STYLE: Partial<Record<TimelineKind, string>> = {
  'consumer-crashed': 'border-red-500',
  'member-evicted': 'border-red-400',
  'rebalance-started': 'border-amber-400',
  'rebalance-completed': 'border-emerald-500',
  'member-joined': 'border-sky-500',
  'member-left': 'border-slate-400',
  'producer-error': 'border-red-500',
  'broker-unreachable': 'border-red-600',
  'broker-connected': 'border-emerald-600',
  commits: 'border-slate-300 dark:border-slate-700',
  'dead-lettered': 'border-fuchsia-500',
};

export function TimelinePanel() {
  const timeline = useLive((s) => s.timeline);
  const [group, setGroup] = useState('all');
  // Commit aggregates are many and quiet: folded until asked for, so membership changes stand out.
  const [showCommits, setShowCommits] = useState(false);
  const t = useDict().ui.timeline;
  const groups = useMemo(
    () =>
      [...new Set(timeline.map((e) => e.groupId).filter((g): g is string => g !== null))].sort(),
    [timeline],
  );
  const shown = useMemo(() => {
    const out: TimelineEvent[] = [];
    for (let i = timeline.length - 1; i >= 0 && out.length < SHOWN; i--) {
      const e = timeline[i];
      if (!e) continue;
      if (group !== 'all' && e.groupId !== null && e.groupId !== group) continue;
      if (!showCommits && e.kind === 'commits') continue;
      out.push(e);
    }
    return out;
  }, [timeline, group, showCommits]);
  return (
    <Panel
      title={t.title}
      testId="timeline"
      actions={
        <>
          <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
            <input
              type="checkbox"
              checked={showCommits}
              onChange={(e) => setShowCommits(e.target.checked)}
            />{' '}
            {t.commits}
          </label>
          <select
            className={`${inputClass} w-40 py-0 text-xs`}
            value={group}
            onChange={(e) => setGroup(e.target.value)}
            aria-label={t.filter}
          >
            <option value="all">{t.allGroups}</option>
            {groups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </>
      }
    >
      <ol
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes focus so a keyboard can scroll it (WCAG 2.1.1)
        tabIndex={0}
        aria-label={t.title}
        className="flex max-h-[24rem] flex-col gap-1 overflow-y-auto pr-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        {shown.map((e) => (
          <TimelineItem key={e.id} event={e} />
        ))}
        {shown.length === 0 && <li className="text-xs text-slate-500">{t.empty}</li>}
      </ol>
    </Panel>
  );
}

const TimelineItem = memo(function TimelineItem({ event: e }: { event: TimelineEvent }) {
  const events = useDict().events;
  // The server's English is the fallback for events it words itself (a worker's own error).
  const text = e.text ? formatText((key) => events[key], e.text) : e.message;
  return (
    <li
      data-testid={`event-${e.kind}`}
      className={`border-l-4 py-0.5 pl-2 text-xs ${KIND_STYLE[e.kind] ?? 'border-slate-300'}`}
    >
      <div className="flex items-baseline gap-2">
        <span className="shrink-0 font-mono text-xs text-slate-600 dark:text-slate-400">
          <ClientTime at={e.at} />
        </span>
        <span className="min-w-0">{text}</span>
      </div>
      {e.groupId && (
        <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{e.groupId}</div>
      )}
    </li>
  );
});
