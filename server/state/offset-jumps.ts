import type { WorkerMessage } from '../../protocol/ipc';
import { own } from './own';
import { partitionKey } from './rebalance';
import { withEvents } from './timeline';
import type { ConsumerRecord, LabState } from './types';

type OffsetJump = Extract<WorkerMessage, { type: 'offset-jump' }>;

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
  const message =
    deleted > 0
      ? `${id} fetched offset ${jump.from} of ${where} < log start ${logStart}: ${deleted} messages deleted by retention${skipped > 0 ? ` and ${skipped} more skipped` : ''} were never read (auto.offset.reset=${reset} jumped to ${jump.to})`
      : `${id} on ${where}: offsets ${jump.from} to ${jump.to - 1} were never read, its position jumped to ${jump.to}`;
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
    [{ kind: 'offsets-skipped', at: jump.at, groupId, message, count: jump.to - jump.from }],
  );
}
