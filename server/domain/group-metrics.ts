import type { Drain, LagMethod } from '../../protocol/group';
import { partitionKey } from '../../protocol/keys';
import type { GroupInfo } from '../../protocol/snapshot';
import { addDrainSample, type DrainSample, drainOf } from './drain';
import {
  addSample,
  type HealthSample,
  type PartitionHealth,
  partitionHealth,
  type Rewind,
} from './health';
import {
  type LogEndPoint,
  lagFromHistory,
  partitionLagSeconds,
  type RecordTime,
  recordLogEnd,
} from './lag-time';

interface PartitionTrack {
  samples: HealthSample[];
  lastCommitAt: number | null;
  lastCommitted: number | null;
  /** The last offset __consumer_offsets holds for it, as the commit stream read it. */
  streamOffset: number | null;
  /** The last time that offset went backwards. */
  rewind: Rewind | null;
}

export interface PartitionMetrics {
  lagSeconds: number;
  lagMethod: LagMethod;
  health: PartitionHealth;
  drain: Drain;
}

const CAUGHT_UP: Drain = {
  state: 'caught-up',
  seconds: 0,
  consumePerSec: null,
  producePerSec: null,
};

/** The record a group reads next, when known (server/lab/record-times.ts); undefined: not yet. */
export type RecordTimeLookup = (
  topic: string,
  partition: number,
  offset: number,
) => RecordTime | undefined;

/** The overview's sparkline: one point every TREND_STEP_MS over the last minute. */
export const TREND_STEP_MS = 5000;
export const TREND_POINTS = 12;

export interface GroupMetricsView {
  partition: (
    topic: string,
    partition: number,
    committed: number | null,
    logEnd: number,
    logStart?: number,
  ) => PartitionMetrics;
  lastCommitAt: number | null;
  /** Total lag, one point per TREND_STEP_MS, oldest first. */
  trend: number[];
  /** Will the group's lag drain, and when. */
  drain: Drain;
}

/**
 * What needs history, kept outside the state because it is sampled, not reduced: each partition's
 * log-end growth (for lag in seconds), each group-partition's window of committed offsets and lag
 * (for health), commit times, and each group's lag trend. Sampled once a second from the snapshot;
 * commits are noted as they are reported.
 */
export class GroupMetrics {
  private readonly logEnds = new Map<string, LogEndPoint[]>();
  private readonly tracks = new Map<string, Map<string, PartitionTrack>>();
  private readonly sampled = new Set<string>();
  private readonly trends = new Map<string, number[]>();
  /** Each group's position and log end summed over its partitions, once a second. */
  private readonly drains = new Map<string, { shape: string; samples: DrainSample[] }>();
  private lastTrendAt = 0;

  constructor(private readonly recordTime: RecordTimeLookup = () => undefined) {}

  /** The log of a partition reached `offset` at `at` (a poll, or an acknowledged send). */
  logEnd(topic: string, partition: number, offset: number, at: number): void {
    const k = partitionKey(topic, partition);
    this.logEnds.set(k, recordLogEnd(this.logEnds.get(k) ?? [], at, offset));
  }

  /**
   * A commit was seen (from a lab consumer or the __consumer_offsets stream), even of the same
   * offset. The stream gives `offset`, in the log's order: a lower one than the last is a rewind,
   * however soon it follows (a reset right after a stop falls between two samples).
   */
  commit(groupId: string, topic: string, partition: number, at: number, offset?: number): void {
    const track = this.track(groupId, partitionKey(topic, partition));
    track.lastCommitAt = Math.max(track.lastCommitAt ?? 0, at);
    if (offset === undefined) return;
    if (track.streamOffset !== null && offset < track.streamOffset)
      track.rewind = { at, from: track.streamOffset, to: offset };
    track.streamOffset = offset;
  }

  /** The offset was deleted: a group that commits there again starts afresh, no rewind. */
  offsetDeleted(groupId: string, topic: string, partition: number): void {
    const track = this.tracks.get(groupId)?.get(partitionKey(topic, partition));
    if (!track) return;
    track.streamOffset = null;
    track.rewind = null;
  }

  /** One sample per second of every group's offsets, as the snapshot shows them. */
  sample(groups: GroupInfo[], at: number): void {
    const seen = new Set<string>();
    // Coarse on purpose: thousands of sparklines that change only every few seconds stay cheap.
    const trendDue = at - this.lastTrendAt >= TREND_STEP_MS;
    if (trendDue) this.lastTrendAt = at;
    for (const g of groups) {
      seen.add(g.groupId);
      for (const o of g.offsets) {
        this.logEnd(o.topic, o.partition, o.logEndOffset, at);
        const track = this.track(g.groupId, partitionKey(o.topic, o.partition));
        // Polling alone shows a commit only when the offset moves; the commit stream sees them all.
        if (
          o.committedOffset !== null &&
          o.committedOffset !== track.lastCommitted &&
          track.lastCommitted !== null
        )
          track.lastCommitAt = Math.max(track.lastCommitAt ?? 0, at);
        track.lastCommitted = o.committedOffset;
        track.samples = addSample(track.samples, {
          at,
          committed: o.committedOffset,
          lag: o.lag,
          logEnd: o.logEndOffset,
        });
      }
      let position = 0;
      let logEnd = 0;
      for (const o of g.offsets) {
        position += o.logEndOffset - o.lag;
        logEnd += o.logEndOffset;
      }
      // Sums over a different set of partitions (one added, a topic subscribed) are not
      // comparable: the rates start over rather than jump.
      const shape = g.offsets.map((o) => partitionKey(o.topic, o.partition)).join(',');
      const series = this.drains.get(g.groupId);
      this.drains.set(g.groupId, {
        shape,
        samples: addDrainSample(series?.shape === shape ? series.samples : [], {
          at,
          position,
          logEnd,
        }),
      });
      if (trendDue) {
        const trend = [...(this.trends.get(g.groupId) ?? []), g.totalLag];
        this.trends.set(g.groupId, trend.slice(-TREND_POINTS));
      }
    }
    for (const id of this.sampled) if (!seen.has(id)) this.forget(id);
    this.sampled.clear();
    for (const id of seen) this.sampled.add(id);
  }

  view(groupId: string, now: number): GroupMetricsView {
    const tracks = this.tracks.get(groupId);
    let lastCommitAt: number | null = null;
    for (const t of tracks?.values() ?? [])
      if (t.lastCommitAt !== null) lastCommitAt = Math.max(lastCommitAt ?? 0, t.lastCommitAt);
    return {
      lastCommitAt,
      trend: this.trends.get(groupId) ?? [],
      drain: drainOf(this.drains.get(groupId)?.samples ?? [], now),
      partition: (topic, partition, committed, logEnd, logStart = 0) => {
        const k = partitionKey(topic, partition);
        const track = tracks?.get(k);
        const history = lagFromHistory(this.logEnds.get(k) ?? [], committed, logEnd, now);
        // Fallen off the log: the next message is the first one retention left, whatever the
        // history says about the deleted ones.
        const fellOff = committed !== null && committed < logStart && committed < logEnd;
        const lag = partitionLagSeconds(
          fellOff ? { ...history, precise: false } : history,
          (history.precise && !fellOff) || committed === null
            ? undefined
            : // Below the log start, the record read is the first one retention left: keyed by
              // it, so an answer read before the deletion is not taken for it.
              this.recordTime(topic, partition, Math.max(committed, logStart)),
          now,
        );
        return {
          lagSeconds: Math.round(lag.seconds * 10) / 10,
          lagMethod: lag.method,
          health: partitionHealth(
            track?.samples ?? [],
            track?.lastCommitAt ?? null,
            now,
            track?.rewind ?? null,
          ),
          // Only where something waits: thousands of caught-up partitions cost nothing.
          drain: logEnd > (committed ?? logStart) ? partitionDrain(track, now) : CAUGHT_UP,
        };
      },
    };
  }

  forget(groupId: string): void {
    this.tracks.delete(groupId);
    this.trends.delete(groupId);
    this.drains.delete(groupId);
  }

  private track(groupId: string, k: string): PartitionTrack {
    let byPartition = this.tracks.get(groupId);
    if (!byPartition) {
      byPartition = new Map();
      this.tracks.set(groupId, byPartition);
    }
    let track = byPartition.get(k);
    if (!track) {
      track = {
        samples: [],
        lastCommitAt: null,
        lastCommitted: null,
        streamOffset: null,
        rewind: null,
      };
      byPartition.set(k, track);
    }
    return track;
  }
}

function partitionDrain(track: PartitionTrack | undefined, now: number): Drain {
  const samples: DrainSample[] = [];
  for (const s of track?.samples ?? [])
    if (s.logEnd !== undefined)
      samples.push({ at: s.at, position: s.logEnd - s.lag, logEnd: s.logEnd });
  return drainOf(samples, now);
}
