import { type ReadRecordsAck, readRecordsQuerySchema } from '../../protocol/records';
import { unknownFields } from '../../protocol/strict';
import { Gate } from '../domain/gate';
import type { Lab } from './lab';

/** Reads at once, and waiting: each opens a consumer in the Admin JVM, whose threads also poll. */
export const MAX_READS_IN_FLIGHT = 2;
export const MAX_READS_QUEUED = 4;
const gates = new WeakMap<Lab, Gate>();

/**
 * The message browser's one entry, for HTTP and socket.io alike: validates the query, checks the
 * partition exists (a read of a missing one would only time out), then reads without a group.
 * Allowed in monitor and read-only mode: it reads, and writes nothing, not even a commit.
 */
export async function readRecords(
  lab: Lab,
  input: unknown,
  what = 'records:read',
): Promise<ReadRecordsAck> {
  if (typeof input === 'object' && input !== null) {
    const known = Object.keys(readRecordsQuerySchema.shape);
    const unknown = unknownFields(input as Record<string, unknown>, known, what);
    if (unknown) return { ok: false, error: unknown, kind: 'invalid' };
  }
  const parsed = readRecordsQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'query';
    const message = issue?.message ?? 'invalid';
    return {
      ok: false,
      error: message.startsWith(field) ? message : `${field}: ${message}`,
      kind: 'invalid',
    };
  }
  const query = parsed.data;
  const topic = lab.state.observation?.topics.find((t) => t.name === query.topic);
  if (!topic)
    return {
      ok: false,
      error: `topic: no topic named ${query.topic} on this cluster`,
      kind: 'invalid',
    };
  const count = topic.partitions.length;
  if (query.partition >= count) {
    return {
      ok: false,
      error: `partition: ${query.topic} has partitions 0 to ${count - 1}`,
      kind: 'invalid',
    };
  }
  let gate = gates.get(lab);
  if (!gate) {
    gate = new Gate(MAX_READS_IN_FLIGHT, MAX_READS_QUEUED);
    gates.set(lab, gate);
  }
  try {
    const read = await gate.run(() => lab.options.admin.readRecords(query));
    if (read === null)
      return {
        ok: false,
        error: `too many reads in flight (${MAX_READS_IN_FLIGHT} at a time, ${MAX_READS_QUEUED} waiting); try again shortly`,
        kind: 'too-many',
      };
    return { ok: true, result: read.value };
  } catch (error) {
    return {
      ok: false,
      error: `Kafka refused the read: ${(error as Error).message}`,
      kind: 'kafka',
    };
  }
}
