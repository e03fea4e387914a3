/**
 * Rebalance storms: a group that rebalances again and again (a crash loop, a member that keeps
 * exceeding max.poll.interval.ms or its session timeout, a flapping static member). One
 * rebalance is normal; STORM_COUNT within STORM_WINDOW_MS is an incident, and the verdict names
 * the members the causes name, most often first.
 */
import type { FlatText } from '../../protocol/texts';

export const STORM_WINDOW_MS = 120_000;
export const STORM_COUNT = 5;
/** Kept per group: enough to count a window of a fast crash loop. */
const MAX_RECENT = 50;
const REASONS_SHOWN = 3;

export interface RecentRebalance {
  at: number;
  reason: FlatText;
}

export interface Storm {
  /** Rebalances that started within the window. */
  count: number;
  windowMs: number;
  /** Members named by the causes (the lab's own consumers; outside groups name none), most often first. */
  members: string[];
  /** The causes, most often first (REASONS_SHOWN at most), each with how often it came. */
  reasons: { text: FlatText; count: number }[];
}

export function rememberRebalance(
  recent: readonly RecentRebalance[] | undefined,
  rebalance: RecentRebalance,
): RecentRebalance[] {
  const kept = (recent ?? []).filter((r) => r.at > rebalance.at - STORM_WINDOW_MS);
  return [...kept, rebalance].slice(-MAX_RECENT);
}

export function stormOf(recent: readonly RecentRebalance[] | undefined, now: number): Storm | null {
  const within = (recent ?? []).filter((r) => r.at > now - STORM_WINDOW_MS && r.at <= now);
  if (within.length < STORM_COUNT) return null;
  const members = new Map<string, number>();
  const reasons = new Map<string, { text: FlatText; count: number }>();
  for (const r of within) {
    const key = JSON.stringify(r.reason);
    reasons.set(key, { text: r.reason, count: (reasons.get(key)?.count ?? 0) + 1 });
    const id = r.reason.params.id;
    if (typeof id === 'string') members.set(id, (members.get(id) ?? 0) + 1);
  }
  return {
    count: within.length,
    windowMs: STORM_WINDOW_MS,
    members: [...members].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id),
    reasons: [...reasons.values()]
      .sort((a, b) => b.count - a.count || a.text.key.localeCompare(b.text.key))
      .slice(0, REASONS_SHOWN),
  };
}
