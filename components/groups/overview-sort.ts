import type { HistoryPoint } from '@/protocol/history';
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

/** Points of a group's lag over the last minute, from the chart history the page already has. */
export function lagTrend(history: HistoryPoint[], groupId: string, points = 60): number[] {
  return history.slice(-points).map((p) => p.groupLag[groupId] ?? 0);
}

/** How much lag changed over the last minute: the trend column sorts by it. */
function trendDelta(history: HistoryPoint[], groupId: string): number {
  const trend = lagTrend(history, groupId);
  return (trend[trend.length - 1] ?? 0) - (trend[0] ?? 0);
}

function value(g: GroupSummary, key: SortKey, history: HistoryPoint[]): number | string {
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
      return trendDelta(history, g.groupId);
    case 'health':
      return VERDICTS.indexOf(g.health.verdict);
    case 'lastCommitAt':
      return g.lastCommitAt ?? 0;
  }
}

/** A comparator for one column; ties fall back to the group id, so the order is stable. */
export function compareBy(key: SortKey, desc: boolean, history: HistoryPoint[]) {
  // Each row's value once per sort, not once per comparison (the trend reads a minute of history).
  const cache = new Map<string, number | string>();
  const of = (g: GroupSummary) => {
    let v = cache.get(g.groupId);
    if (v === undefined) {
      v = value(g, key, history);
      cache.set(g.groupId, v);
    }
    return v;
  };
  return (a: GroupSummary, b: GroupSummary): number => {
    const x = of(a);
    const y = of(b);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (desc ? -order : order) || a.groupId.localeCompare(b.groupId);
  };
}
