import { describe, expect, it } from 'vitest';
import { partitionKey, partitionSeriesKey, refOfKey, seriesOfGroup, seriesRefOfKey } from './keys';

// Group ids may hold any character; topics only [a-zA-Z0-9._-].
const GROUPS = [
  'orders',
  'a|b',
  'a',
  '|',
  'x||y|',
  'totals',
  'with space.and.dots',
  'ünï|cødé',
  '',
];
const TOPICS = ['t', 'orders.v1', 'a-b_c.d', '__consumer_offsets'];

describe('partition keys', () => {
  it('give back the topic and partition they were built from', () => {
    for (const topic of TOPICS)
      for (const partition of [0, 7, 1023])
        expect(refOfKey(partitionKey(topic, partition))).toEqual({ topic, partition });
  });

  it('give back group, topic and partition for any legal group id', () => {
    for (const groupId of GROUPS)
      for (const topic of TOPICS)
        expect(seriesRefOfKey(partitionSeriesKey(groupId, topic, 3))).toEqual({
          groupId,
          topic,
          partition: 3,
        });
  });

  it("pick a group's series only, not those of a group whose id starts with it and '|'", () => {
    const keys = GROUPS.flatMap((g) => [
      partitionSeriesKey(g, 't', 0),
      partitionSeriesKey(g, 't', 1),
    ]);
    for (const groupId of GROUPS)
      expect(seriesOfGroup(keys, groupId).map((k) => seriesRefOfKey(k).groupId)).toEqual([
        groupId,
        groupId,
      ]);
  });
});
