import { type ReadRecordsAck, readRecordsQuerySchema } from '../../protocol/records';
import type { Lab } from './lab';

/**
 * The message browser's one entry, for HTTP and socket.io alike: validates the query, checks the
 * partition exists (a read of a missing one would only time out), then reads without a group.
 * Allowed in monitor and read-only mode: it reads, and writes nothing, not even a commit.
 */
export async function readRecords(lab: Lab, input: unknown): Promise<ReadRecordsAck> {
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
  try {
    return { ok: true, result: await lab.options.admin.readRecords(query) };
  } catch (error) {
    return {
      ok: false,
      error: `Kafka refused the read: ${(error as Error).message}`,
      kind: 'kafka',
    };
  }
}
