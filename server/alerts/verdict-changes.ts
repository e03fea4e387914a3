import type { AlertMessage, AlertRetention } from '../../protocol/alerts';
import type { GroupSummary, Verdict } from '../../protocol/group';
import { english } from '../../protocol/texts';

interface Seen {
  verdict: Verdict;
  storm: boolean;
  retention: AlertRetention;
}

function retentionOf(g: GroupSummary): AlertRetention {
  const state = g.retention?.state;
  return state === 'at-risk' || state === 'lost' ? state : 'ok';
}

/**
 * Turns each second's overview into the changes an operator is told about: a group whose health
 * verdict or storm flag differs from the last one seen. A group seen for the first time is taken
 * to have been OK and calm before, so a dashboard that starts says nothing about healthy groups
 * and tells at once about a group already in trouble. A group that disappears is forgotten.
 */
export class VerdictChanges {
  private readonly seen = new Map<string, Seen>();
  private sequence = 0;

  constructor(private readonly runId: string) {}

  observe(overview: readonly GroupSummary[], at: number): AlertMessage[] {
    const changes: AlertMessage[] = [];
    const present = new Set<string>();
    for (const g of overview) {
      present.add(g.groupId);
      const now: Seen = {
        verdict: g.health.verdict,
        storm: Boolean(g.storm),
        retention: retentionOf(g),
      };
      const before = this.seen.get(g.groupId);
      this.seen.set(g.groupId, now);
      const baseline: Seen = before ?? { verdict: 'OK', storm: false, retention: 'ok' };
      if (
        baseline.verdict === now.verdict &&
        baseline.storm === now.storm &&
        baseline.retention === now.retention
      )
        continue;
      this.sequence++;
      changes.push({
        id: `${this.runId}-${this.sequence}`,
        source: 'offset-lab',
        groupId: g.groupId,
        verdict: now.verdict,
        previous: before?.verdict ?? null,
        storm: now.storm,
        previousStorm: before?.storm ?? null,
        retention: now.retention,
        previousRetention: before?.retention ?? null,
        reason: reasonOf(g),
        figures: {
          totalLag: g.totalLag,
          lagSeconds: g.lagSeconds,
          members: g.members,
          partitions: g.partitions,
          rebalances: g.storm?.count ?? null,
          lost: g.retention?.lost ?? 0,
          retentionSecondsLeft: g.retention?.secondsLeft ?? null,
        },
        at,
      });
    }
    for (const id of [...this.seen.keys()]) if (!present.has(id)) this.seen.delete(id);
    return changes;
  }
}

function reasonOf(g: GroupSummary): string {
  return [g.health.reason, stormReason(g), retentionReason(g)].filter(Boolean).join(' ');
}

function retentionReason(g: GroupSummary): string {
  const r = g.retention;
  if (r?.state === 'lost')
    return `Retention deleted ${r.lost} messages before the group read them.`;
  if (r?.state === 'at-risk')
    return `Retention may delete the next message to read in ${r.secondsLeft ?? 0} s.`;
  return '';
}

function stormReason(g: GroupSummary): string {
  if (!g.storm) return '';
  const causes = g.storm.reasons.map((r) => `${english(r.text)} ×${r.count}`).join('; ');
  const who = g.storm.members.length > 0 ? ` (${g.storm.members.join(', ')})` : '';
  const minutes = Math.round(g.storm.windowMs / 60_000);
  return `Rebalance storm: ${g.storm.count} rebalances in ${minutes} min${who}: ${causes}.`;
}
