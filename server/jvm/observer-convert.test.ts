import { describe, expect, it } from 'vitest';
import { type WireObservation, wireObservationSchema } from '../../protocol/observer-observation';
import {
  toAdminObservation,
  toGroupState,
  toGroupType,
  toPartialObservation,
} from './observer-convert';

const member = (memberId: string, partitions: number[]) => ({
  memberId,
  clientId: 'c',
  host: '127.0.0.1',
  groupInstanceId: null,
  assignments: [{ topic: 't', partitions }],
  targetAssignments: [{ topic: 't', partitions }],
  memberEpoch: 3,
  upgraded: true,
});

// As the JVM prints it (see Observer.java / GroupJson.java): Kafka's own names for types and states.
const wire: WireObservation = wireObservationSchema.parse({
  at: 1000,
  cluster: { clusterId: 'c1', controller: 1, brokers: [{ nodeId: 1, host: 'h', port: 9092 }] },
  topics: [
    {
      name: 'z',
      internal: false,
      partitions: [
        { partition: 1, leader: 1, replicas: [1], isr: [1], logStartOffset: 0, logEndOffset: 5 },
        { partition: 0, leader: 1, replicas: [1], isr: [1], logStartOffset: 2, logEndOffset: 9 },
      ],
    },
    { name: '__consumer_offsets', internal: true, partitions: [] },
  ],
  groups: [
    {
      groupId: 'kip848',
      type: 'Consumer',
      state: 'Reconciling',
      protocol: 'uniform',
      protocolType: 'consumer',
      groupEpoch: 4,
      assignmentEpoch: 4,
      members: [member('m2', [2, 0]), member('m1', [1])],
      offsets: [
        { topic: 't', partition: 2, offset: 7 },
        { topic: 't', partition: 0, offset: null },
      ],
    },
    {
      groupId: 'classic',
      type: 'Classic',
      state: 'CompletingRebalance',
      protocol: 'range',
      protocolType: 'consumer',
      groupEpoch: null,
      assignmentEpoch: null,
      members: [],
      offsets: [],
    },
  ],
});

describe('observer conversion', () => {
  it("maps Kafka's type and state names, unknown ones to unknown/Unknown", () => {
    expect(toGroupType('Consumer')).toBe('consumer');
    expect(toGroupType('Share')).toBe('share');
    expect(toGroupType('Streams')).toBe('streams');
    expect(toGroupType('Weird')).toBe('unknown');
    expect(toGroupState('PreparingRebalance')).toBe('PreparingRebalance');
    expect(toGroupState('Assigning')).toBe('Assigning');
    expect(toGroupState('NotReady')).toBe('Unknown');
  });

  it('sorts topics, partitions, groups, members, assignments and offsets', () => {
    const obs = toAdminObservation(wire);
    expect(obs.topics.map((t) => t.name)).toEqual(['__consumer_offsets', 'z']);
    expect(obs.topics[1]?.partitions.map((p) => p.partition)).toEqual([0, 1]);
    expect(obs.groups.map((g) => g.groupId)).toEqual(['classic', 'kip848']);
    const kip848 = obs.groups[1];
    expect(kip848?.type).toBe('consumer');
    expect(kip848?.state).toBe('Reconciling');
    expect(kip848?.members.map((m) => m.memberId)).toEqual(['m1', 'm2']);
    expect(kip848?.members[1]?.assignments).toEqual([{ topic: 't', partitions: [0, 2] }]);
    expect(kip848?.offsets).toEqual([
      { topic: 't', partition: 0, offset: null },
      { topic: 't', partition: 2, offset: 7 },
    ]);
  });

  it('keeps only the asked-for sections of a partial observation', () => {
    const partial = toPartialObservation({ at: 5, groups: wire.groups });
    expect(partial.cluster).toBeUndefined();
    expect(partial.topics).toBeUndefined();
    expect(partial.groups).toHaveLength(2);
  });

  it('refuses to call a partial observation full', () => {
    expect(() => toAdminObservation({ at: 5, groups: wire.groups })).toThrow(/needs cluster/);
    const noOffsets = {
      ...wire,
      topics: [
        {
          name: 'a',
          internal: false,
          partitions: [
            {
              partition: 0,
              leader: 1,
              replicas: [1],
              isr: [1],
              logStartOffset: null,
              logEndOffset: null,
            },
          ],
        },
      ],
    };
    expect(() => toAdminObservation(noOffsets)).toThrow(/no log offsets/);
  });
});
