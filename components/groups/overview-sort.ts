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
