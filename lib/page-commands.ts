/**
 * The commands the page builds from its forms, in one place: each sends only the fields that mean
 * something with the options chosen (the server refuses any other, FIELD_APPLIES). Commands
 * written as object literals elsewhere are checked by the compiler against CommandInput.
 */
import { type CommandInput, REPLAY_FROM, type ResetTarget } from '@/protocol/commands';
import type { ConsumerClient, GroupProtocol } from '@/protocol/consumer-kinds';
import {
  BATCH_COMMIT_EVERY,
  BATCH_COMMIT_INTERVAL_MS,
  RETRY_ATTEMPTS,
  RETRY_BACKOFF_MS,
} from '@/protocol/delivery';
import {
  type SHARE_ACK_MODES,
  SHARE_DELIVERY_LIMIT,
  SHARE_LOCK_MS,
  SHARE_MAX_POLL_RECORDS,
} from '@/protocol/share';
import { TOPIC_CONFIG_KEYS, type TopicConfigField } from '@/protocol/topic-config';

/** A share group's fields (protocol "share"), as the form holds them. */
export interface ShareForm {
  shareAckMode: (typeof SHARE_ACK_MODES)[number];
  maxPollRecords: string;
  shareLockMs: string;
  shareDeliveryLimit: string;
}

export const SHARE_DEFAULTS: ShareForm = {
  shareAckMode: 'explicit',
  maxPollRecords: String(SHARE_MAX_POLL_RECORDS.default),
  shareLockMs: String(SHARE_LOCK_MS.default),
  shareDeliveryLimit: String(SHARE_DELIVERY_LIMIT.default),
};

/** The create-group fields of batch commits and retry + DLQ, as the form holds them. */
export interface DeliveryForm {
  batchCommitEvery: string;
  batchCommitIntervalMs: string;
  dlq: boolean;
  retryAttempts: string;
  retryBackoffMs: string;
}

export const DELIVERY_DEFAULTS: DeliveryForm = {
  batchCommitEvery: String(BATCH_COMMIT_EVERY.default),
  batchCommitIntervalMs: String(BATCH_COMMIT_INTERVAL_MS.default),
  dlq: false,
  retryAttempts: String(RETRY_ATTEMPTS.default),
  retryBackoffMs: String(RETRY_BACKOFF_MS.default),
};

/** The create-group form as its inputs hold it (text where the user types). */
export interface GroupForm {
  groupId: string;
  topic: string;
  consumers: string;
  client: ConsumerClient;
  protocol: GroupProtocol;
  assignor: string;
  staticMembership: boolean;
  maxPollIntervalMs: string;
  commitMode: string;
  autoCommitIntervalMs: string;
  offsetReset: string;
  sessionTimeoutMs: string;
}

export function groupCreateCommand(
  form: GroupForm,
  delivery: DeliveryForm,
  share: ShareForm = SHARE_DEFAULTS,
): CommandInput {
  const java = form.client === 'java';
  if (form.protocol === 'share') {
    // A share group acknowledges records: no commit mode, DLQ, static membership or poll interval.
    return {
      type: 'group:create',
      groupId: form.groupId,
      topic: form.topic,
      consumers: Number(form.consumers),
      client: form.client,
      protocol: 'share',
      assignor: form.assignor,
      offsetReset: form.offsetReset,
      sessionTimeoutMs: Number(form.sessionTimeoutMs),
      shareAckMode: share.shareAckMode,
      maxPollRecords: Number(share.maxPollRecords),
      shareLockMs: Number(share.shareLockMs),
      shareDeliveryLimit: Number(share.shareDeliveryLimit),
    } as CommandInput;
  }
  return {
    type: 'group:create',
    groupId: form.groupId,
    topic: form.topic,
    consumers: Number(form.consumers),
    client: form.client,
    protocol: form.protocol,
    assignor: form.assignor,
    staticMembership: form.staticMembership,
    commitMode: form.commitMode,
    offsetReset: form.offsetReset,
    sessionTimeoutMs: Number(form.sessionTimeoutMs),
    ...(form.commitMode === 'auto'
      ? { autoCommitIntervalMs: Number(form.autoCommitIntervalMs) }
      : {}),
    ...(java && form.maxPollIntervalMs
      ? { maxPollIntervalMs: Number(form.maxPollIntervalMs) }
      : {}),
    ...(form.commitMode === 'batch'
      ? {
          batchCommitEvery: Number(delivery.batchCommitEvery),
          batchCommitIntervalMs: Number(delivery.batchCommitIntervalMs),
        }
      : {}),
    ...(delivery.dlq
      ? {
          dlq: true,
          retryAttempts: Number(delivery.retryAttempts),
          retryBackoffMs: Number(delivery.retryBackoffMs),
        }
      : {}),
  } as CommandInput; // the server validates every value and answers with the field at fault
}

const VALUE_TARGETS: readonly ResetTarget[] = ['offset', 'timestamp', 'shift', 'last'];

/**
 * The reset dialog's command: a preview or a reset of a stopped group, or a replay (stop, reset,
 * restart) when members run and the target is one a replay takes.
 */
export function resetCommand(input: {
  groupId: string;
  to: ResetTarget;
  value: number;
  dryRun: boolean;
  running: number;
}): CommandInput {
  const { groupId, to, value, dryRun, running } = input;
  const withValue = VALUE_TARGETS.includes(to) ? { value } : {};
  const replayFrom = (REPLAY_FROM as readonly string[]).includes(to)
    ? (to as (typeof REPLAY_FROM)[number])
    : null;
  if (running > 0 && replayFrom !== null && !dryRun)
    return { type: 'group:replay', groupId, from: replayFrom, ...withValue };
  return { type: 'group:reset-offsets', groupId, to, dryRun, ...withValue };
}

/** A target group:replay takes too (it cannot replay to `latest` or by a shift). */
export function isReplayTarget(to: ResetTarget): boolean {
  return (REPLAY_FROM as readonly string[]).includes(to);
}

/** Whether a reset dialog's Apply goes through group:replay (members run). */
export function resetIsReplay(to: ResetTarget, running: number): boolean {
  return running > 0 && isReplayTarget(to);
}

/** Only the settings typed in; empty inputs stay as they are on the topic. */
export function topicConfigureCommand(
  topic: string,
  values: Partial<Record<TopicConfigField, string>>,
): CommandInput {
  const changes: Partial<Record<TopicConfigField, number>> = {};
  for (const key of TOPIC_CONFIG_KEYS) {
    const v = values[key]?.trim();
    if (v) changes[key] = Number(v);
  }
  return { type: 'topic:configure', topic, ...changes };
}
