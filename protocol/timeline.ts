import { z } from 'zod';
import { textSchema } from './texts';

export const TIMELINE_KINDS = [
  'consumer-started',
  'member-joined',
  'member-left',
  'consumer-crashed',
  /** SIGSTOP / SIGCONT: a process alive but silent, and back. */
  'consumer-frozen',
  'consumer-thawed',
  'member-evicted',
  'rebalance-started',
  'rebalance-completed',
  'commits',
  'producer-error',
  'producer-recovered',
  'topic-created',
  'topic-partitions-added',
  'topic-deleted',
  'group-created',
  'group-deleted',
  'broker-unreachable',
  'broker-connected',
  'consumer-error',
  'offsets-reset',
  'dead-lettered',
  /** A JVM of the lab's own Kafka started, or stopped (killed, stopped, exited). */
  'node-started',
  'node-stopped',
  /** Kafka's view of a topic's replicas: leaders elected elsewhere, ISR shrunk or grown. */
  'leader-moved',
  'isr-changed',
  'topic-configured',
  /** A consumer found its position gone (OFFSET_OUT_OF_RANGE) and jumped per auto.offset.reset. */
  'offsets-skipped',
] as const;

export const timelineEventSchema = z.object({
  id: z.number(),
  at: z.number(),
  kind: z.enum(TIMELINE_KINDS),
  groupId: z.string().nullable(),
  /** The sentence in English (API, logs); `text` lets the page word it in its language. */
  message: z.string(),
  text: textSchema.nullable(),
  /** Rebalance or eviction duration, where the event has one. */
  durationMs: z.number().nullable(),
  /** How many raw events an aggregated entry (commits) stands for. */
  count: z.number(),
});

export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
