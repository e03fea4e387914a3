import { describe, expect, it } from 'vitest';
import {
  deadLetterHeaders,
  MAX_ERROR_HEADER_CHARS,
  parseDeadLetterHeaders,
} from './dead-letter-headers';

const origin = {
  topic: 'crypto_trades',
  partition: 2,
  offset: 1041,
  error: 'bad price: -3',
  attempts: 4,
  consumerId: 'c1',
};

describe('DLQ headers', () => {
  it('name the origin topic, partition and offset, the error and the attempts', () => {
    expect(deadLetterHeaders(origin)).toEqual({
      'dlq.origin.topic': 'crypto_trades',
      'dlq.origin.partition': '2',
      'dlq.origin.offset': '1041',
      'dlq.error': 'bad price: -3',
      'dlq.attempts': '4',
      'dlq.consumer': 'c1',
    });
  });

  it('read back from Kafka headers (Buffers) to the same origin', () => {
    const raw = Object.fromEntries(
      Object.entries(deadLetterHeaders(origin)).map(([k, v]) => [k, Buffer.from(v)]),
    );
    expect(parseDeadLetterHeaders(raw)).toEqual(origin);
    expect(parseDeadLetterHeaders({ ...raw, 'dlq.origin.offset': Buffer.from('x') })).toBeNull();
    expect(parseDeadLetterHeaders(undefined)).toBeNull();
  });

  it('keep a long error short', () => {
    const long = deadLetterHeaders({ ...origin, error: 'e'.repeat(2000) });
    expect(long['dlq.error']).toHaveLength(MAX_ERROR_HEADER_CHARS);
  });
});
