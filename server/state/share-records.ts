/**
 * A lab share group's record window (KIP-932), from its members' own reports: no Admin call lists
 * records by state, so what the members acquired and acknowledged is the ground truth. Each
 * partition keeps its latest SHARE_WINDOW_SIZE records; a record's last report wins.
 */
import type { WorkerMessage } from '../../protocol/ipc';
import { partitionKey } from '../../protocol/keys';
import {
  SHARE_WINDOW_SIZE,
  type ShareCounts,
  type ShareRecord,
  type ShareRecordState,
} from '../../protocol/share';
import { own } from './own';
import type { ConsumerRecord, LabState, PartitionKey } from './types';

type ShareReport = Extract<WorkerMessage, { type: 'share-records' }>;

const NO_COUNTS: ShareCounts = {
  acquired: 0,
  accepted: 0,
  released: 0,
  rejected: 0,
  redelivered: 0,
};

/** Folds one member's report into its group's window and its own counts. */
export function shareRecordsReported(
  state: LabState,
  consumer: ConsumerRecord,
  report: ShareReport,
): LabState {
  const config = own(state.labGroups, consumer.groupId);
  const lockMs = report.lockMs ?? config?.share?.lockMs ?? 0;
  const limit = config?.share?.deliveryLimit ?? Number.POSITIVE_INFINITY;
  const partitions = { ...(own(state.shareRecords, consumer.groupId) ?? {}) };
  const counts = { ...(own(state.shareCounts, consumer.id) ?? NO_COUNTS) };
  const put = (key: PartitionKey, record: ShareRecord) => {
    const rest = (partitions[key] ?? []).filter((r) => r.offset !== record.offset);
    partitions[key] = trimmed([...rest, record]);
  };
  for (const a of report.acquired) {
    counts.acquired++;
    if (a.deliveryCount > 1) counts.redelivered++;
    put(partitionKey(a.topic, a.partition), {
      offset: a.offset,
      state: 'acquired',
      consumerId: consumer.id,
      deliveryCount: a.deliveryCount,
      lockUntil: a.at + lockMs,
      acquiredAt: a.at,
      at: a.at,
    });
  }
  for (const k of report.acknowledged) {
    const key = partitionKey(k.topic, k.partition);
    const known = (partitions[key] ?? []).find((r) => r.offset === k.offset);
    const deliveryCount = known?.deliveryCount ?? 1;
    let next: ShareRecordState = 'accepted';
    if (k.outcome === 'accept') counts.accepted++;
    else if (k.outcome === 'reject') {
      counts.rejected++;
      next = 'rejected';
    } else {
      counts.released++;
      // Kafka archives a released record that has had its last try.
      next = deliveryCount >= limit ? 'archived' : 'released';
    }
    put(key, {
      offset: k.offset,
      state: next,
      consumerId: consumer.id,
      deliveryCount,
      lockUntil: null,
      acquiredAt: known?.acquiredAt ?? null,
      at: k.at,
    });
  }
  return {
    ...state,
    shareRecords: { ...state.shareRecords, [consumer.groupId]: partitions },
    shareCounts: { ...state.shareCounts, [consumer.id]: counts },
  };
}

const DONE: ReadonlySet<ShareRecordState> = new Set(['accepted', 'rejected', 'archived']);
/** Records not done are kept however old (a stuck record is what a learner must see), up to this. */
const MAX_OPEN = 500;
/** Done records that needed more than one delivery, kept beside the window: the story of a retry. */
const MAX_REDELIVERED = 20;

/**
 * The latest SHARE_WINDOW_SIZE records, plus every record not done yet and the last records that
 * took more than one delivery: a record a crashed member held can come back, and be done, long
 * after newer ones were accepted.
 */
function trimmed(records: ShareRecord[]): ShareRecord[] {
  const sorted = records.sort((a, b) => a.offset - b.offset);
  const open = sorted.filter((r) => !DONE.has(r.state)).slice(-MAX_OPEN);
  const done = sorted.filter((r) => DONE.has(r.state));
  const latest = done.slice(-Math.max(0, SHARE_WINDOW_SIZE - open.length));
  const shown = new Set(latest);
  const retried = done
    .filter((r) => r.deliveryCount > 1 && !shown.has(r))
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_REDELIVERED);
  return [...open, ...retried, ...latest].sort((a, b) => a.offset - b.offset);
}

/** A record still shown as acquired after its lock ran out is free for another member again. */
export function windowAt(records: ShareRecord[], now: number): ShareRecord[] {
  return records.map((r) =>
    r.state === 'acquired' && r.lockUntil !== null && r.lockUntil <= now
      ? { ...r, state: 'available', lockUntil: null }
      : r,
  );
}
