/** What the lab knows of a topic when a write to it fails. */
export interface ReplicaFacts {
  /** The smallest ISR among the topic's partitions in the last observation; null: unknown. */
  smallestIsr: number | null;
  /** The topic's min.insync.replicas; null: unknown. */
  minInsyncReplicas: number | null;
}

const NOT_ENOUGH = /fewer in-sync replicas than required|NOT_ENOUGH_REPLICAS(?!_AFTER)/;
const NOT_ENOUGH_AFTER_APPEND =
  /written to the log, but to fewer in-sync replicas|NOT_ENOUGH_REPLICAS_AFTER_APPEND/;

/** The error and every cause it wraps (kafkajs' retry errors keep the broker's as originalError). */
function chain(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const x = e as { message?: unknown; type?: unknown; originalError?: unknown; cause?: unknown };
    parts.push(String(x.type ?? ''), String(x.message ?? e));
    e = x.originalError ?? x.cause;
  }
  return parts.join(' ');
}

function replicas(n: number): string {
  return `${n} in-sync replica${n === 1 ? '' : 's'}`;
}

/**
 * A producer error in plain words where Kafka's own are cryptic. NotEnoughReplicas: the leader
 * refused an acks=all write because fewer replicas than min.insync.replicas are in sync; the
 * message is not written, so the producer may retry it once replicas are back.
 */
export function plainProduceError(error: unknown, facts: ReplicaFacts): string {
  const text = chain(error);
  const original = error instanceof Error ? error.message : String(error);
  const { minInsyncReplicas: min } = facts;
  // The last observation may predate the ISR shrinking: a count that is not short says nothing.
  const isr =
    facts.smallestIsr !== null && (min === null || facts.smallestIsr < min)
      ? facts.smallestIsr
      : null;
  const needs = min === null ? 'more (min.insync.replicas)' : `${min} (min.insync.replicas)`;
  if (NOT_ENOUGH_AFTER_APPEND.test(text)) {
    return `NotEnoughReplicasAfterAppend: written by the leader, but only ${isr === null ? 'too few' : replicas(isr)} confirmed it, the topic needs ${needs}`;
  }
  if (NOT_ENOUGH.test(text)) {
    const only = isr === null ? 'too few in-sync replicas' : `only ${replicas(isr)}`;
    return `NotEnoughReplicas: ${only}, the topic needs ${needs}`;
  }
  return original;
}
