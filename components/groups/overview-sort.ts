import { useEffect, useRef, useState } from 'react';
import { type GroupSummary, VERDICTS } from '@/protocol/snapshot';

export type SortKey =
  | 'groupId'
  | 'type'
  | 'state'
  | 'members'
  | 'topics'
  | 'totalLag'
  | 'lagSeconds'
  | 'trend'
  | 'health'
  | 'lastCommitAt';

/** How much lag changed over the last minute: the trend column sorts by it. */
function trendDelta(g: GroupSummary): number {
  return (g.lagTrend[g.lagTrend.length - 1] ?? 0) - (g.lagTrend[0] ?? 0);
}

function value(g: GroupSummary, key: SortKey): number | string {
  switch (key) {
    case 'groupId':
      return g.groupId;
    case 'type':
      return `${g.type} ${g.protocol}`;
    case 'state':
      return g.state;
    case 'members':
      return g.members;
    case 'topics':
      return g.topics.join(',');
    case 'totalLag':
      return g.totalLag;
    case 'lagSeconds':
      return g.lagSeconds;
    case 'trend':
      return trendDelta(g);
    case 'health':
      return VERDICTS.indexOf(g.health.verdict);
    case 'lastCommitAt':
      return g.lastCommitAt ?? 0;
  }
}

/** A comparator for one column; ties fall back to the group id, so the order is stable. */
export function compareBy(key: SortKey, desc: boolean) {
  return (a: GroupSummary, b: GroupSummary): number => {
    const x = value(a, key);
    const y = value(b, key);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (desc ? -order : order) || a.groupId.localeCompare(b.groupId);
  };
}

/** Rows keep their places this long while only their values tick, so they can be read. */
export const RESORT_MS = 10_000;

/**
 * The rows sorted, but steady: while values tick (lag every second) the order stays as it was;
 * it is sorted afresh when the sort changes, rows come or go, and every RESORT_MS.
 */
export function useSteadyOrder(
  rows: GroupSummary[],
  sort: { key: SortKey; desc: boolean },
): GroupSummary[] {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setEpoch((e) => e + 1), RESORT_MS);
    return () => clearInterval(timer);
  }, []);
  const last = useRef<{ ids: string[]; key: string } | null>(null);
  const signature = `${sort.key}:${sort.desc}:${epoch}`;
  const byId = new Map(rows.map((g) => [g.groupId, g]));
  const prev = last.current;
  const same =
    prev !== null &&
    prev.key === signature &&
    prev.ids.length === rows.length &&
    prev.ids.every((id) => byId.has(id));
  if (same) return prev.ids.map((id) => byId.get(id) as GroupSummary);
  const sorted = [...rows].sort(compareBy(sort.key, sort.desc));
  last.current = { ids: sorted.map((g) => g.groupId), key: signature };
  return sorted;
}
