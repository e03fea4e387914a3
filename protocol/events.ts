import { z } from 'zod';
import type { CommandAck } from './commands';
import { experimentRunSchema } from './experiments';
import { historyPointSchema } from './history';
import type { ReadRecordsAck } from './records';
import {
  clusterSchema,
  connectionSchema,
  consumerSchema,
  groupSchema,
  groupSummarySchema,
  nodeStatusSchema,
  producerSchema,
  snapshotSchema,
  topicSchema,
} from './snapshot';
import { timelineEventSchema } from './timeline';

/**
 * The whole state, on connect and every few seconds as a resync. `history` and `timeline` are
 * null in a resync: the page keeps its own, which the appended events keep current.
 */
export const fullStateSchema = z.object({
  snapshot: snapshotSchema,
  history: z.array(historyPointSchema).nullable(),
  timeline: z.array(timelineEventSchema).nullable(),
});

/**
 * Changes to a keyed list: new items whole, changed items as patches of the fields that changed
 * (with their key), removed keys, and the order when it changed.
 */
function keyedChanges<T extends z.ZodObject>(item: T) {
  return z.object({
    upsert: z.array(item),
    patch: z.array(item.partial().passthrough()),
    remove: z.array(z.string()),
    order: z.array(z.string()).nullable(),
  });
}

export const snapshotChangesSchema = z.object({
  connection: connectionSchema.optional(),
  cluster: clusterSchema.nullable().optional(),
  producer: producerSchema.nullable().optional(),
  experiments: z.array(experimentRunSchema).optional(),
  nodes: z.array(nodeStatusSchema).optional(),
  topics: keyedChanges(topicSchema).optional(),
  overview: keyedChanges(groupSummarySchema).optional(),
  groups: keyedChanges(groupSchema).optional(),
  consumers: keyedChanges(consumerSchema).optional(),
});

/**
 * What changed since `baseVersion`: whole sections for the small ones, per item for the lists, so
 * a group whose data did not change is neither sent nor re-rendered. The page asks for a full state
 * when it lacks that base.
 */
export const stateDeltaSchema = z.object({
  baseVersion: z.number(),
  version: z.number(),
  at: z.number(),
  changes: snapshotChangesSchema,
});

export type FullState = z.infer<typeof fullStateSchema>;
export type StateDelta = z.infer<typeof stateDeltaSchema>;
export type SnapshotChanges = z.infer<typeof snapshotChangesSchema>;

/** Each keyed list of the snapshot, with how its items are keyed. */
export const KEYED_SECTIONS = {
  topics: (t: { name: string }) => t.name,
  overview: (g: { groupId: string }) => g.groupId,
  groups: (g: { groupId: string }) => g.groupId,
  consumers: (c: { id: string }) => c.id,
} as const;
export const WHOLE_SECTIONS = [
  'connection',
  'cluster',
  'producer',
  'experiments',
  'nodes',
] as const;

export interface ServerToClientEvents {
  'state:full': (state: FullState) => void;
  'state:delta': (delta: StateDelta) => void;
  'history:appended': (point: z.infer<typeof historyPointSchema>) => void;
  'timeline:appended': (events: z.infer<typeof timelineEventSchema>[]) => void;
}

export interface ClientToServerEvents {
  /** Any command from commands.ts; validated on arrival, answered with an ack. */
  command: (command: unknown, ack: (result: CommandAck) => void) => void;
  'state:resync': () => void;
  /** The message browser: one page of a partition (see records.ts); allowed in every mode. */
  'records:read': (query: unknown, ack: (result: ReadRecordsAck) => void) => void;
  /** The groups this page has open in full; the server sends their details (validated, capped). */
  'groups:watch': (groupIds: unknown) => void;
}
