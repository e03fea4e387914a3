import type { LabNode } from '../../protocol/cluster-nodes';

/**
 * The Kafka the lab runs itself: one broker+controller (EmbeddedBroker, LAB_BROKERS=1) or three
 * brokers with their own KRaft controller (LabCluster, LAB_BROKERS=3). Every JVM is under a guard
 * process, so none outlives the server.
 */
export interface LabKafka {
  /** Every broker's address: clients keep working while any one of them is down. */
  readonly bootstrapServers: string[];
  /** Some broker runs. */
  readonly running: boolean;
  /** The first broker's JVM, null while it is down. */
  readonly pid: number | null;
  readonly logFile: string;
  /** The ids of the brokers (not the controller), in order. */
  readonly brokerIds: number[];
  nodes(): LabNode[];
  prepare(): Promise<void>;
  /** Starts every node (no id) or one node; answers the JVM's pid (the first broker's). */
  start(nodeId?: number): Promise<number>;
  /** SIGTERM: Kafka's controlled shutdown, leaders move away first. No id: every node. */
  stop(nodeId?: number): Promise<void>;
  /** SIGKILL: no controlled shutdown; the controller notices when the broker's session ends. */
  kill(nodeId: number): Promise<void>;
  onExit(listener: (reason: string, nodeId: number) => void): () => void;
  /** Any node started or stopped. */
  onChange(listener: () => void): () => void;
}

/** How a JVM's end reads in the timeline and on the page. */
export function exitReason(code: number | null, signal: string | null, error: string | null) {
  if (error) return error;
  if (signal === 'SIGKILL') return 'killed (SIGKILL)';
  if (signal === 'SIGTERM' || code === 143 || code === 0) return 'stopped';
  return `exited (${signal ?? `code ${code}`})`;
}
