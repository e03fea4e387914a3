import { z } from 'zod';
import { intInRange, topicName } from './fields';

const MAX_RETENTION_MS = 365 * 24 * 3600 * 1000;
const MAX_RETENTION_BYTES = 2 ** 40;

/** -1 or an integer in range; the error names the field, what -1 means and the range. */
function orUnlimited(field: string, min: number, max: number, minusOne: string, unit: string) {
  const message = `${field} must be -1 (${minusOne}) or an integer from ${min} to ${max} (${unit})`;
  return z
    .number({ error: message })
    .int({ error: message })
    .refine((v) => v === -1 || (v >= min && v <= max), { error: message });
}

/**
 * The per-topic settings the lab can change, and Kafka's name for each. Lab floors are low on
 * purpose, so retention can be watched working within seconds; segment.bytes cannot go below
 * Kafka 4's own minimum of 1 MiB, and segments roll no faster than once a second.
 */
export const TOPIC_CONFIG_FIELDS = {
  retentionMs: {
    kafka: 'retention.ms',
    schema: orUnlimited('retentionMs', 1000, MAX_RETENTION_MS, 'keep forever', 'ms'),
  },
  retentionBytes: {
    kafka: 'retention.bytes',
    schema: orUnlimited(
      'retentionBytes',
      1,
      MAX_RETENTION_BYTES,
      'no size limit',
      'bytes per partition',
    ),
  },
  segmentMs: { kafka: 'segment.ms', schema: intInRange('segmentMs', 1000, 7 * 24 * 3600 * 1000) },
  segmentBytes: {
    kafka: 'segment.bytes',
    schema: intInRange('segmentBytes', 1024 * 1024, 1024 * 1024 * 1024),
  },
  minInsyncReplicas: {
    kafka: 'min.insync.replicas',
    schema: intInRange('minInsyncReplicas', 1, 32),
  },
} as const;
export type TopicConfigField = keyof typeof TOPIC_CONFIG_FIELDS;
export const TOPIC_CONFIG_KEYS = Object.keys(TOPIC_CONFIG_FIELDS) as TopicConfigField[];

/** `null` puts a setting back to the cluster's default. */
export const topicConfigureSchema = z
  .object({
    type: z.literal('topic:configure'),
    topic: topicName,
    retentionMs: TOPIC_CONFIG_FIELDS.retentionMs.schema.nullable().optional(),
    retentionBytes: TOPIC_CONFIG_FIELDS.retentionBytes.schema.nullable().optional(),
    segmentMs: TOPIC_CONFIG_FIELDS.segmentMs.schema.nullable().optional(),
    segmentBytes: TOPIC_CONFIG_FIELDS.segmentBytes.schema.nullable().optional(),
    minInsyncReplicas: TOPIC_CONFIG_FIELDS.minInsyncReplicas.schema.nullable().optional(),
  })
  .refine((c) => TOPIC_CONFIG_KEYS.some((k) => c[k] !== undefined), {
    error: `give at least one of: ${TOPIC_CONFIG_KEYS.join(', ')}`,
  });
export type TopicConfigureCommand = z.infer<typeof topicConfigureSchema>;

/** The command's settings in Kafka's names: a value sets it, null deletes it (the default). */
export function kafkaTopicConfigs(command: TopicConfigureCommand): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of TOPIC_CONFIG_KEYS) {
    const value = command[key];
    if (value !== undefined)
      out[TOPIC_CONFIG_FIELDS[key].kafka] = value === null ? null : String(value);
  }
  return out;
}
