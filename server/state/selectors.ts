import { isLivePhase } from '../../protocol/group';
import { partitionKey } from '../../protocol/keys';
import { own } from './own';
import type { LabState } from './types';

/** Lab consumers whose process runs (starting to stopping), of one group or of the whole lab. */
export function liveConsumers(state: Pick<LabState, 'consumers'>, groupId?: string) {
  return Object.values(state.consumers).filter(
    (c) => (groupId === undefined || c.groupId === groupId) && isLivePhase(c.phase),
  );
}

/** Whether the lab's own Kafka node runs, as the lab last heard from its process. */
export function labNodeRunning(state: Pick<LabState, 'labNodes'>, nodeId: number): boolean {
  return state.labNodes.some((n) => n.nodeId === nodeId && n.running);
}

/**
 * The group's committed offsets as the lab knows them now: the last poll's, overtaken by commits
 * its own consumers reported since (the commit stream and the poll catch up within a second).
 */
export function committedOffsets(
  state: Pick<LabState, 'observation' | 'commits'>,
  groupId: string,
): Map<string, number | null> {
  const observed = state.observation?.groups.find((g) => g.groupId === groupId);
  const committed = new Map(
    (observed?.offsets ?? []).map((o) => [partitionKey(o.topic, o.partition), o.offset]),
  );
  const polledAt = state.observation?.at ?? 0;
  for (const [key, commit] of Object.entries(own(state.commits, groupId) ?? {}))
    if (commit.at > polledAt) committed.set(key, commit.offset);
  return committed;
}
