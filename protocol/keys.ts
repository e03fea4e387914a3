import type { PartitionRef } from './group';

/**
 * The string keys that name a partition (`topic|partition`) and a group's partition series
 * (`group|topic|partition`). Kafka allows only [a-zA-Z0-9._-] in a topic name, but any character
 * in a group id, '|' included: keys are split from the right, never with split('|').
 */
export type PartitionKey = string;

export const partitionKey = (topic: string, partition: number): PartitionKey =>
  `${topic}|${partition}`;

export function refOfKey(key: PartitionKey): PartitionRef {
  const at = key.lastIndexOf('|');
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) };
}

export const partitionSeriesKey = (groupId: string, topic: string, partition: number): string =>
  `${groupId}|${partitionKey(topic, partition)}`;

export interface SeriesRef extends PartitionRef {
  groupId: string;
}

export function seriesRefOfKey(key: string): SeriesRef {
  const at = key.lastIndexOf('|');
  const between = key.lastIndexOf('|', at - 1);
  return {
    groupId: key.slice(0, between),
    topic: key.slice(between + 1, at),
    partition: Number(key.slice(at + 1)),
  };
}

/** The series keys among `keys` that belong to `groupId` (a prefix test would also take `a|b`'s for `a`). */
export const seriesOfGroup = (keys: Iterable<string>, groupId: string): string[] =>
  [...keys].filter((k) => seriesRefOfKey(k).groupId === groupId);
