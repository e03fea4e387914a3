/**
 * Share groups (KIP-932) read partitions together: several members fetch from the same partition,
 * each record locked for one of them at a time. Progress is not one committed offset but the
 * share-partition start offset (SPSO: everything below it is done), and Kafka computes the lag
 * itself, because records beyond the SPSO may already be done (acknowledged out of order).
 */
import { partitionKey } from '../../protocol/keys';
import type { GroupOffset, MemberInfo } from '../../protocol/snapshot';
import type { ObservedGroup } from './observation';
import { own } from './own';
import { keysOf } from './rebalance';
import { windowAt } from './share-records';
import type { LabState } from './types';

export interface ShareFacts {
  /** partitionKey → Kafka's share lag; absent or null while the broker does not know it yet. */
  lag: Map<string, number | null>;
  /** partitionKey → the member ids that may read it, in member order. */
  readers: Map<string, string[]>;
}

/**
 * Kafka's own figure (records beyond the start offset may be done already); while Kafka does not
 * know it, log end − start offset, an upper bound. A partition with no share state yet has not
 * been started: it will begin at share.auto.offset.reset (the log end by default), so 0.
 */
export function shareLag(
  facts: ShareFacts,
  key: string,
  logEnd: number,
  startOffset: number | null,
): number {
  const kafka = facts.lag.get(key);
  if (kafka !== undefined && kafka !== null) return kafka;
  return startOffset === null ? 0 : Math.max(0, logEnd - startOffset);
}

/** Null for every group that is not a share group. */
export function shareFacts(
  observed: ObservedGroup | undefined,
  members: MemberInfo[],
): ShareFacts | null {
  if (observed?.type !== 'share') return null;
  const lag = new Map(
    observed.offsets.map((o) => [partitionKey(o.topic, o.partition), o.lag ?? null]),
  );
  const readers = new Map<string, string[]>();
  for (const m of members)
    for (const key of keysOf(m.assignments))
      readers.set(key, [...(readers.get(key) ?? []), m.memberId]);
  return { lag, readers };
}

/** A lab share group's window: per partition of its offsets, the latest records the members reported. */
export function shareWindowView(
  state: LabState,
  groupId: string,
  offsets: GroupOffset[],
  now: number,
): { topic: string; partition: number; records: ReturnType<typeof windowAt> }[] {
  const byPartition = own(state.shareRecords, groupId) ?? {};
  return offsets.map((o) => ({
    topic: o.topic,
    partition: o.partition,
    records: windowAt(byPartition[partitionKey(o.topic, o.partition)] ?? [], now),
  }));
}
