import { z } from 'zod';

/**
 * Experiments the lab can run and judge. Titles, expectations and labels live with the page (in
 * each language); the server sends ids, numbers and verdicts.
 */
export const EXPERIMENT_IDS = [
  'kill-restart',
  'crash-uncommitted',
  'at-most-once',
  'new-group-start',
  'same-key',
  'poison-dlq',
  'exactly-once-crash',
  'broker-down',
  'three-protocols',
  'static-membership',
  'slow-consumer',
  /** Needs LAB_BROKERS=3. */
  'acks-under-failure',
] as const;
export type ExperimentId = (typeof EXPERIMENT_IDS)[number];

export const measurementSchema = z.object({
  /** What was measured, e.g. `eager.pausedPartitions`; the page names it. */
  key: z.string(),
  value: z.union([z.number(), z.string()]),
  /** What the expectation asks for, as text (e.g. "6", "0 ms", "≤ 2"); null: shown, not judged. */
  expected: z.string().nullable(),
  ok: z.boolean().nullable(),
});

export const experimentRunSchema = z.object({
  id: z.enum(EXPERIMENT_IDS),
  status: z.enum(['running', 'passed', 'failed', 'error']),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** Steps so far: a key the page words, with values to fill in. */
  steps: z.array(
    z.object({
      at: z.number(),
      key: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
  measurements: z.array(measurementSchema),
  /** Why it could not finish (status error), in plain words. */
  error: z.string().nullable(),
  /** Groups it made, so the page can open them. */
  groupIds: z.array(z.string()),
});

export type Measurement = z.infer<typeof measurementSchema>;
export type ExperimentRun = z.infer<typeof experimentRunSchema>;
