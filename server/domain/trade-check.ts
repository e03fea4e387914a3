import { type Trade, tradeSchema } from '../../protocol/trade';

/**
 * A lab consumer's processing when retry + DLQ is on: read the message as a trade. A message that
 * is not JSON, or whose price is not a positive number, fails every time it is tried: a poison
 * message. TradeCheck.java applies the same rules, with the same error texts.
 */
export type TradeCheck = { ok: true; trade: Trade } | { ok: false; error: string };

export const MALFORMED_JSON = 'malformed JSON';

export function checkTrade(text: string | null | undefined): TradeCheck {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '');
  } catch {
    return { ok: false, error: MALFORMED_JSON };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'not a trade: not a JSON object' };
  const price = (value as { price?: unknown }).price;
  if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0)
    return { ok: false, error: `bad price: ${JSON.stringify(price) ?? 'missing'}` };
  const trade = tradeSchema.safeParse(value);
  if (!trade.success) {
    const field = trade.error.issues[0]?.path.join('.') || 'value';
    return { ok: false, error: `not a trade: bad ${field}` };
  }
  return { ok: true, trade: trade.data };
}

/** The short kind of a check error, for one-line summaries: "bad price", "malformed JSON". */
export function errorKind(error: string): string {
  return error.split(':')[0] ?? error;
}

/**
 * exactly-once's transform: the trade as read, with where it came from. Anything that is not a
 * trade (with retry + DLQ off) is passed through unchanged.
 */
export function transformValue(text: string, partition: number, offset: number): string {
  const check = checkTrade(text);
  if (!check.ok) return text;
  return JSON.stringify({ ...check.trade, origin: { partition, offset } });
}
