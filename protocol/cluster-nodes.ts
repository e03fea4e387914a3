import { z } from 'zod';

/** What a node of the cluster does: LAB_BROKERS=1 runs one combined node, 3 a controller apart. */
export const NODE_ROLES = ['broker', 'controller', 'broker+controller'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

/** A node clients talk to: a broker, alone or combined with the controller. */
export const isBrokerRole = (role: NodeRole): boolean => role !== 'controller';

/** How many brokers of its own the lab runs (LAB_BROKERS), from the nodes the page is sent. */
export const labBrokerCount = (nodes: readonly { lab: boolean; role: NodeRole }[]): number =>
  nodes.filter((n) => n.lab && isBrokerRole(n.role)).length;

/** One JVM the lab runs, as the lab itself knows it (its own process, not Kafka's view). */
export const labNodeSchema = z.object({
  nodeId: z.number(),
  role: z.enum(NODE_ROLES),
  host: z.string(),
  port: z.number(),
  pid: z.number().nullable(),
  running: z.boolean(),
  /** Why it last stopped, in words (killed with SIGKILL, stopped, exited with code 1). */
  lastExit: z.string().nullable(),
  lastChangeAt: z.number().nullable(),
});
export type LabNode = z.infer<typeof labNodeSchema>;

/**
 * up: Kafka lists it as a live broker (the controller: running). fenced: registered but fenced by
 * the controller (just restarted, or its heartbeats stopped). starting: the process runs but Kafka
 * does not list it yet. down: the lab's process is not running, or Kafka no longer lists it.
 */
export const NODE_STATES = ['up', 'fenced', 'starting', 'down'] as const;
export type NodeState = (typeof NODE_STATES)[number];

/** A node as the page shows it: the lab's process facts joined with Kafka's own view. */
export const nodeStatusSchema = z.object({
  nodeId: z.number(),
  role: z.enum(NODE_ROLES),
  host: z.string().nullable(),
  port: z.number().nullable(),
  state: z.enum(NODE_STATES),
  /** The active KRaft controller (the metadata quorum's leader). */
  activeController: z.boolean(),
  /** The lab runs this JVM: it can be killed, stopped and started from the page. */
  lab: z.boolean(),
  pid: z.number().nullable(),
  /** Partitions of non-internal topics it leads. */
  leaderOf: z.number(),
  /** Why it is in this state, in plain words; null when there is nothing to add. */
  detail: z.string().nullable(),
});
export type NodeStatus = z.infer<typeof nodeStatusSchema>;
