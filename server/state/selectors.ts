import { isLivePhase } from '../../protocol/group';
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
