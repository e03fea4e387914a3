import { z } from 'zod';
import type { CommandAck } from './commands';
import { historyPointSchema } from './history';
import { snapshotSchema } from './snapshot';
import { timelineEventSchema } from './timeline';

export const fullStateSchema = z.object({
  snapshot: snapshotSchema,
  history: z.array(historyPointSchema),
  timeline: z.array(timelineEventSchema),
});

/** Only the sections that changed since `baseVersion`; the client drops it if it lacks that base. */
export const stateDeltaSchema = z.object({
  baseVersion: z.number(),
  version: z.number(),
  at: z.number(),
  changes: snapshotSchema.partial().omit({ version: true, at: true }),
});

export type FullState = z.infer<typeof fullStateSchema>;
export type StateDelta = z.infer<typeof stateDeltaSchema>;

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
}
