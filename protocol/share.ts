import { z } from 'zod';

/**
 * Lab share groups (KIP-932): the group:create fields a share group takes, their ranges, and the
 * settings the server keeps and hands to each share worker. The ranges are what the lab broker
 * allows (server/broker/broker-properties.ts), so a value the API accepts is one Kafka takes.
 */

/** explicit: the worker acknowledges each record itself; implicit: the next poll accepts them all. */
export const SHARE_ACK_MODES = ['explicit', 'implicit'] as const;
/** Records a member acquires per poll (share.acquire.mode=record_limit makes this exact). */
export const SHARE_MAX_POLL_RECORDS = { min: 1, max: 100, default: 5 } as const;
/** share.record.lock.duration.ms: group.share.min/max.record.lock.duration.ms on the lab broker. */
export const SHARE_LOCK_MS = { min: 1000, max: 60_000, default: 10_000 } as const;
/** share.delivery.count.limit: the broker's group.share.min/max.delivery.count.limit. */
export const SHARE_DELIVERY_LIMIT = { min: 2, max: 10, default: 5 } as const;

/** What a member answered for a record (Kafka's AcknowledgeType, lower case). */
export const SHARE_OUTCOMES = ['accept', 'release', 'reject'] as const;

/**
 * A record of a share partition as the lab last saw it: locked for a member (`acquired`), done
 * (`accepted`, `rejected`), given back for another try (`released`), archived after its last
 * try, or free again after its lock expired (`available`).
 */
export const SHARE_RECORD_STATES = [
  'acquired',
  'accepted',
  'released',
  'rejected',
  'archived',
  'available',
] as const;
export type ShareRecordState = (typeof SHARE_RECORD_STATES)[number];

/** How many of a partition's latest records the window keeps. */
export const SHARE_WINDOW_SIZE = 60;

export const shareRecordSchema = z.object({
  offset: z.number(),
  state: z.enum(SHARE_RECORD_STATES),
  /** The lab consumer that acquired it last. */
  consumerId: z.string(),
  deliveryCount: z.number(),
  /** acquired: when its lock runs out (acquisition + Kafka's lock duration). */
  lockUntil: z.number().nullable(),
  /** When the member that has it last acquired it; null if the lab missed that report. */
  acquiredAt: z.number().nullable(),
  at: z.number(),
});
export type ShareRecord = z.infer<typeof shareRecordSchema>;

export const shareWindowSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  records: z.array(shareRecordSchema),
});

/** Per lab member of a share group, from its reports. */
export const shareCountsSchema = z.object({
  acquired: z.number(),
  accepted: z.number(),
  released: z.number(),
  rejected: z.number(),
  /** Acquisitions with a delivery count above 1: records another try brought back. */
  redelivered: z.number(),
});
export type ShareCounts = z.infer<typeof shareCountsSchema>;

export const shareConfigSchema = z.object({
  ackMode: z.enum(SHARE_ACK_MODES),
  maxPollRecords: z.number(),
  lockMs: z.number(),
  deliveryLimit: z.number(),
});
export type ShareConfig = z.infer<typeof shareConfigSchema>;

/** The group:create fields of a share group, as the command carries them (all optional). */
export interface ShareInput {
  shareAckMode?: (typeof SHARE_ACK_MODES)[number] | undefined;
  maxPollRecords?: number | undefined;
  shareLockMs?: number | undefined;
  shareDeliveryLimit?: number | undefined;
}

export function shareConfigOf(input: ShareInput): ShareConfig {
  return {
    ackMode: input.shareAckMode ?? 'explicit',
    maxPollRecords: input.maxPollRecords ?? SHARE_MAX_POLL_RECORDS.default,
    lockMs: input.shareLockMs ?? SHARE_LOCK_MS.default,
    deliveryLimit: input.shareDeliveryLimit ?? SHARE_DELIVERY_LIMIT.default,
  };
}

/** The group configs a lab share group gets before its first member joins (Kafka's names). */
export function shareGroupConfigs(
  share: ShareConfig,
  offsetReset: string,
  sessionTimeoutMs: number,
  heartbeatIntervalMs: number,
): Record<string, string> {
  return {
    'share.auto.offset.reset': offsetReset,
    'share.record.lock.duration.ms': String(share.lockMs),
    'share.delivery.count.limit': String(share.deliveryLimit),
    'share.session.timeout.ms': String(sessionTimeoutMs),
    'share.heartbeat.interval.ms': String(heartbeatIntervalMs),
  };
}
