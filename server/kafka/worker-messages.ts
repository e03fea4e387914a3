import type { WorkerMessage } from '../../protocol/ipc';

/** kafkajs' GROUP_JOIN payload, the parts the lab reads. */
export interface JoinPayload {
  memberId: string;
  leaderId?: string;
  isLeader: boolean;
  groupProtocol?: string;
  memberAssignment: Record<string, number[]>;
  duration: number;
}

/** kafkajs' COMMIT_OFFSETS payload, the parts the lab reads. */
export interface CommitPayload {
  groupGenerationId?: number;
  topics: { topic: string; partitions: { partition: string | number; offset: string }[] }[];
}

type Message<T extends WorkerMessage['type']> = Extract<WorkerMessage, { type: T }>;

export function joinedMessage(payload: JoinPayload, at: number): Message<'joined'> {
  const assignment = Object.entries(payload.memberAssignment).map(([topic, partitions]) => ({
    topic,
    partitions,
  }));
  return {
    type: 'joined',
    memberId: payload.memberId,
    leaderId: payload.leaderId ?? null,
    isLeader: payload.isLeader,
    protocol: payload.groupProtocol ?? null,
    generationId: null,
    assignment,
    // Eager: everything was revoked when the rebalance began, so all of it is newly assigned.
    added: assignment,
    durationMs: payload.duration,
    at,
  };
}

export function committedMessage(payload: CommitPayload, at: number): Message<'committed'> {
  return {
    type: 'committed',
    generationId: payload.groupGenerationId ?? null,
    offsets: payload.topics.flatMap((t) =>
      t.partitions.map((p) => ({
        topic: t.topic,
        partition: Number(p.partition),
        offset: Number(p.offset),
      })),
    ),
    at,
  };
}

export function errorMessage(message: string, at: number): Message<'error'> {
  return { type: 'error', message, at };
}
