'use client';

import { memo } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import { useNow } from '@/lib/use-now';
import type { GroupInfo, PartitionRef, RebalanceSummary } from '@/protocol/snapshot';
import { formatDuration, formatText } from '@/protocol/texts';
import { Badge } from '../ui/badge';
import { Help } from '../ui/help';
import { RebalanceMoves } from './rebalance-moves';
import { RebalanceReplay } from './rebalance-replay';

const partitionLabel = (r: PartitionRef, several: boolean) =>
  several ? `${r.topic} P${r.partition}` : `P${r.partition}`;

/**
 * The rebalance where it happens: while one runs, what it is waiting for; when it is over, what
 * it cost (duration, each partition's pause) and who took what, with the earlier ones a click away.
 */
export const RebalanceCard = memo(function RebalanceCard({
  group,
  colorOf,
  onHighlight,
}: {
  group: GroupInfo;
  colorOf: (consumerId: string | null) => string | null;
  onHighlight: (refs: PartitionRef[]) => void;
}) {
  const d = useDict();
  const t = d.ui.rebalanceCard;
  const word = (text: RebalanceSummary['reasonText']) => formatText((k) => d.events[k], text);
  const several = group.topics.length > 1;
  const waiting = group.waiting ?? [];
  // The story starts when partitions stop being processed (a crash: until the coordinator
  // notices, after the session timeout), not only when Kafka's rebalance does.
  if (group.rebalance || waiting.length > 0) {
    const rebalance = group.rebalance;
    return (
      <section
        aria-live="polite"
        data-testid="rebalance-now"
        data-phase={rebalance ? 'rebalancing' : 'waiting'}
        className="mb-3 rounded-md border-2 border-amber-400 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950/40"
      >
        <div className="flex flex-wrap items-center gap-2">
          <b>{rebalance ? t.now : t.waitingNow}</b>
          {rebalance && <Elapsed since={rebalance.startedAt} />}
          <Help term="rebalance" />
        </div>
        <div>{rebalance ? fill(t.cause, { cause: word(rebalance.reasonText) }) : t.waitingWhy}</div>
        {waiting.length > 0 && (
          <div data-testid="rebalance-waiting">
            {fill(t.waiting, {
              partitions: waiting.map((r) => partitionLabel(r, several)).join(', '),
            })}
          </div>
        )}
      </section>
    );
  }
  const last = group.lastRebalance;
  const order = group.lanes.flatMap((l) => (l.consumerId ? [l.consumerId] : []));
  const short = (id: string) =>
    id.startsWith(`${group.groupId}-`) ? id.slice(group.groupId.length + 1) : id;
  if (!last) {
    return (
      <p className="mb-3 text-xs text-slate-600 dark:text-slate-400" data-testid="rebalance-none">
        {group.lab ? t.noneLab : t.none}
      </p>
    );
  }
  return (
    <section
      data-testid="rebalance-card"
      className="mb-3 rounded-md border border-emerald-500/60 bg-emerald-50/60 px-3 py-2 text-sm dark:bg-emerald-950/30"
    >
      <div data-testid="rebalance-last">
        <Summary
          summary={last}
          several={several}
          colorOf={colorOf}
          word={word}
          title={t.last}
          order={order}
          short={short}
        />
      </div>
      {last.steps && last.steps.length > 0 && (
        <RebalanceReplay summary={last} colorOf={colorOf} onHighlight={onHighlight} />
      )}
      {(group.earlierRebalances ?? []).length > 0 && (
        <details className="mt-2" data-testid="rebalance-earlier">
          <summary className="cursor-pointer text-xs text-slate-700 dark:text-slate-300">
            {fill(t.earlier, { n: group.earlierRebalances?.length ?? 0 })}
          </summary>
          <div className="mt-1 flex flex-col gap-2">
            {(group.earlierRebalances ?? []).map((r) => (
              <div
                key={r.startedAt}
                className="border-t border-slate-200 pt-1 dark:border-slate-700"
              >
                <Summary
                  summary={r}
                  several={several}
                  colorOf={colorOf}
                  word={word}
                  title={null}
                  order={order}
                  short={short}
                />
              </div>
            ))}
          </div>
        </details>
      )}
    </section>
  );
});

function Elapsed({ since }: { since: number }) {
  const now = useNow(100);
  return (
    <span className="font-mono" data-testid="rebalance-elapsed">
      {formatDuration(Math.max(0, now - since))}
    </span>
  );
}

function Ago({ at }: { at: number }) {
  const t = useDict().ui.rebalanceCard;
  const now = useNow(1000);
  return <span>{fill(t.ago, { s: Math.max(0, Math.round((now - at) / 1000)) })}</span>;
}

const STYLE_TEXT: Record<NonNullable<RebalanceSummary['style']>, string> = {
  eager: 'eager',
  cooperative: 'cooperative',
  'kip-848': 'KIP-848',
};

function Summary({
  summary,
  several,
  colorOf,
  word,
  title,
  order,
  short,
}: {
  summary: RebalanceSummary;
  /** A consumer's name without its group's prefix, where columns are narrow. */
  short: (consumerId: string) => string;
  /** The consumers in the board's lane order: the moves' columns follow it. */
  order: readonly string[];
  several: boolean;
  colorOf: (consumerId: string | null) => string | null;
  word: (text: RebalanceSummary['reasonText']) => string;
  title: string | null;
}) {
  const t = useDict().ui.rebalanceCard;
  const pauses = summary.pauses ?? [];
  const longest = Math.max(summary.durationMs, ...pauses.map((p) => p.ms), 1);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        {title && <b>{title}</b>}
        {summary.style && <Badge tone="slate">{STYLE_TEXT[summary.style]}</Badge>}
        <span data-testid="rebalance-duration">
          {fill(t.took, { duration: formatDuration(summary.durationMs) })}
        </span>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          <Ago at={summary.endedAt} />
        </span>
        {/* On the title's line: a card of six moves must still fit at 1280×800. */}
        <span className="text-xs" data-testid="rebalance-cause">
          {fill(t.cause, { cause: word(summary.reasonText) })}
        </span>
      </div>
      {/* Side by side: how long each partition waited, and where it went. */}
      <div className="grid grid-cols-1 items-start gap-x-4 gap-y-1 sm:grid-cols-2">
        {pauses.length > 0 ? (
          <ul
            className="grid grid-cols-2 gap-x-3 gap-y-0.5"
            aria-label={t.pausesLabel}
            data-testid="rebalance-pauses"
          >
            {pauses.map((p) => (
              <li
                key={`${p.topic}/${p.partition}`}
                className="grid grid-cols-[auto_1fr_4rem] items-center gap-2 text-xs"
                data-testid={`pause-${p.partition}`}
              >
                <span className="font-mono">{partitionLabel(p, several)}</span>
                <span className="h-2.5 rounded bg-slate-200 dark:bg-slate-700">
                  <span
                    className="block h-full rounded bg-amber-500"
                    style={{ width: `${Math.max(2, (p.ms / longest) * 100)}%` }}
                  />
                </span>
                <span className="text-right font-mono" data-testid="pause-ms">
                  {formatDuration(p.ms)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <div className="text-xs">{t.noPause}</div>
        )}
        {summary.moves.length > 0 && (
          <RebalanceMoves
            moves={summary.moves}
            order={order}
            colorOf={colorOf}
            label={(m) => (m.ref ? partitionLabel(m.ref, several) : m.partition)}
            nobody={t.nobody}
            movedFrom={t.movedFrom}
            short={short}
          />
        )}
      </div>
    </div>
  );
}
