import type { HistoryPoint } from '../../protocol/history';
import { partitionSeriesKey } from '../../protocol/keys';
import type { Snapshot } from '../../protocol/snapshot';

export class RingBuffer<T> {
  private items: T[] = [];
  constructor(readonly capacity: number) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  toArray(): T[] {
    return [...this.items];
  }

  get length(): number {
    return this.items.length;
  }
}

export function historyPoint(
  snapshot: Snapshot,
  consumedPerSec: number,
  at: number,
  withPartitions: (groupId: string) => boolean = () => true,
): HistoryPoint {
  const producedPerSec = snapshot.topics
    .filter((t) => !t.internal)
    .reduce((sum, t) => sum + t.partitions.reduce((s, p) => s + p.messagesPerSec, 0), 0);
  // Series only for the groups shown in full: the overview's sparklines come with its rows.
  const groupLag: Record<string, number> = {};
  const partitions: HistoryPoint['partitions'] = {};
  const groupLagSeconds: Record<string, number> = {};
  const logStart: Record<string, number> = {};
  for (const group of snapshot.groups) {
    if (!withPartitions(group.groupId)) continue;
    groupLag[group.groupId] = group.totalLag;
    groupLagSeconds[group.groupId] = group.lagSeconds;
    for (const o of group.offsets) {
      const key = partitionSeriesKey(group.groupId, o.topic, o.partition);
      partitions[key] = [o.lag, o.committedOffset, o.logEndOffset];
      logStart[key] = o.logStartOffset;
    }
  }
  return {
    at,
    producedPerSec: Math.round(producedPerSec),
    consumedPerSec,
    groupLag,
    groupLagSeconds,
    partitions,
    logStart,
  };
}
