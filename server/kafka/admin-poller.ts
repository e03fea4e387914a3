import { type Admin, AssignerProtocol, type GroupDescription } from 'kafkajs';
import { GROUP_STATES, type GroupState } from '../../protocol/snapshot';
import type {
  AdminObservation,
  ObservedGroup,
  ObservedMember,
  ObservedTopic,
} from '../state/observation';
import { createKafka } from './client';

/** Reads the whole cluster (topics, offsets, every group) through one admin client. */
export class AdminPoller {
  private admin: Admin | null = null;

  constructor(private readonly brokers: string[]) {}

  private async client(): Promise<Admin> {
    if (this.admin) return this.admin;
    const admin = createKafka({
      brokers: this.brokers,
      clientId: 'offset-lab-admin',
      retries: 1,
    }).admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }

  /** Drops the client after a failure, so a restarted broker gets fresh connections. */
  async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }

  async poll(): Promise<AdminObservation> {
    try {
      return await this.read(await this.client());
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  async createTopic(
    topic: string,
    partitions: number,
    replicationFactor: number,
  ): Promise<boolean> {
    const admin = await this.client();
    return admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor }],
      waitForLeaders: true,
    });
  }

  async addPartitions(topic: string, count: number): Promise<void> {
    await (await this.client()).createPartitions({ topicPartitions: [{ topic, count }] });
  }

  async deleteTopic(topic: string): Promise<void> {
    await (await this.client()).deleteTopics({ topics: [topic] });
  }

  /** Kafka accepts this only for a group with no active members (Empty). */
  async setOffsets(
    groupId: string,
    topic: string,
    offsets: { partition: number; offset: number }[],
  ): Promise<void> {
    await (await this.client()).setOffsets({
      groupId,
      topic,
      partitions: offsets.map((o) => ({ partition: o.partition, offset: String(o.offset) })),
    });
  }

  /** Per partition, the first offset whose timestamp is at or after `timestamp`; null if none. */
  async offsetsByTimestamp(topic: string, timestamp: number): Promise<Map<number, number | null>> {
    const found = await (await this.client()).fetchTopicOffsetsByTimestamp(topic, timestamp);
    return new Map(
      found.map((p) => [p.partition, Number(p.offset) >= 0 ? Number(p.offset) : null]),
    );
  }

  async deleteGroup(groupId: string): Promise<void> {
    await (await this.client()).deleteGroups([groupId]);
  }

  private async read(admin: Admin): Promise<AdminObservation> {
    const at = Date.now();
    const [cluster, metadata, listed] = await Promise.all([
      admin.describeCluster(),
      admin.fetchTopicMetadata(),
      admin.listGroups(),
    ]);
    // One topic or group vanishing mid-poll (deleted by someone) must not fail the whole poll.
    const topics = settled(
      await Promise.allSettled(
        metadata.topics.map(async (topic): Promise<ObservedTopic> => {
          const offsets = await admin.fetchTopicOffsets(topic.name);
          const byPartition = new Map(offsets.map((o) => [o.partition, o]));
          return {
            name: topic.name,
            internal: topic.name.startsWith('__'),
            partitions: topic.partitions
              .map((p) => ({
                partition: p.partitionId,
                leader: p.leader,
                replicas: p.replicas,
                isr: p.isr,
                logStartOffset: Number(byPartition.get(p.partitionId)?.low ?? 0),
                logEndOffset: Number(byPartition.get(p.partitionId)?.high ?? 0),
              }))
              .sort((a, b) => a.partition - b.partition),
          };
        }),
      ),
    );
    const groupIds = listed.groups.map((g) => g.groupId);
    const described = groupIds.length > 0 ? (await admin.describeGroups(groupIds)).groups : [];
    const groups = settled(
      await Promise.allSettled(described.map((g) => this.readGroup(admin, g))),
    );
    return {
      at,
      cluster: {
        clusterId: cluster.clusterId,
        controller: cluster.controller,
        brokers: cluster.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
      },
      topics: topics.sort((a, b) => a.name.localeCompare(b.name)),
      groups: groups.sort((a, b) => a.groupId.localeCompare(b.groupId)),
    };
  }

  private async readGroup(admin: Admin, group: GroupDescription): Promise<ObservedGroup> {
    const committed = await admin.fetchOffsets({ groupId: group.groupId });
    return {
      groupId: group.groupId,
      type: 'classic',
      groupEpoch: null,
      assignmentEpoch: null,
      state: toGroupState(group.state),
      protocol: group.protocol,
      protocolType: group.protocolType,
      members: group.members.map(
        (m): ObservedMember => ({
          memberId: m.memberId,
          clientId: m.clientId,
          host: m.clientHost.replace(/^\//, ''),
          groupInstanceId: null,
          targetAssignments: null,
          memberEpoch: null,
          upgraded: null,
          assignments:
            group.protocolType === 'consumer' ? decodeAssignment(m.memberAssignment) : [],
        }),
      ),
      offsets: committed.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.topic,
          partition: p.partition,
          offset: Number(p.offset) >= 0 ? Number(p.offset) : null,
        })),
      ),
    };
  }
}

function settled<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

function toGroupState(state: string): GroupState {
  return (GROUP_STATES as readonly string[]).includes(state) ? (state as GroupState) : 'Unknown';
}

function decodeAssignment(buffer: Buffer): ObservedMember['assignments'] {
  if (buffer.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
    return Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({
      topic,
      partitions: [...partitions].sort((a, b) => a - b),
    }));
  } catch {
    return [];
  }
}
