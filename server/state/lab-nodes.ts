import type { LabNode } from '../../protocol/cluster-nodes';
import { withEvents } from './timeline';
import type { LabState } from './types';

const roleName = (n: LabNode) => (n.role === 'controller' ? 'Controller' : 'Broker');

/** The lab's own JVMs: kept as they are, with a timeline entry for each one that went or came. */
export function nodesChanged(state: LabState, nodes: LabNode[] | undefined, at: number): LabState {
  if (!nodes) return state;
  const before = new Map(state.labNodes.map((n) => [n.nodeId, n]));
  const events = nodes.flatMap((n) => {
    const old = before.get(n.nodeId);
    if (old?.running === n.running || (!old && !n.running)) return [];
    const message = n.running
      ? `${roleName(n)} ${n.nodeId} started (pid ${n.pid})`
      : `${roleName(n)} ${n.nodeId} ${n.lastExit ?? 'stopped'}`;
    return [
      { kind: n.running ? ('node-started' as const) : ('node-stopped' as const), at, message },
    ];
  });
  return withEvents({ ...state, labNodes: nodes }, events);
}
