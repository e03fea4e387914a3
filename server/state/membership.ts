import { say, type Text } from '../../protocol/texts';
/**
 * When a lab consumer's Kafka membership changes: joined, left, evicted. Each caller reports what
 * it saw; the events are told here, once per member id, whichever side noticed first.
 */
import { own } from './own';
import { keysOf, noteCause, runtimeOf, startRebalance } from './rebalance';
import { formatDuration, withEvents } from './timeline';
import type { ConsumerRecord, LabState } from './types';

/** One lab consumer's record changed, the rest of the state as it was. */
export function patchConsumer(
  state: LabState,
  id: string,
  changes: Partial<ConsumerRecord>,
): LabState {
  const current = own(state.consumers, id);
  return current
    ? { ...state, consumers: { ...state.consumers, [id]: { ...current, ...changes } } }
    : state;
}

/**
 * The coordinator dropped `memberId`. Seen by a poll (a crashed consumer's member is gone) or by
 * the consumer itself (it rejoined under a new id). Does nothing if that member was already handled.
 */
export function memberEvicted(
  state: LabState,
  consumerId: string,
  memberId: string,
  at: number,
  rejoinedAs: string | null,
): LabState {
  const consumer = own(state.consumers, consumerId);
  if (!consumer || consumer.memberId !== memberId) return state;
  const { groupId } = consumer;
  const afterCrash = consumer.crashedAt === null ? null : at - consumer.crashedAt;
  const next = patchConsumer(state, consumerId, {
    memberId: rejoinedAs,
    ...(rejoinedAs === null ? { assignment: [], assignmentAt: at } : {}),
  });
  const said =
    rejoinedAs !== null
      ? say('member-evicted-rejoined', { id: consumerId, memberId: rejoinedAs })
      : afterCrash === null
        ? say('member-evicted', { id: consumerId })
        : say('member-evicted-after-crash', { id: consumerId, after: formatDuration(afterCrash) });
  const cause = rejoinedAs === null ? 'cause-evicted' : 'cause-evicted-rejoined';
  // A poll sees a crashed member gone only after the coordinator acted: if a rebalance since the
  // crash already handed out every partition it held, that was this eviction's rebalance, and
  // a second, empty one must not replace it as the group's last.
  const runtime = runtimeOf(state, groupId);
  const handled =
    rejoinedAs === null &&
    consumer.crashedAt !== null &&
    runtime.rebalance === null &&
    runtime.rebalanceEndedAt > consumer.crashedAt &&
    keysOf(consumer.assignment).every((k) => !Object.hasOwn(runtime.inTransit, k));
  const started = handled
    ? next
    : startRebalance(
        noteCause(next, groupId, { key: cause, params: { id: consumerId } }, at),
        groupId,
        at,
      );
  return withEvents(started, [
    { kind: 'member-evicted', at, groupId, durationMs: afterCrash, ...said },
  ]);
}

/** The consumer's client reports a member id: a first join, or a rejoin after it left by itself. */
export function memberJoined(
  state: LabState,
  consumerId: string,
  memberId: string,
  isLeader: boolean,
  at: number,
  /** What the client said it joined with: a generation (classic) or a member epoch (KIP-848). */
  generation: { kind: 'generation' | 'member epoch'; value: number } | null = null,
): LabState {
  const consumer = own(state.consumers, consumerId);
  if (!consumer || consumer.memberId === memberId) return state;
  if (consumer.memberId !== null)
    return memberEvicted(state, consumerId, consumer.memberId, at, memberId);
  return withEvents(patchConsumer(state, consumerId, { memberId }), [
    {
      kind: 'member-joined',
      at,
      groupId: consumer.groupId,
      ...say(isLeader ? 'member-joined-leader' : 'member-joined', {
        id: consumerId,
        memberId,
        generation: generation ? ` (${generation.kind} ${generation.value})` : '',
      }),
    },
  ]);
}

/** The client left the group on its own (LeaveGroup), before exiting or because of max.poll.interval.ms. */
export function memberLeft(
  state: LabState,
  consumerId: string,
  at: number,
  why: { text: Text; message: string },
): LabState {
  const consumer = own(state.consumers, consumerId);
  if (!consumer || consumer.memberId === null) return state;
  const next = noteCause(
    patchConsumer(state, consumerId, { memberId: null }),
    consumer.groupId,
    { key: 'cause-left', params: { id: consumerId } },
    at,
  );
  return withEvents(next, [{ kind: 'member-left', at, groupId: consumer.groupId, ...why }]);
}
