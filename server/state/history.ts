import type { HistoryPoint } from '../../protocol/history';
import { partitionSeriesKey } from '../../protocol/history';
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

export function historyPoint(snapshot: Snapshot, consumedPerSec: number, at: number): HistoryPoint {
  const producedPerSec = snapshot.topics
    .filter((t) => !t.internal)
    .reduce((sum, t) => sum + t.partitions.reduce((s, p) => s + p.messagesPerSec, 0), 0);
  const groupLag: Record<string, number> = {};
  const partitions: HistoryPoint['partitions'] = {};
  for (const group of snapshot.groups) {
    groupLag[group.groupId] = group.totalLag;
    for (const o of group.offsets) {
      partitions[partitionSeriesKey(group.groupId, o.topic, o.partition)] = [
        o.lag,
        o.committedOffset,
        o.logEndOffset,
      ];
    }
  }
  return { at, producedPerSec: Math.round(producedPerSec), consumedPerSec, groupLag, partitions };
}
