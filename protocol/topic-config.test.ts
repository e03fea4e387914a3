import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';
import { kafkaTopicConfigs, type TopicConfigureCommand } from './topic-config';

function error(input: Record<string, unknown>): string {
  const parsed = parseCommand({ type: 'topic:configure', topic: 't', ...input });
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return parsed.error;
}

describe('topic:configure', () => {
  it('maps the lab’s fields to Kafka’s names; null means back to the default', () => {
    const parsed = parseCommand({
      type: 'topic:configure',
      topic: 't',
      retentionMs: 5000,
      segmentMs: 1000,
      retentionBytes: -1,
      minInsyncReplicas: null,
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(kafkaTopicConfigs(parsed.command as TopicConfigureCommand)).toEqual({
      'retention.ms': '5000',
      'segment.ms': '1000',
      'retention.bytes': '-1',
      'min.insync.replicas': null,
    });
  });

  it.each([
    [
      { retentionMs: 10 },
      'retentionMs must be -1 (keep forever) or an integer from 1000 to 31536000000 (ms)',
    ],
    [
      { retentionBytes: 0 },
      'retentionBytes must be -1 (no size limit) or an integer from 1 to 1099511627776',
    ],
    [{ segmentMs: 999 }, 'segmentMs must be an integer from 1000 to 604800000'],
    [{ segmentBytes: 1000 }, 'segmentBytes must be an integer from 1048576 to 1073741824'],
    [{ minInsyncReplicas: 0 }, 'minInsyncReplicas must be an integer from 1 to 32'],
    [{ segmentMs: 1.5 }, 'segmentMs must be an integer'],
    [
      {},
      'give at least one of: retentionMs, retentionBytes, segmentMs, segmentBytes, minInsyncReplicas',
    ],
  ])('rejects %o, naming the field and its range', (input, message) => {
    expect(error(input)).toContain(message);
  });
});

describe('broker commands', () => {
  it('take an optional nodeId for stop/start (one-broker labs) and a required one for kill', () => {
    expect(parseCommand({ type: 'broker:stop' }).ok).toBe(true);
    expect(parseCommand({ type: 'broker:start', nodeId: 2 }).ok).toBe(true);
    expect(parseCommand({ type: 'broker:kill', nodeId: 3 }).ok).toBe(true);
    const kill = parseCommand({ type: 'broker:kill' });
    expect(kill.ok).toBe(false);
    expect(!kill.ok && kill.error).toContain('nodeId');
    const negative = parseCommand({ type: 'broker:kill', nodeId: -1 });
    expect(!negative.ok && negative.error).toContain('nodeId must be an integer from 0 to');
  });
});
