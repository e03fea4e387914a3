import type { ReplicaFacts } from '../domain/produce-errors';
import { own } from './own';
import type { LabState } from './types';

/** A topic's smallest ISR (last observation) and its min.insync.replicas (last read). */
export function replicaFacts(state: LabState, topic: string): ReplicaFacts {
  const partitions = state.observation?.topics.find((t) => t.name === topic)?.partitions ?? [];
  const min = own(state.topicConfigs, topic)?.['min.insync.replicas'];
  return {
    smallestIsr: partitions.length > 0 ? Math.min(...partitions.map((p) => p.isr.length)) : null,
    minInsyncReplicas: min === undefined || min === null ? null : Number(min),
  };
}
