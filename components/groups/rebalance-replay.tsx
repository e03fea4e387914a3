'use client';

import { useEffect, useMemo, useState } from 'react';
import { fill } from '@/lib/i18n/dictionary';
import { useDict } from '@/lib/i18n/language';
import type { PartitionRef, RebalanceStep, RebalanceSummary } from '@/protocol/snapshot';
import { formatDuration } from '@/protocol/texts';
import { Button } from '../ui/button';
import { Who } from './rebalance-bits';

/** Slow motion: each step of the real rebalance stays on screen this long while playing. */
const STEP_MS = 1500;

type Frame =
  | { kind: 'start'; at: number }
  | { kind: 'end'; at: number }
  | (RebalanceStep & { kind: RebalanceStep['kind'] });

/**
 * Steps through what the lab's members reported during the last rebalance (rejoin, revoke,
 * assign), from its first sign to its end, lighting up the partitions of each step on the board.
 */
export function RebalanceReplay({
  summary,
  colorOf,
  onHighlight,
}: {
  summary: RebalanceSummary;
  colorOf: (consumerId: string | null) => string | null;
  onHighlight: (refs: PartitionRef[]) => void;
}) {
  const t = useDict().ui.rebalanceCard;
  const frames = useMemo<Frame[]>(
    () => [
      { kind: 'start', at: summary.startedAt },
      ...(summary.steps ?? []),
      { kind: 'end', at: summary.endedAt },
    ],
    [summary],
  );
  const [index, setIndex] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const frame = index === null ? null : frames[index];
  useEffect(() => {
    onHighlight(frame && 'partitions' in frame ? frame.partitions : []);
  }, [frame, onHighlight]);
  useEffect(() => () => onHighlight([]), [onHighlight]);
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      if (index === null || index >= frames.length - 1) setPlaying(false);
      else setIndex(index + 1);
    }, STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, frames.length]);
  // A new rebalance replaces the story: start over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the summary changes
  useEffect(() => {
    setIndex(null);
    setPlaying(false);
  }, [summary.startedAt]);
  const go = (i: number) => {
    setPlaying(false);
    setIndex(Math.max(0, Math.min(frames.length - 1, i)));
  };
  return (
    <div className="mt-1 flex flex-col gap-1" data-testid="rebalance-replay">
      <div className="flex flex-wrap items-center gap-1">
        <Button
          data-testid="replay-play"
          onClick={() => {
            setIndex(index === null || index >= frames.length - 1 ? 0 : index);
            setPlaying(!playing);
          }}
        >
          {playing ? t.pause : t.replay}
        </Button>
        <Button
          aria-label={t.previous}
          disabled={index === null || index === 0}
          onClick={() => go((index ?? 0) - 1)}
        >
          ◀
        </Button>
        <Button aria-label={t.next} data-testid="replay-next" onClick={() => go((index ?? -1) + 1)}>
          ▶
        </Button>
        {index !== null && (
          <span
            className="text-xs text-slate-600 dark:text-slate-400"
            data-testid="replay-position"
          >
            {fill(t.step, { n: index + 1, of: frames.length })}
          </span>
        )}
      </div>
      {frame && (
        <div
          aria-live="polite"
          className="rounded bg-white/70 px-2 py-1 text-xs dark:bg-slate-900/60"
          data-testid="replay-frame"
          data-kind={frame.kind}
        >
          <span className="mr-2 font-mono">+{formatDuration(frame.at - summary.startedAt)}</span>
          <FrameText frame={frame} colorOf={colorOf} />
        </div>
      )}
    </div>
  );
}

function FrameText({
  frame,
  colorOf,
}: {
  frame: Frame;
  colorOf: (consumerId: string | null) => string | null;
}) {
  const t = useDict().ui.rebalanceCard;
  if (frame.kind === 'start') return <span>{t.stepStart}</span>;
  if (frame.kind === 'end') return <span>{t.stepEnd}</span>;
  const partitions = frame.partitions.map((p) => `P${p.partition}`).join(', ');
  const template =
    frame.kind === 'joining'
      ? t.stepJoining
      : frame.kind === 'revoked'
        ? t.stepRevoked
        : t.stepAssigned;
  const [before, after] = template.split('{id}');
  return (
    <span>
      {before}
      <Who id={frame.consumerId} color={colorOf(frame.consumerId)} nobody="" />
      {fill(after ?? '', { partitions })}
    </span>
  );
}
