import { randomUUID } from 'node:crypto';
import type { KeyMode } from '../../protocol/commands';
import type { Trade } from '../../protocol/trade';
import { partitionForKey } from './partitioner';

// Twelve symbols chosen so that over 6 partitions each partition gets exactly two keys.
export const SYMBOLS = [
  'BTCUSDT',
  'ETHUSDT',
  'SOLUSDT',
  'BNBUSDT',
  'XRPUSDT',
  'LTCUSDT',
  'DOTUSDT',
  'AAVEUSDT',
  'SUIUSDT',
  'BCHUSDT',
  'INJUSDT',
  'TRXUSDT',
] as const;

const START_PRICES = [67000, 3500, 150, 580, 0.52, 80, 7, 95, 1.1, 350, 25, 0.12];

export interface OutgoingTrade {
  key: string | null;
  partition: number;
  trade: Trade;
}

/** Makes trades with a random-walk price; picks partitions the way Kafka's default partitioner would. */
export class TradeGenerator {
  private prices = [...START_PRICES];
  private nextSeq = 0;
  private roundRobin = 0;

  constructor(private readonly runId: string) {}

  get seq(): number {
    return this.nextSeq;
  }

  next(keyMode: KeyMode, partitionCount: number): OutgoingTrade {
    const index = Math.floor(Math.random() * SYMBOLS.length);
    const symbol = keyMode === 'fixed' ? SYMBOLS[0] : (SYMBOLS[index] ?? SYMBOLS[0]);
    const priceIndex = keyMode === 'fixed' ? 0 : index;
    const price = (this.prices[priceIndex] ?? 1) * (1 + (Math.random() - 0.5) * 0.002);
    this.prices[priceIndex] = price;
    const key = keyFor(keyMode, symbol);
    const partition =
      key === null ? this.roundRobin++ % partitionCount : partitionForKey(key, partitionCount);
    return {
      key,
      partition,
      trade: {
        symbol,
        price: Number(price.toPrecision(8)),
        event_time: new Date().toISOString(),
        seq: this.nextSeq++,
        run: this.runId,
      },
    };
  }
}

function keyFor(keyMode: KeyMode, symbol: string): string | null {
  switch (keyMode) {
    case 'fixed':
    case 'symbol':
      return symbol;
    case 'random':
      return randomUUID();
    case 'none':
      return null;
  }
}
