import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../domain/partitioner';

// kafkajs' DefaultPartitioner is documented as Java-compatible; ours must agree key for key.
describe('partitionForKey', () => {
  const partitionMetadata = (n: number) =>
    Array.from({ length: n }, (_, partitionId) => ({ partitionId, leader: 1 }));

  it('matches the Java-compatible partitioner for many keys and partition counts', () => {
    const kafkajsPartitioner = Partitioners.DefaultPartitioner();
    for (const count of [1, 2, 3, 6, 7, 64, 256]) {
      for (const key of [
        'BTCUSDT',
        'ETHUSDT',
        'a',
        'ab',
        'abc',
        'abcd',
        'abcde',
        'ünïcødé',
        '42',
      ]) {
        const expected = kafkajsPartitioner({
          topic: 't',
          partitionMetadata: partitionMetadata(count) as never,
          message: { key, value: null },
        });
        expect(partitionForKey(key, count), `${key} over ${count}`).toBe(expected);
      }
    }
  });

  it('rejects a partition count below one', () => {
    expect(() => partitionForKey('k', 0)).toThrow(RangeError);
  });
});
