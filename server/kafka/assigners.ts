import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';
import { KAFKA_ASSIGNOR_NAMES } from '../../protocol/consumer-kinds';
import { assignRange, assignRoundRobin, type Subscription } from '../domain/assignment-strategies';

/** The assignors the lab implements for kafkajs (Kafka's RangeAssignor and RoundRobinAssignor). */
export type KafkajsAssignor = 'range' | 'round-robin';

/**
 * Changing this makes the member's JoinGroup metadata differ, which is what makes the
 * coordinator rebalance the group when the member rejoins (a same-metadata follower would not).
 */
let rejoinNonce = 0;
export function bumpRejoinNonce(): void {
  rejoinNonce++;
}

export function labAssigner(assignor: KafkajsAssignor): PartitionAssigner {
  const strategy = assignor === 'range' ? assignRange : assignRoundRobin;
  return ({ cluster }) => ({
    name: KAFKA_ASSIGNOR_NAMES[assignor],
    version: 0,
    async assign({ members, topics }) {
      const subscriptions: Subscription[] = members.map((m) => ({
        memberId: m.memberId,
        topics: AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? topics,
      }));
      const partitions = Object.fromEntries(
        topics.map((topic) => [
          topic,
          cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId),
        ]),
      );
      const assignment = strategy(subscriptions, partitions);
      return Object.entries(assignment).map(([memberId, byTopic]) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 0,
          assignment: byTopic,
          userData: Buffer.alloc(0),
        }),
      }));
    },
    protocol({ topics }) {
      return {
        name: KAFKA_ASSIGNOR_NAMES[assignor],
        metadata: AssignerProtocol.MemberMetadata.encode({
          version: 0,
          topics,
          userData: Buffer.from(String(rejoinNonce)),
        }),
      };
    },
  });
}
