import { z } from 'zod';

/** An integer field whose error names the field and the allowed range. */
export function intInRange(field: string, min: number, max: number) {
  const message = `${field} must be an integer from ${min} to ${max}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

/** One of a fixed set of strings; the error lists the allowed values. */
export function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: `${field} must be one of: ${values.join(', ')}` });
}

// Kafka's own rule (Topic.validate): 1-249 chars of [a-zA-Z0-9._-], not "." or "..".
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
export const topicName = z
  .string({ error: 'topic must be a string' })
  .regex(TOPIC_NAME, {
    error: 'topic must be 1-249 characters of letters, digits, ".", "_" or "-"',
  })
  .refine((name) => name !== '.' && name !== '..', { error: 'topic cannot be "." or ".."' });

export const groupIdField = z
  .string({ error: 'groupId must be a string' })
  .min(1, { error: 'groupId must be 1-255 characters' })
  .max(255, { error: 'groupId must be 1-255 characters' })
  .regex(/^[a-zA-Z0-9._-]+$/, {
    error: 'groupId may contain only letters, digits, ".", "_" and "-"',
  });

export const consumerIdField = z
  .string({ error: 'consumerId must be a string' })
  .min(1, { error: 'consumerId must not be empty' })
  .max(100, { error: 'consumerId must be at most 100 characters' });
