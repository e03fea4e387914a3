import { describe, expect, it } from 'vitest';
import { parseColumns, parseDescribe } from './describe-output';

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

// As kafka-share-groups 4.4.0 printed them on the lab's broker (ids shortened).
const SHARE_OFFSETS = `GROUP                 TOPIC              PARTITION  START-OFFSET  LAG
share-hold-group-1b27 share-hold-4d0e    0          0             1
`;
const SHARE_MEMBERS = `GROUP                 CONSUMER-ID            HOST            CLIENT-ID       #PARTITIONS  ASSIGNMENT
share-hold-group-1b27 LwLK09DHSYidxqmaFapmHQ /127.0.0.1      holder          1            share-hold-4d0e:0
share-hold-group-1b27 oVI7EvXLTUCZ5DXN46jI3A /127.0.0.1      acceptor        1            share-hold-4d0e:0
`;
const SHARE_STATE = `GROUP                 COORDINATOR (ID)          STATE           #MEMBERS
share-hold-group-1b27 127.0.0.1:39559  (1)      Stable          2
`;

describe('parseColumns', () => {
  it('reads kafka-share-groups --describe offsets', () => {
    expect(
      parseColumns(SHARE_OFFSETS, ['GROUP', 'TOPIC', 'PARTITION', 'START-OFFSET', 'LAG']),
    ).toEqual([
      {
        GROUP: 'share-hold-group-1b27',
        TOPIC: 'share-hold-4d0e',
        PARTITION: '0',
        'START-OFFSET': '0',
        LAG: '1',
      },
    ]);
  });

  it('reads --members, one row a member', () => {
    const rows = parseColumns(SHARE_MEMBERS, [
      'GROUP',
      'CONSUMER-ID',
      'HOST',
      'CLIENT-ID',
      '#PARTITIONS',
      'ASSIGNMENT',
    ]);
    expect(rows.map((r) => [r['CLIENT-ID'], r['#PARTITIONS'], r.ASSIGNMENT])).toEqual([
      ['holder', '1', 'share-hold-4d0e:0'],
      ['acceptor', '1', 'share-hold-4d0e:0'],
    ]);
  });

  it('keeps a cell with spaces whole (COORDINATOR (ID))', () => {
    expect(parseColumns(SHARE_STATE, ['GROUP', 'COORDINATOR (ID)', 'STATE', '#MEMBERS'])).toEqual([
      {
        GROUP: 'share-hold-group-1b27',
        'COORDINATOR (ID)': '127.0.0.1:39559  (1)',
        STATE: 'Stable',
        '#MEMBERS': '2',
      },
    ]);
  });

  it('returns nothing when the header is not there', () => {
    expect(parseColumns('Error: group not found\n', ['GROUP', 'STATE'])).toEqual([]);
  });
});
