import { z } from 'zod';

/** Server ↔ cluster-guard.ts over Node's IPC channel, validated on both ends. */
export const clusterGuardCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    nodeId: z.number().int(),
    java: z.string(),
    args: z.array(z.string()),
    logFile: z.string(),
    /** The controller: stopped after every other node on shutdown. */
    last: z.boolean(),
  }),
  z.object({ type: z.literal('stop'), nodeId: z.number().int() }),
  z.object({ type: z.literal('kill'), nodeId: z.number().int() }),
  z.object({ type: z.literal('shutdown') }),
]);
export type ClusterGuardCommand = z.infer<typeof clusterGuardCommandSchema>;

export const clusterGuardMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), nodeId: z.number(), pid: z.number() }),
  z.object({
    type: z.literal('exited'),
    nodeId: z.number(),
    code: z.number().nullable(),
    signal: z.string().nullable(),
    error: z.string().nullable(),
  }),
]);
export type ClusterGuardMessage = z.infer<typeof clusterGuardMessageSchema>;
