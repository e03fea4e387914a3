import type { ObservePart, ObserverResult } from '../../protocol/observer';
import type { ReadRecordsQuery, ReadRecordsResult } from '../../protocol/records';
import type { AdminObservation } from '../state/observation';
import {
  type PartialObservation,
  toAdminObservation,
  toPartialObservation,
} from './observer-convert';
import { isObserverError } from './observer-error';
import {
  type CommitListener,
  type JvmObserverOptions,
  ObserverSupervisor,
} from './observer-supervisor';

export type { CommitListener, JvmObserverOptions } from './observer-supervisor';

export interface CommitStream {
  mode: 'tail' | 'polling';
  reason: string | null;
  stop: () => void;
}

/**
 * Kafka's own Admin client (which knows KIP-848, share and streams groups) in one supervised JVM,
 * with the same contract as the kafkajs AdminPoller plus group configs, metrics and the commit
 * stream. Errors are ObserverErrors whose `kind` says what went wrong.
 */
export class JvmObserver {
  private readonly jvm: ObserverSupervisor;

  constructor(options: JvmObserverOptions) {
    this.jvm = new ObserverSupervisor(options);
  }

  /** The current JVM's pid, null while none runs. */
  get pid(): number | null {
    return this.jvm.pid;
  }

  poll(): Promise<AdminObservation>;
  poll(parts: readonly ObservePart[], groupIds?: string[]): Promise<PartialObservation>;
  async poll(
    parts?: readonly ObservePart[],
    groupIds?: string[],
  ): Promise<AdminObservation | PartialObservation> {
    if (!parts) return toAdminObservation(await this.jvm.call({ op: 'observe' }));
    return toPartialObservation(
      await this.jvm.call({ op: 'observe', parts: [...parts], groupIds }),
    );
  }

  /** False when the topic already existed (as kafkajs' createTopics answers). */
  async createTopic(
    topic: string,
    partitions: number,
    replicationFactor: number,
    configs?: Record<string, string>,
  ): Promise<boolean> {
    const op = { op: 'createTopic', topic, partitions, replicationFactor, configs } as const;
    return (await this.jvm.call(op)).created;
  }

  async addPartitions(topic: string, count: number): Promise<void> {
    await this.jvm.call({ op: 'addPartitions', topic, count });
  }

  async deleteTopic(topic: string): Promise<void> {
    await this.jvm.call({ op: 'deleteTopic', topic });
  }

  /** Kafka accepts this only for a group with no active members; otherwise kind `not-empty`. */
  async setOffsets(
    groupId: string,
    topic: string,
    offsets: { partition: number; offset: number }[],
  ): Promise<void> {
    const list = offsets.map((o) => ({ topic, partition: o.partition, offset: o.offset }));
    await this.jvm.call({ op: 'setOffsets', groupId, offsets: list });
  }

  /** Forgets the group's committed offsets of these partitions; Empty groups only, like setOffsets. */
  async deleteOffsets(groupId: string, topic: string, partitions: number[]): Promise<void> {
    await this.jvm.call({ op: 'deleteOffsets', groupId, topic, partitions });
  }

  /** Per partition, the first offset whose timestamp is at or after `timestamp`; null if none. */
  async offsetsByTimestamp(topic: string, timestamp: number): Promise<Map<number, number | null>> {
    const { offsets } = await this.jvm.call({ op: 'offsetsForTimes', topic, timestamp });
    return new Map(offsets.map((o) => [o.partition, o.offset]));
  }

  async deleteGroup(groupId: string): Promise<void> {
    await this.jvm.call({ op: 'deleteGroup', groupId });
  }

  /** Group configs (KIP-848/932), e.g. consumer.session.timeout.ms; null resets to the default. */
  async setGroupConfig(groupId: string, configs: Record<string, string | null>): Promise<void> {
    await this.jvm.call({ op: 'setGroupConfig', groupId, configs });
  }

  /** The topic's retention.* and segment.* configs. */
  async topicConfig(topic: string): Promise<Record<string, string | null>> {
    return (await this.jvm.call({ op: 'topicConfig', topic })).configs;
  }

  async alterTopicConfig(topic: string, configs: Record<string, string | null>): Promise<void> {
    await this.jvm.call({ op: 'alterTopicConfig', topic, configs });
  }

  /** The Admin's (and the commit tail's) request-total and request-rate, summed over nodes. */
  metrics(): Promise<ObserverResult<'metrics'>> {
    return this.jvm.call({ op: 'metrics' });
  }

  /** Finalized feature levels (metadata.version, group.version, share.version, …). */
  async features(): Promise<Record<string, number>> {
    return (await this.jvm.call({ op: 'features' })).finalized;
  }

  /** A page of a partition's records, read by a consumer with no group (the message browser). */
  readRecords(query: ReadRecordsQuery): Promise<ReadRecordsResult> {
    return this.jvm.call({ op: 'readRecords', ...query });
  }

  /** The record each offset points at (or the next one), with its timestamp: lag in time. */
  recordTimes(
    partitions: { topic: string; partition: number; offset: number }[],
  ): Promise<ObserverResult<'recordTimes'>> {
    return this.jvm.call({ op: 'recordTimes', partitions });
  }

  async ping(delayMs?: number): Promise<void> {
    await this.jvm.call({ op: 'ping', delayMs });
  }

  /** Drops the JVM's Admin client, so a restarted broker gets fresh connections. */
  async reset(): Promise<void> {
    if (this.jvm.running) await this.jvm.call({ op: 'reset' });
  }

  /**
   * Streams every commit written to __consumer_offsets to `listener`. Where the cluster refuses
   * to let us read that topic, answers mode `polling`: committed offsets then come from poll().
   * A restarted JVM resumes the stream on its own (from the log end: resync with a poll).
   */
  async tailCommits(listener: CommitListener): Promise<CommitStream> {
    this.jvm.listeners.add(listener);
    const stop = () => {
      this.jvm.listeners.delete(listener);
    };
    try {
      await this.jvm.call({ op: 'tailCommits' });
      return { mode: 'tail', reason: null, stop };
    } catch (error) {
      if (isObserverError(error, 'authorization')) {
        return { mode: 'polling', reason: error.message, stop };
      }
      stop();
      throw error;
    }
  }

  /** Ends the JVM (stdin closed, then killed if need be); no later request starts another. */
  close(): Promise<void> {
    return this.jvm.close();
  }
}
