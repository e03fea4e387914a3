import { describe, expect, it } from 'vitest';
import { readRecordsQuerySchema } from './records';

const errorOf = (input: unknown) => {
  const parsed = readRecordsQuerySchema.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
};

describe('readRecordsQuerySchema', () => {
  it('takes a query string as text and fills the defaults', () => {
    expect(readRecordsQuerySchema.parse({ topic: 'trades', partition: '2', value: '40' })).toEqual({
      topic: 'trades',
      partition: 2,
      from: 'offset',
      value: 40,
      limit: 20,
      isolation: 'read_uncommitted',
    });
  });
  it('names the field and the allowed range', () => {
    expect(errorOf({ topic: 'trades', partition: '-1' })).toBe(
      'partition must be a whole number from 0 to 1000000',
    );
    expect(errorOf({ topic: 'trades', partition: 0, limit: 500 })).toBe(
      'limit must be a whole number from 1 to 100',
    );
    expect(errorOf({ topic: 'trades', partition: 0, from: 'middle' })).toBe(
      'from must be one of offset, timestamp, end',
    );
    expect(errorOf({ topic: 'trades', partition: 0, isolation: 'dirty' })).toBe(
      'isolation must be one of read_uncommitted, read_committed',
    );
    expect(errorOf({ topic: 'trades', partition: 'x' })).toBe(
      'partition must be a whole number from 0 to 1000000',
    );
  });
});
