/**
 * Retention at risk: will the record a group reads next be deleted before it is read? Time-based
 * retention deletes a segment once its newest record is older than retention.ms, so the next
 * record survives at least retention.ms minus its age (the lag in seconds): a lower bound, the
 * honest one to warn on. Offsets below the log start are gone: lost. The offset figures are
 * klag-exporter's (messages lost, retention margin, lag/retention ratio).
 */

import type { Retention } from '../../protocol/group';

/** At risk once less than this share of retention.ms is left for the next record. */
export const AT_RISK_SHARE = 0.25;

export interface RetentionInput {
  committed: number | null;
  logStart: number;
  logEnd: number;
  lag: number;
  lagSeconds: number;
  /** A lower bound (its record still being read) would make the time left look longer. */
  lagSecondsKnown: boolean;
  /** The topic's retention.* and cleanup.policy; null when not (yet) read. */
  configs: Record<string, string | null> | null;
}

/** retention.ms when time retention applies: null unknown, Infinity never (-1, or compact only). */
export function retentionMsOf(configs: Record<string, string | null> | null): number | null {
  if (!configs) return null;
  const policy = configs['cleanup.policy'] ?? 'delete';
  if (!policy.split(',').includes('delete')) return Number.POSITIVE_INFINITY;
  const ms = Number(configs['retention.ms'] ?? Number.NaN);
  if (!Number.isFinite(ms)) return null;
  return ms < 0 ? Number.POSITIVE_INFINITY : ms;
}

export function retentionRisk(input: RetentionInput): Retention {
  const { committed, logStart, logEnd, lag } = input;
  const lost = committed === null ? 0 : Math.max(0, logStart - committed);
  const window = logEnd - logStart;
  const figures = {
    lost,
    marginOffsets: committed === null ? null : committed - logStart,
    lagRetentionRatio: window > 0 ? Math.round((lag / window) * 1000) / 10 : 0,
  };
  if (lost > 0) return { state: 'lost', secondsLeft: 0, ...figures };
  if (lag === 0) return { state: 'safe', secondsLeft: null, ...figures };
  const retentionMs = retentionMsOf(input.configs);
  if (retentionMs === Number.POSITIVE_INFINITY)
    return { state: 'safe', secondsLeft: null, ...figures };
  if (retentionMs === null || !input.lagSecondsKnown)
    return { state: 'unknown', secondsLeft: null, ...figures };
  const secondsLeft = Math.max(0, Math.round(retentionMs / 1000 - input.lagSeconds));
  const atRisk = secondsLeft < (retentionMs / 1000) * AT_RISK_SHARE;
  return { state: atRisk ? 'at-risk' : 'safe', secondsLeft, ...figures };
}

/** A partition not known to be safe makes its group not known to be safe. */
const RANK = { safe: 0, unknown: 1, 'at-risk': 2, lost: 3 } as const;

/** The group's: messages lost summed, the least time left, the worst state. */
export function groupRetention(partitions: readonly Retention[]): Retention {
  let worst: Retention | null = null;
  let lost = 0;
  for (const p of partitions) {
    lost += p.lost;
    const sooner =
      p.secondsLeft !== null && (worst?.secondsLeft == null || p.secondsLeft < worst.secondsLeft);
    if (!worst || RANK[p.state] > RANK[worst.state] || (p.state === worst.state && sooner))
      worst = p;
  }
  return worst
    ? { ...worst, lost }
    : { state: 'safe', secondsLeft: null, lost: 0, marginOffsets: null, lagRetentionRatio: 0 };
}
