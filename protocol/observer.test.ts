import { describe, expect, it } from 'vitest';
import { observerMessageSchema, observerOpSchema, observerResultSchemas } from './observer';

// Lines as the observer JVM printed them against a Kafka 4.4 broker.
const LINES = [
  '{"event":"ready","pid":18928}',
  '{"id":7,"ok":false,"error":{"kind":"unknown-group","message":"The group id does not exist."}}',
  '{"event":"commits","commits":[{"groupId":"g","topic":"t1","partition":2,"offset":10,"commitTimestamp":1795799710547,"at":1795799710547}]}',
  '{"event":"groups-changed","groupIds":["g848b","gclassicb"]}',
  '{"event":"offsets-deleted","offsets":[{"groupId":"g","topic":"t1","partition":0,"at":1795799710600}]}',
  '{"event":"commit-stream","mode":"tail","reason":null}',
  '{"id":1,"ok":true,"result":{"mode":"tail","partitions":10}}',
];

describe('the observer contract', () => {
  it('reads every kind of line the JVM prints', () => {
    for (const line of LINES)
      expect(observerMessageSchema.safeParse(JSON.parse(line)).success).toBe(true);
  });

  it('rejects an error kind it does not know and a malformed event', () => {
    const badKind = { id: 1, ok: false, error: { kind: 'oops', message: 'x' } };
    expect(observerMessageSchema.safeParse(badKind).success).toBe(false);
    expect(observerMessageSchema.safeParse({ event: 'commits', commits: [{}] }).success).toBe(
      false,
    );
  });

  it('validates results per op', () => {
    const observe = {
      at: 1,
      groups: [
        {
          groupId: 'g',
          type: 'Classic',
          state: 'Empty',
          protocol: '',
          protocolType: '',
          groupEpoch: null,
          assignmentEpoch: null,
          members: [],
          offsets: [{ topic: 't1', partition: 0, offset: 0 }],
        },
      ],
    };
    expect(observerResultSchemas.observe.safeParse(observe).success).toBe(true);
    expect(observerResultSchemas.createTopic.safeParse({ created: 'yes' }).success).toBe(false);
  });

  it('checks requests before they are sent', () => {
    expect(
      observerOpSchema.safeParse({ op: 'observe', parts: ['groups', 'offsets'] }).success,
    ).toBe(true);
    expect(observerOpSchema.safeParse({ op: 'observe', parts: ['everything'] }).success).toBe(
      false,
    );
    expect(
      observerOpSchema.safeParse({ op: 'setOffsets', groupId: 'g', offsets: [] }).success,
    ).toBe(false);
    expect(observerOpSchema.safeParse({ op: 'ping', delayMs: 120_000 }).success).toBe(false);
  });
});
