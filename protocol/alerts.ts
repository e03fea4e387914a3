import { z } from 'zod';
import { VERDICTS } from './group';

/**
 * What ALERT_WEBHOOK_URL receives, one POST per change of a group's verdict: its health verdict
 * (Burrow's rules) or the rebalance storm flag, with the figures behind it. `id` is unique per
 * change and stays the same on every retry, so a receiver can drop a repeat.
 */
export const alertMessageSchema = z.object({
  id: z.string(),
  source: z.literal('offset-lab'),
  groupId: z.string(),
  verdict: z.enum(VERDICTS),
  /** The verdict before this change; null the first time the dashboard saw the group. */
  previous: z.enum(VERDICTS).nullable(),
  storm: z.boolean(),
  previousStorm: z.boolean().nullable(),
  /** One English sentence: why this verdict (and the storm's causes while it lasts). */
  reason: z.string(),
  figures: z.object({
    totalLag: z.number(),
    lagSeconds: z.number(),
    members: z.number(),
    partitions: z.number(),
    /** Rebalances in the storm window, when the group storms. */
    rebalances: z.number().nullable(),
  }),
  /** When the dashboard saw the change (epoch ms). */
  at: z.number(),
});
export type AlertMessage = z.infer<typeof alertMessageSchema>;
