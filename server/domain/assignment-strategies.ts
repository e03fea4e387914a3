/** Pure partition assignment, as Kafka's RangeAssignor and RoundRobinAssignor define it. */

export interface Subscription {
  memberId: string;
  topics: string[];
}

/** topic → partition ids */
export type TopicPartitions = Record<string, number[]>;
/** memberId → topic → partitions */
export type Assignment = Record<string, TopicPartitions>;

function emptyAssignment(members: Subscription[]): Assignment {
  return Object.fromEntries(members.map((m) => [m.memberId, {}]));
}

function give(assignment: Assignment, memberId: string, topic: string, partition: number): void {
  const byTopic = assignment[memberId] ?? {};
  byTopic[topic] = [...(byTopic[topic] ?? []), partition];
  assignment[memberId] = byTopic;
}

const byMemberId = (a: Subscription, b: Subscription) => a.memberId.localeCompare(b.memberId);

/**
 * Range: per topic, members sorted by id each take a contiguous range; the first
 * (partitions % members) members take one extra.
 */
export function assignRange(members: Subscription[], partitions: TopicPartitions): Assignment {
  const assignment = emptyAssignment(members);
  for (const [topic, ids] of Object.entries(partitions)) {
    const subscribers = members.filter((m) => m.topics.includes(topic)).sort(byMemberId);
    if (subscribers.length === 0) continue;
    const sorted = [...ids].sort((a, b) => a - b);
    const base = Math.floor(sorted.length / subscribers.length);
    const extra = sorted.length % subscribers.length;
    let next = 0;
    subscribers.forEach((member, i) => {
      const count = base + (i < extra ? 1 : 0);
      for (const partition of sorted.slice(next, next + count)) {
        give(assignment, member.memberId, topic, partition);
      }
      next += count;
    });
  }
  return assignment;
}

/**
 * Round-robin: all topic-partitions sorted by topic then partition, dealt in turn to the members
 * sorted by id, skipping members not subscribed to that topic.
 */
export function assignRoundRobin(members: Subscription[], partitions: TopicPartitions): Assignment {
  const assignment = emptyAssignment(members);
  const sortedMembers = [...members].sort(byMemberId);
  if (sortedMembers.length === 0) return assignment;
  const all = Object.keys(partitions)
    .sort()
    .flatMap((topic) =>
      [...(partitions[topic] ?? [])]
        .sort((a, b) => a - b)
        .map((partition) => ({ topic, partition })),
    );
  let cursor = 0;
  for (const { topic, partition } of all) {
    for (let tries = 0; tries < sortedMembers.length; tries++) {
      const member = sortedMembers[cursor % sortedMembers.length];
      cursor++;
      if (member?.topics.includes(topic)) {
        give(assignment, member.memberId, topic, partition);
        break;
      }
    }
  }
  return assignment;
}
