import { describe, expect, it } from 'vitest';
import { drawPoison, poisonValue } from './poison';
import { checkTrade, errorKind, transformValue } from './trade-check';

const trade = {
  symbol: 'BTCUSDT',
  price: 67000.5,
  event_time: '2026-01-01T00:00:00Z',
  seq: 7,
  run: 'r1',
};

describe('trade check and poison', () => {
  it('accepts a trade and rejects both kinds of poison with the same texts as Java', () => {
    expect(checkTrade(JSON.stringify(trade))).toEqual({ ok: true, trade });
    expect(checkTrade(poisonValue(trade, 'malformed-json'))).toEqual({
      ok: false,
      error: 'malformed JSON',
    });
    expect(checkTrade(poisonValue(trade, 'bad-price'))).toEqual({
      ok: false,
      error: 'bad price: -67000.5',
    });
    expect(checkTrade('m1')).toEqual({ ok: false, error: 'malformed JSON' });
    expect(checkTrade('{"price":1}')).toEqual({ ok: false, error: 'not a trade: bad symbol' });
    expect(checkTrade(null)).toEqual({ ok: false, error: 'malformed JSON' });
    expect(errorKind('bad price: -1')).toBe('bad price');
  });

  it('draws poison at the given share', () => {
    let i = 0;
    const values = [0.05, 0.3, 0.2, 0.9, 0.5];
    const random = () => values[i++ % values.length] ?? 0;
    expect(drawPoison(0, random)).toBeNull();
    expect(drawPoison(10, random)).toBe('malformed-json'); // 5 < 10, then 0.3 < 0.5
    expect(drawPoison(10, random)).toBeNull(); // 20 ≥ 10
    expect(drawPoison(100, random)).toBe('bad-price'); // 90 < 100, then 0.5 ≥ 0.5
  });

  it('transforms a trade with its origin, and passes anything else through', () => {
    expect(JSON.parse(transformValue(JSON.stringify(trade), 2, 41))).toEqual({
      ...trade,
      origin: { partition: 2, offset: 41 },
    });
    expect(transformValue('m1', 0, 0)).toBe('m1');
  });
});
