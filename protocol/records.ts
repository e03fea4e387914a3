import { z } from 'zod';
import { topicName } from './fields';

/** Where the message browser starts reading a partition. */
export const READ_FROM = ['offset', 'timestamp', 'end'] as const;
export const ISOLATION_LEVELS = ['read_uncommitted', 'read_committed'] as const;
export const MAX_READ_LIMIT = 100;
export const DEFAULT_READ_LIMIT = 20;

const whole = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a whole number from ${min} to ${max}` })
    .int({ error: `${field} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${field} must be a whole number from ${min} to ${max}` })
    .max(max, { error: `${field} must be a whole number from ${min} to ${max}` });

/**
 * One page of a partition, read without any group: from an offset, from the first record at or
 * after a time (epoch ms), or the last `value` records before the end. Query strings arrive as
 * text, hence the coercion.
 */
export const readRecordsQuerySchema = z.object({
  topic: topicName,
  partition: whole('partition', 0, 1_000_000),
  from: z
    .enum(READ_FROM, { error: `from must be one of ${READ_FROM.join(', ')}` })
    .default('offset'),
  value: whole('value', 0, Number.MAX_SAFE_INTEGER).default(0),
  limit: whole('limit', 1, MAX_READ_LIMIT).default(DEFAULT_READ_LIMIT),
  isolation: z
    .enum(ISOLATION_LEVELS, { error: `isolation must be one of ${ISOLATION_LEVELS.join(', ')}` })
    .default('read_uncommitted'),
});
export type ReadRecordsQuery = z.infer<typeof readRecordsQuerySchema>;
export type ReadRecordsInput = z.input<typeof readRecordsQuerySchema>;

const encoding = z.enum(['utf8', 'base64']).optional();

/** Bytes as the browser shows them: text, or base64 when not UTF-8; long ones cut, and said so. */
export const recordSchema = z.object({
  offset: z.number(),
  timestamp: z.number(),
  timestampType: z.string(),
  key: z.string().nullable(),
  keyEncoding: encoding,
  keySize: z.number().optional(),
  keyTruncated: z.boolean().optional(),
  value: z.string().nullable(),
  valueEncoding: encoding,
  valueSize: z.number().optional(),
  valueTruncated: z.boolean().optional(),
  headers: z.array(
    z.object({
      key: z.string(),
      value: z.string().nullable(),
      valueEncoding: encoding,
      valueSize: z.number().optional(),
      valueTruncated: z.boolean().optional(),
    }),
  ),
});
export type KafkaRecord = z.infer<typeof recordSchema>;

export const readRecordsResultSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  logStartOffset: z.number(),
  logEndOffset: z.number(),
  /** The offset reading started at (after resolving a time or "end"). */
  from: z.number(),
  /** Where the next page starts. */
  nextOffset: z.number(),
  records: z.array(recordSchema),
});
export type ReadRecordsResult = z.infer<typeof readRecordsResultSchema>;

export const readRecordsAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: readRecordsResultSchema }),
  z.object({
    ok: z.literal(false),
    error: z.string(),
    kind: z.enum(['invalid', 'kafka', 'too-many', 'internal']),
  }),
]);
export type ReadRecordsAck = z.infer<typeof readRecordsAckSchema>;
