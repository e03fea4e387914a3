import type { LabNode } from '../../protocol/cluster-nodes';
import { type FlatText, say } from '../../protocol/texts';
import { withEvents } from './timeline';
import type { LabState } from './types';

const roleName = (n: LabNode): FlatText => ({
  key: n.role === 'controller' ? 'role-controller' : 'role-broker',
  params: {},
});

/** The lab's own JVMs: kept as they are, with a timeline entry for each one that went or came. */
export function nodesChanged(state: LabState, nodes: LabNode[] | undefined, at: number): LabState {
  if (!nodes) return state;
  const before = new Map(state.labNodes.map((n) => [n.nodeId, n]));
  const events = nodes.flatMap((n) => {
    const old = before.get(n.nodeId);
    if (old?.running === n.running || (!old && !n.running)) return [];
    const said = n.running
      ? say('node-started', { role: roleName(n), nodeId: n.nodeId, pid: n.pid ?? '?' })
      : say('node-stopped', { role: roleName(n), nodeId: n.nodeId, how: n.lastExit ?? 'stopped' });
    return [
      { kind: n.running ? ('node-started' as const) : ('node-stopped' as const), at, ...said },
    ];
  });
  return withEvents({ ...state, labNodes: nodes }, events);
}
