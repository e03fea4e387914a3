import type { ResetTarget } from '../../protocol/commands';

export interface PartitionPosition {
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  committedOffset: number | null;
}

export interface ResetPlanRow {
  partition: number;
  from: number | null;
  to: number;
}

/**
 * Where each partition's committed offset goes, as kafka-consumer-groups --reset-offsets computes
 * it: always clamped into [log start, log end], since Kafka cannot point a group outside the log.
 * `byTimestamp` holds, for "timestamp", the first offset at or after the time (null: none yet).
 */
export function planReset(
  target: ResetTarget,
  value: number,
  partitions: PartitionPosition[],
  byTimestamp: Map<number, number | null> = new Map(),
): ResetPlanRow[] {
  return partitions.map((p) => {
    const clamp = (offset: number) => Math.min(p.logEndOffset, Math.max(p.logStartOffset, offset));
    // Callers refuse a shift without a committed offset, as Kafka's tool does.
    const current = p.committedOffset ?? p.logStartOffset;
    let to: number;
    switch (target) {
      case 'earliest':
        to = p.logStartOffset;
        break;
      case 'latest':
        to = p.logEndOffset;
        break;
      case 'offset':
        to = clamp(value);
        break;
      case 'shift':
        to = clamp(current + value);
        break;
      case 'timestamp':
        to = clamp(byTimestamp.get(p.partition) ?? p.logEndOffset);
        break;
      case 'last':
        // The last N this group processed: before its committed offset, not the log end.
        to = clamp(current - value);
        break;
    }
    return { partition: p.partition, from: p.committedOffset, to };
  });
}
