import { DLQ_HEADERS } from '../../protocol/delivery';

/** What a dead-lettered record's headers say about the message it carries. */
export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  offset: number;
  error: string;
  attempts: number;
  consumerId: string;
}

/** A header value must stay small: the error is for a person, not a stack trace. */
export const MAX_ERROR_HEADER_CHARS = 500;

export function deadLetterHeaders(origin: DeadLetterOrigin): Record<string, string> {
  return {
    [DLQ_HEADERS.topic]: origin.topic,
    [DLQ_HEADERS.partition]: String(origin.partition),
    [DLQ_HEADERS.offset]: String(origin.offset),
    [DLQ_HEADERS.error]: origin.error.slice(0, MAX_ERROR_HEADER_CHARS),
    [DLQ_HEADERS.attempts]: String(origin.attempts),
    [DLQ_HEADERS.consumer]: origin.consumerId,
  };
}

type HeaderValue = string | Buffer | (string | Buffer)[] | undefined;

/** The origin a record's headers name, or null when one is missing or not a number. */
export function parseDeadLetterHeaders(
  headers: Record<string, HeaderValue> | undefined,
): DeadLetterOrigin | null {
  const text = (name: string): string | null => {
    const raw = headers?.[name];
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    return value === undefined ? null : value.toString();
  };
  const whole = (name: string): number | null => {
    const value = text(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : null;
  };
  const topic = text(DLQ_HEADERS.topic);
  const partition = whole(DLQ_HEADERS.partition);
  const offset = whole(DLQ_HEADERS.offset);
  const attempts = whole(DLQ_HEADERS.attempts);
  if (topic === null || partition === null || offset === null || attempts === null) return null;
  return {
    topic,
    partition,
    offset,
    attempts,
    error: text(DLQ_HEADERS.error) ?? '',
    consumerId: text(DLQ_HEADERS.consumer) ?? '',
  };
}
