import type { Trade } from '../../protocol/trade';

/** The two ways the lab producer spoils a trade; a consumer fails on both every time. */
export type PoisonKind = 'malformed-json' | 'bad-price';

/** Null for a good trade, else which kind of poison; `percent` of trades are poison on average. */
export function drawPoison(percent: number, random: () => number = Math.random): PoisonKind | null {
  if (percent <= 0 || random() * 100 >= percent) return null;
  return random() < 0.5 ? 'malformed-json' : 'bad-price';
}

/** The message value for a poison trade: JSON cut in half, or a price below zero. */
export function poisonValue(trade: Trade, kind: PoisonKind): string {
  const json = JSON.stringify(trade);
  if (kind === 'malformed-json') return json.slice(0, Math.floor(json.length / 2));
  return JSON.stringify({ ...trade, price: -Math.abs(trade.price) });
}
