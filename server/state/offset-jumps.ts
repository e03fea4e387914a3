import type { WorkerMessage } from '../../protocol/ipc';
import { partitionKey } from '../../protocol/keys';
import { say } from '../../protocol/texts';
import { own } from './own';
import { committedOffsets } from './selectors';
import { withEvents } from './timeline';
import type { ConsumerRecord, LabState } from './types';

type OffsetJump = Extract<WorkerMessage, { type: 'offset-jump' }>;
type Progress = Extract<WorkerMessage, { type: 'progress' }>;

/** Per group, offsets its members never read: deleted by retention first, or skipped by a reset. */
export interface UnreadCounts {
  deletedUnread: number;
  skippedUnread: number;
}

/**
 * A member's position jumped from `from` to `to`. A fetch below the log start gets
 * OFFSET_OUT_OF_RANGE and the client resets by auto.offset.reset: `earliest` lands on the log
 * start itself (so every offset passed over was deleted), `latest` on the log end (what lies
 * between the log start the lab last saw and there was skipped, not deleted).
 */
export function offsetJumped(
  state: LabState,
  consumer: ConsumerRecord,
  jump: OffsetJump,
): LabState {
  const { groupId, id } = consumer;
  const reset = own(state.labGroups, groupId)?.offsetReset ?? 'earliest';
  const observed = state.observation?.topics
    .find((t) => t.name === jump.topic)
    ?.partitions.find((p) => p.partition === jump.partition)?.logStartOffset;
  const logStart = reset === 'earliest' ? Math.max(jump.to, observed ?? 0) : (observed ?? 0);
  const deleted = Math.max(0, Math.min(jump.to, logStart) - jump.from);
  const skipped = jump.to - jump.from - deleted;
  const where = `${jump.topic}-${jump.partition}`;
  const said =
    deleted > 0
      ? say('offsets-deleted-unread', {
          id,
          from: jump.from,
          where,
          logStart,
          deleted,
          skipped: skipped > 0 ? { key: 'note-skipped-more', params: { count: skipped } } : '',
          reset,
          to: jump.to,
        })
      : say('offsets-jumped', { id, where, from: jump.from, last: jump.to - 1, to: jump.to });
  const before = own(state.unread, groupId) ?? { deletedUnread: 0, skippedUnread: 0 };
  const processed = { ...(own(state.processed, groupId) ?? {}) };
  // The group's processed position moves with the jump: nothing below `to` is left to read.
  processed[partitionKey(jump.topic, jump.partition)] = jump.to;
  return withEvents(
    {
      ...state,
      processed: { ...state.processed, [groupId]: processed },
      unread: {
        ...state.unread,
        [groupId]: {
          deletedUnread: before.deletedUnread + deleted,
          skippedUnread: before.skippedUnread + skipped,
        },
      },
    },
    [{ kind: 'offsets-skipped', at: jump.at, groupId, ...said, count: jump.to - jump.from }],
  );
}

/**
 * A member's first record on a partition it just got came after the group's committed offset:
 * its client could not fetch there (retention had deleted it: OFFSET_OUT_OF_RANGE) and reset by
 * auto.offset.reset. The member has no earlier position to compare with, the lab has the committed
 * offset, so the jump is told here, for every client alike. Topics the lab writes hold no gaps of
 * their own (no compaction, no transaction markers in the input), so a later first offset is a jump.
 */
export function jumpsAtAssignment(
  state: LabState,
  consumer: ConsumerRecord,
  progress: Progress,
): LabState {
  const starts = progress.processed.filter((p) => p.first !== undefined);
  if (starts.length === 0) return state;
  const committed = committedOffsets(state, consumer.groupId);
  const earliest = own(state.labGroups, consumer.groupId)?.offsetReset !== 'latest';
  let next = state;
  for (const p of starts) {
    // With no committed offset an `earliest` group starts at the log start: whatever this run's
    // producer wrote before it had been deleted before the group could read it.
    const from =
      committed.get(partitionKey(p.topic, p.partition)) ??
      (earliest ? own(state.producedFrom, p.topic)?.[p.partition] : undefined);
    if (from === undefined || from === null || p.first === undefined || p.first <= from) continue;
    next = offsetJumped(next, consumer, {
      type: 'offset-jump',
      topic: p.topic,
      partition: p.partition,
      from,
      to: p.first,
      at: progress.at,
    });
  }
  return next;
}
