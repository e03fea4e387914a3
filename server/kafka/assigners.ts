import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';
import type { Assignor } from '../../protocol/commands';
import { assignRange, assignRoundRobin, type Subscription } from '../lab/assignment-strategies';

/** Kafka's own protocol names, so Java consumers with the same assignor can share a group. */
export const PROTOCOL_NAMES: Record<Assignor, string> = {
  range: 'range',
  'round-robin': 'roundrobin',
};

/**
 * Changing this makes the member's JoinGroup metadata differ, which is what makes the
 * coordinator rebalance the group when the member rejoins (a same-metadata follower would not).
 */
let rejoinNonce = 0;
export function bumpRejoinNonce(): void {
  rejoinNonce++;
}

export function labAssigner(assignor: Assignor): PartitionAssigner {
  const strategy = assignor === 'range' ? assignRange : assignRoundRobin;
  return ({ cluster }) => ({
    name: PROTOCOL_NAMES[assignor],
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
        name: PROTOCOL_NAMES[assignor],
        metadata: AssignerProtocol.MemberMetadata.encode({
          version: 0,
          topics,
          userData: Buffer.from(String(rejoinNonce)),
        }),
      };
    },
  });
}
