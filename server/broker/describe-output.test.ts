import { describe, expect, it } from 'vitest';
import { parseDescribe } from './describe-output';

const SAMPLE = `
Consumer group 'orders' has no active members.

GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID                                      HOST            CLIENT-ID
crypto-group    crypto_trades   0          120             125             5               offset-lab-c1-4f0e                               /127.0.0.1      offset-lab-c1
crypto-group    crypto_trades   1          -               40              -               -                                                -               -
`;

describe('parseDescribe', () => {
  it('reads the partition rows of kafka-consumer-groups --describe', () => {
    expect(parseDescribe(SAMPLE)).toEqual([
      {
        group: 'crypto-group',
        topic: 'crypto_trades',
        partition: 0,
        currentOffset: 120,
        logEndOffset: 125,
        lag: 5,
        consumerId: 'offset-lab-c1-4f0e',
      },
      {
        group: 'crypto-group',
        topic: 'crypto_trades',
        partition: 1,
        currentOffset: null,
        logEndOffset: 40,
        lag: null,
        consumerId: null,
      },
    ]);
  });

  it('returns nothing for output without a table', () => {
    expect(parseDescribe("Error: Consumer group 'x' does not exist.")).toEqual([]);
  });
});
