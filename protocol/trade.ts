import { z } from 'zod';

/** The lab producer's message value; `run` tells this server run's messages from older ones. */
export const tradeSchema = z.object({
  symbol: z.string(),
  price: z.number(),
  event_time: z.string(),
  seq: z.number().int().nonnegative(),
  run: z.string(),
});
export type Trade = z.infer<typeof tradeSchema>;
