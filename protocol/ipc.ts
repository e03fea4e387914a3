import { z } from 'zod';
import { labGroupConfigSchema } from './snapshot';

const topicPartitions = z.array(z.object({ topic: z.string(), partitions: z.array(z.number()) }));
const offsets = z.array(z.object({ topic: z.string(), partition: z.number(), offset: z.number() }));

/** What a lab consumer process is told at start-up (argv JSON), validated in the child. */
export const workerConfigSchema = labGroupConfigSchema.extend({
  consumerId: z.string(),
  brokers: z.array(z.string()),
  delayMs: z.number(),
  /** The producer run whose `seq` numbers the audit counts. */
  runId: z.string(),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

/** Child → server. */
export const workerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), pid: z.number() }),
  z.object({
    type: z.literal('joined'),
    memberId: z.string(),
    leaderId: z.string().nullable(),
    isLeader: z.boolean(),
    protocol: z.string().nullable(),
    assignment: topicPartitions,
    durationMs: z.number(),
    at: z.number(),
  }),
  z.object({ type: z.literal('rebalancing'), memberId: z.string().nullable(), at: z.number() }),
  z.object({
    type: z.literal('heartbeat'),
    memberId: z.string(),
    generationId: z.number(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('progress'),
    /** Next offset to process per partition (last processed + 1). */
    processed: offsets,
    /** `seq` of every processed message of the current producer run, in order. */
    seqs: z.array(z.number()),
    count: z.number(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('committed'),
    generationId: z.number().nullable(),
    offsets,
    at: z.number(),
  }),
  z.object({ type: z.literal('error'), message: z.string(), at: z.number() }),
  z.object({ type: z.literal('stopped'), at: z.number() }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

/** Server → child. */
export const workerCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('slow'), delayMs: z.number() }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('rejoin') }),
]);
export type WorkerCommand = z.infer<typeof workerCommandSchema>;
