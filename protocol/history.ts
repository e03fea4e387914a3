import { z } from 'zod';

/** One sample per HISTORY_INTERVAL_MS; series are keyed so the client can append without guessing. */
export const historyPointSchema = z.object({
  at: z.number(),
  producedPerSec: z.number(),
  consumedPerSec: z.number(),
  /** groupId → total lag (the groups shown in full) */
  groupLag: z.record(z.string(), z.number()),
  /** groupId → lag in seconds (the groups shown in full) */
  groupLagSeconds: z.record(z.string(), z.number()),
  /** partitionSeriesKey (protocol/keys) → [lag, committed|null, logEnd] */
  partitions: z.record(z.string(), z.tuple([z.number(), z.number().nullable(), z.number()])),
  /** Same keys: the partition's log start, which retention moves forward. */
  logStart: z.record(z.string(), z.number()).optional(),
});

export type HistoryPoint = z.infer<typeof historyPointSchema>;
