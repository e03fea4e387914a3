/**
 * Rebalances, in one place. A rebalance starts at the first sign of one: a lab member saying its
 * group is rebalancing or taking partitions away, or Kafka reporting a rebalancing state in a poll
 * made after the previous rebalance ended. It ends, for a lab group, once no partition is left
 * without an owner and no live lab member is still joining; for other groups, when a poll shows
 * Kafka settled. Meanwhile it records, per partition, how long nobody processed it.
 */
import { PROTOCOL_NAMES, rebalanceStyle } from '../../protocol/consumer-kinds';
import { partitionKey, refOfKey } from '../../protocol/keys';
import { isLivePhase, type RebalanceSummary } from '../../protocol/snapshot';
import { english, type FlatText, say } from '../../protocol/texts';
import { rememberRebalance } from '../domain/storm';
import type { ObservedGroup } from './observation';
import { own } from './own';
import { formatDuration, withEvents } from './timeline';
import type { GroupRuntime, LabState, PartitionKey, RebalanceRecord, RebalanceStep } from './types';

const TRANSITIONAL = new Set([
  'PreparingRebalance',
  'CompletingRebalance',
  'Assigning',
  'Reconciling',
]);
const CAUSE_TTL_MS = 60_000;
/** How many rebalances before the last one a group keeps for the page. */
export const EARLIER_REBALANCES = 4;
/** Enough for a replay of any lab group (64 consumers at most); a longer story is cut, not grown. */
const MAX_STEPS = 200;

export function keysOf(assignment: { topic: string; partitions: number[] }[]): PartitionKey[] {
  return assignment.flatMap((a) => a.partitions.map((p) => partitionKey(a.topic, p)));
}

export function runtimeOf(state: LabState, groupId: string): GroupRuntime {
  return (
    own(state.groups, groupId) ?? {
      rebalance: null,
      lastRebalance: null,
      rebalanceEndedAt: 0,
      cause: null,
      inTransit: {},
    }
  );
}

function withRuntime(state: LabState, groupId: string, runtime: GroupRuntime): LabState {
  return { ...state, groups: { ...state.groups, [groupId]: runtime } };
}

export function noteCause(
  state: LabState,
  groupId: string,
  reason: FlatText,
  at: number,
): LabState {
  return withRuntime(state, groupId, { ...runtimeOf(state, groupId), cause: { reason, at } });
}

/** Opens a rebalance at `at`, or moves an open one's start back to `at`: the earliest sign counts. */
export function startRebalance(state: LabState, groupId: string, at: number): LabState {
  const runtime = runtimeOf(state, groupId);
  if (runtime.rebalance) {
    return at < runtime.rebalance.startedAt && at > runtime.rebalanceEndedAt
      ? withRuntime(state, groupId, {
          ...runtime,
          rebalance: { ...runtime.rebalance, startedAt: at },
        })
      : state;
  }
  if (at <= runtime.rebalanceEndedAt) return state;
  const reason =
    runtime.cause && at - runtime.cause.at < CAUSE_TTL_MS
      ? runtime.cause.reason
      : inferredReason(state, groupId);
  const rebalance: RebalanceRecord = {
    startedAt: at,
    reason,
    lastEventAt: null,
    pausedMs: {},
    moves: {},
  };
  return withEvents(withRuntime(state, groupId, { ...runtime, cause: null, rebalance }), [
    { kind: 'rebalance-started', at, groupId, ...say('rebalance-started', { reason }) },
  ]);
}

/**
 * Partitions nobody processes from `at` on: revoked, lost, or owned by a process that died.
 * Each member's reports come down its own pipe, so a revoke can be read after another member's
 * report that it took the partition: that partition is not waiting for anyone, and its pause
 * ended when the other member took it. `consumerId` gave them up (null: nobody did, its process
 * died); `ownerId` held them.
 */
export function partitionsStopped(
  state: LabState,
  groupId: string,
  consumerId: string | null,
  keys: PartitionKey[],
  at: number,
  ownerId: string | null = consumerId,
): LabState {
  if (keys.length === 0) return state;
  const runtime = runtimeOf(state, groupId);
  const inTransit = { ...runtime.inTransit };
  let rebalance =
    runtime.rebalance && consumerId
      ? addMoves(runtime.rebalance, consumerId, keys, 'revoked', at)
      : runtime.rebalance;
  const owner = ownerId === null ? undefined : own(state.consumers, ownerId);
  const takenAt = takenByOthers(state, groupId, ownerId, owner?.assignmentAt ?? 0);
  for (const key of keys) {
    const taken = takenAt.get(key);
    if (taken === undefined) {
      if (!Object.hasOwn(inTransit, key)) inTransit[key] = at;
    } else if (rebalance && taken >= at) {
      rebalance = {
        ...rebalance,
        lastEventAt: Math.max(rebalance.lastEventAt ?? taken, taken),
        pausedMs: { ...rebalance.pausedMs, [key]: taken - at },
      };
    }
  }
  return withRuntime(state, groupId, { ...runtime, inTransit, rebalance });
}

/**
 * Partitions live members of the group other than `ownerId` hold, with when they took them: only
 * from reports newer than the owner's own (`since`), since an older one may be what is stale.
 */
function takenByOthers(
  state: LabState,
  groupId: string,
  ownerId: string | null,
  since: number,
): Map<PartitionKey, number> {
  const taken = new Map<PartitionKey, number>();
  for (const c of Object.values(state.consumers)) {
    if (c.groupId !== groupId || c.id === ownerId || !isLivePhase(c.phase)) continue;
    if (c.assignmentAt === null || c.assignmentAt < since) continue;
    for (const key of keysOf(c.assignment)) taken.set(key, c.assignmentAt);
  }
  return taken;
}

/** A member started processing these partitions at `at`: their pause, if any, ends. */
export function partitionsStarted(
  state: LabState,
  groupId: string,
  consumerId: string,
  keys: PartitionKey[],
  at: number,
): LabState {
  if (keys.length === 0) return state;
  const runtime = runtimeOf(state, groupId);
  const inTransit = { ...runtime.inTransit };
  let rebalance = runtime.rebalance
    ? addMoves(runtime.rebalance, consumerId, keys, 'added', at)
    : null;
  for (const key of keys) {
    const since = own(inTransit, key);
    if (since === undefined) continue;
    delete inTransit[key];
    if (rebalance)
      rebalance = { ...rebalance, pausedMs: { ...rebalance.pausedMs, [key]: at - since } };
  }
  return withRuntime(state, groupId, { ...runtime, inTransit, rebalance });
}

function addMoves(
  rebalance: RebalanceRecord,
  consumerId: string,
  keys: PartitionKey[],
  kind: 'revoked' | 'added',
  at: number,
): RebalanceRecord {
  const current = own(rebalance.moves, consumerId) ?? { revoked: [], added: [] };
  const next = { ...current, [kind]: [...new Set([...current[kind], ...keys])] };
  return {
    ...withStep(rebalance, {
      at,
      kind: kind === 'added' ? 'assigned' : 'revoked',
      consumerId,
      partitions: keys.map(refOfKey),
    }),
    lastEventAt: Math.max(rebalance.lastEventAt ?? at, at),
    moves: { ...rebalance.moves, [consumerId]: next },
  };
}

function withStep(rebalance: RebalanceRecord, step: RebalanceStep): RebalanceRecord {
  const steps = rebalance.steps ?? [];
  return steps.length >= MAX_STEPS ? rebalance : { ...rebalance, steps: [...steps, step] };
}

/** A lab member says it is rejoining: a step of the open rebalance's story, if one is open. */
export function memberRejoining(
  state: LabState,
  groupId: string,
  consumerId: string,
  at: number,
): LabState {
  const runtime = runtimeOf(state, groupId);
  if (!runtime.rebalance) return state;
  const rebalance = withStep(runtime.rebalance, {
    at,
    kind: 'joining',
    consumerId,
    partitions: [],
  });
  return withRuntime(state, groupId, { ...runtime, rebalance });
}

/** Forgets partitions that no longer exist or belong to nobody who could take them (group gone). */
export function clearTransit(state: LabState, groupId: string): LabState {
  return withRuntime(state, groupId, { ...runtimeOf(state, groupId), inTransit: {} });
}

/** A lab event that moves an open rebalance forward (a member joined): it may end there. */
export function touchRebalance(state: LabState, groupId: string, at: number): LabState {
  const runtime = runtimeOf(state, groupId);
  if (!runtime.rebalance) return state;
  const rebalance = {
    ...runtime.rebalance,
    lastEventAt: Math.max(runtime.rebalance.lastEventAt ?? at, at),
  };
  return withRuntime(state, groupId, { ...runtime, rebalance });
}

/** Starts or ends rebalances from what a poll saw; `observedAt` is when the poll began. */
export function observeRebalance(
  state: LabState,
  group: ObservedGroup,
  observedAt: number,
): LabState {
  if (TRANSITIONAL.has(group.state)) return startRebalance(state, group.groupId, observedAt);
  return settleRebalance(state, group.groupId, observedAt);
}

/** Ends the group's rebalance if nothing keeps it open any more. */
export function settleRebalance(state: LabState, groupId: string, at: number): LabState {
  const runtime = runtimeOf(state, groupId);
  const rebalance = runtime.rebalance;
  if (!rebalance) return state;
  const lab = Boolean(own(state.labGroups, groupId));
  const observed = state.observation?.groups.find((g) => g.groupId === groupId);
  const kafkaSettled =
    !observed ||
    state.observation === null ||
    state.observation.at < rebalance.startedAt ||
    !TRANSITIONAL.has(observed.state);
  if (!kafkaSettled) return state;
  if (lab) {
    const live = Object.values(state.consumers).filter(
      (c) => c.groupId === groupId && isLivePhase(c.phase),
    );
    const pending = live.some((c) => c.phase === 'starting' || c.phase === 'joining');
    // With nobody left to take them, orphaned partitions cannot hold the rebalance open.
    const orphans = live.length > 0 && Object.keys(runtime.inTransit).length > 0;
    if (pending || orphans) return state;
  }
  // A lab rebalance ends with the lab event that completed it; one only polls saw, with the poll.
  const endedAt =
    lab && rebalance.lastEventAt !== null
      ? Math.max(rebalance.lastEventAt, rebalance.startedAt)
      : at;
  return completeRebalance(state, groupId, endedAt);
}

function completeRebalance(state: LabState, groupId: string, at: number): LabState {
  const runtime = runtimeOf(state, groupId);
  const rebalance = runtime.rebalance;
  if (!rebalance) return state;
  const durationMs = Math.max(0, at - rebalance.startedAt);
  const paused = Object.values(rebalance.pausedMs);
  const pauseNote =
    paused.length > 0
      ? {
          key: 'note-paused' as const,
          params: { count: paused.length, longest: formatDuration(Math.max(...paused)) },
        }
      : '';
  const config = own(state.labGroups, groupId);
  const how = config ? ` [${PROTOCOL_NAMES[config.protocol]}, ${config.assignor}]` : '';
  const moves = movesOf(rebalance);
  // KIP-848: each member's epoch after it took its new assignment (its client reports it).
  const epochs =
    config?.protocol === 'consumer'
      ? Object.values(state.consumers)
          .filter((c) => c.groupId === groupId && isLivePhase(c.phase) && c.generationId !== null)
          .map((c) => `${c.id} ${c.generationId}`)
      : [];
  const epochNote =
    epochs.length > 0 ? { key: 'note-epochs' as const, params: { epochs: epochs.join(', ') } } : '';
  const moveNote =
    moves.length > 0
      ? {
          key: 'note-moved' as const,
          params: {
            moves: moves
              .map((m) => `P${refOfKey(m.partition).partition} ${m.from ?? '—'}→${m.to}`)
              .join(', '),
          },
        }
      : '';
  const lastRebalance: RebalanceSummary = {
    startedAt: rebalance.startedAt,
    endedAt: at,
    durationMs,
    reason: english(rebalance.reason),
    reasonText: rebalance.reason,
    style: config ? rebalanceStyle(config.protocol, config.assignor) : null,
    pausedMs: rebalance.pausedMs,
    moves,
    pauses: Object.entries(rebalance.pausedMs)
      .map(([key, ms]) => ({ ...refOfKey(key), ms }))
      .sort((a, b) => b.ms - a.ms || a.topic.localeCompare(b.topic) || a.partition - b.partition),
    steps: [...(rebalance.steps ?? [])].sort((a, b) => a.at - b.at),
  };
  const earlierRebalances = runtime.lastRebalance
    ? [runtime.lastRebalance, ...(runtime.earlierRebalances ?? [])].slice(0, EARLIER_REBALANCES)
    : (runtime.earlierRebalances ?? []);
  return withEvents(
    withRuntime(state, groupId, {
      ...runtime,
      rebalance: null,
      rebalanceEndedAt: at,
      lastRebalance,
      earlierRebalances,
      recent: rememberRebalance(runtime.recent, {
        at: rebalance.startedAt,
        reason: rebalance.reason,
      }),
    }),
    [
      {
        kind: 'rebalance-completed',
        at,
        groupId,
        durationMs,
        ...say('rebalance-completed', {
          duration: formatDuration(durationMs),
          reason: rebalance.reason,
          how,
          paused: pauseNote,
          moved: moveNote,
          epochs: epochNote,
        }),
      },
    ],
  );
}

/** Each partition some lab consumer took during the rebalance, with who gave it up (if anyone did). */
function movesOf(rebalance: RebalanceRecord): RebalanceSummary['moves'] {
  const from = new Map<string, string>();
  for (const [id, m] of Object.entries(rebalance.moves)) for (const p of m.revoked) from.set(p, id);
  const moves: RebalanceSummary['moves'] = [];
  for (const [id, m] of Object.entries(rebalance.moves))
    for (const p of m.added)
      if (from.get(p) !== id)
        moves.push({ partition: p, from: from.get(p) ?? null, to: id, ref: refOfKey(p) });
  return moves.sort((a, b) => a.partition.localeCompare(b.partition, undefined, { numeric: true }));
}

/** With no known cause, a crashed member still listed by Kafka is the likely one: its session ran out. */
function inferredReason(state: LabState, groupId: string): FlatText {
  const crashed = Object.values(state.consumers).find(
    (c) => c.groupId === groupId && c.phase === 'crashed' && c.memberId !== null,
  );
  return crashed
    ? { key: 'cause-session-timeout', params: { id: crashed.id } }
    : { key: 'cause-coordinator', params: {} };
}
