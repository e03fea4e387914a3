import { isBrokerRole, type LabNode, type NodeStatus } from '../../protocol/cluster-nodes';
import { BROKER_SESSION_TIMEOUT_MS } from '../broker/broker-properties';
import type { LabState } from './types';

const SESSION_TIMEOUT_S = BROKER_SESSION_TIMEOUT_MS / 1000;

function detailOf(lab: LabNode | undefined, live: boolean, fenced: boolean): string | null {
  if (lab && !lab.running) {
    const exit = lab.lastExit ?? 'stopped';
    return live
      ? `${exit}; Kafka still lists it until broker.session.timeout.ms (${SESSION_TIMEOUT_S} s) passes without a heartbeat`
      : exit;
  }
  if (fenced)
    return 'fenced by the controller: it serves nothing until it has caught up and is unfenced';
  if (lab && isBrokerRole(lab.role) && !live)
    return 'process running, not registered with the controller yet';
  return null;
}

/**
 * Every node of the cluster, as the page's broker strip shows it: the lab's own process facts
 * (running or not, killed or stopped) joined with Kafka's view (live, fenced, active controller).
 * A killed broker is down at once, though Kafka lists it until its session times out.
 */
export function nodeStatuses(state: LabState): NodeStatus[] {
  const cluster = state.observation?.cluster;
  const reachable = state.connection.kafka === 'connected';
  const live = new Map((reachable ? (cluster?.brokers ?? []) : []).map((b) => [b.nodeId, b]));
  const fenced = new Map(
    (reachable ? (cluster?.fencedBrokers ?? []) : []).map((b) => [b.nodeId, b]),
  );
  const labNodes = new Map(state.labNodes.map((n) => [n.nodeId, n]));
  const leaders = new Map<number, number>();
  for (const t of state.observation?.topics ?? []) {
    if (t.internal) continue;
    for (const p of t.partitions) leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
  }
  const ids = [...new Set([...labNodes.keys(), ...live.keys(), ...fenced.keys()])];
  const statuses = ids.map((nodeId): NodeStatus => {
    const lab = labNodes.get(nodeId);
    const kafka = live.get(nodeId) ?? fenced.get(nodeId);
    const isLive = live.has(nodeId);
    const isFenced = fenced.has(nodeId);
    let nodeState: NodeStatus['state'];
    if (lab && !lab.running) nodeState = 'down';
    else if (lab?.role === 'controller' || isLive) nodeState = 'up';
    else if (isFenced) nodeState = 'fenced';
    else nodeState = lab ? 'starting' : 'down';
    return {
      nodeId,
      role: lab?.role ?? 'broker',
      host: kafka?.host ?? lab?.host ?? null,
      port: kafka?.port ?? lab?.port ?? null,
      state: nodeState,
      activeController: reachable && cluster?.controller === nodeId && nodeState === 'up',
      lab: lab !== undefined,
      pid: lab?.pid ?? null,
      leaderOf: nodeState === 'down' ? 0 : (leaders.get(nodeId) ?? 0),
      detail: detailOf(lab, isLive, isFenced && !isLive),
    };
  });
  const order = (n: NodeStatus) => (n.role === 'controller' ? 1 : 0);
  return statuses.sort((a, b) => order(a) - order(b) || a.nodeId - b.nodeId);
}
