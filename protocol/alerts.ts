import { z } from 'zod';
import { VERDICTS } from './group';

/**
 * What ALERT_WEBHOOK_URL receives, one POST per change of a group's verdict: its health verdict
 * (Burrow's rules), the rebalance storm flag or its retention verdict, with the figures behind it. `id` is unique per
 * change and stays the same on every retry, so a receiver can drop a repeat.
 */
export const ALERT_RETENTION = ['ok', 'at-risk', 'lost'] as const;
export type AlertRetention = (typeof ALERT_RETENTION)[number];

export const alertMessageSchema = z.object({
  id: z.string(),
  source: z.literal('offset-lab'),
  groupId: z.string(),
  verdict: z.enum(VERDICTS),
  /** The verdict before this change; null the first time the dashboard saw the group. */
  previous: z.enum(VERDICTS).nullable(),
  storm: z.boolean(),
  previousStorm: z.boolean().nullable(),
  /** Retention: `at-risk` (the next record may soon be deleted unread), `lost`, or `ok`. */
  retention: z.enum(ALERT_RETENTION),
  previousRetention: z.enum(ALERT_RETENTION).nullable(),
  /** One English sentence: why this verdict (and the storm's causes while it lasts). */
  reason: z.string(),
  figures: z.object({
    totalLag: z.number(),
    lagSeconds: z.number(),
    members: z.number(),
    partitions: z.number(),
    /** Rebalances in the storm window, when the group storms. */
    rebalances: z.number().nullable(),
    /** Messages retention deleted unread; at least this long before the next may be. */
    lost: z.number(),
    retentionSecondsLeft: z.number().nullable(),
  }),
  /** When the dashboard saw the change (epoch ms). */
  at: z.number(),
});
export type AlertMessage = z.infer<typeof alertMessageSchema>;
