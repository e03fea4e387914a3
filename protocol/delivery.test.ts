import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';
import { deliveryConfigOf, dlqTopicOf, outputTopicOf } from './delivery';

const create = (fields: Record<string, unknown>) =>
  parseCommand({ type: 'group:create', groupId: 'g', topic: 'trades', ...fields });

const errorOf = (fields: Record<string, unknown>) => {
  const parsed = create(fields);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(fields)} to be rejected`);
  return parsed.error;
};

describe('group:create: batch, exactly-once, retry + DLQ', () => {
  it('accepts batch with its settings and fills defaults for the ones left out', () => {
    const parsed = create({ commitMode: 'batch', batchCommitEvery: 10 });
    if (!parsed.ok || parsed.command.type !== 'group:create') throw new Error('rejected');
    expect(deliveryConfigOf(parsed.command)).toEqual({
      batch: { every: 10, intervalMs: 5000 },
      retry: null,
    });
    expect(create({ commitMode: 'exactly-once', dlq: true }).ok).toBe(true);
  });

  it('names the field and the range', () => {
    expect(errorOf({ commitMode: 'batch', batchCommitEvery: 0 })).toBe(
      'batchCommitEvery must be an integer from 1 to 10000',
    );
    expect(errorOf({ commitMode: 'batch', batchCommitIntervalMs: 60001 })).toBe(
      'batchCommitIntervalMs must be an integer from 100 to 60000',
    );
    expect(errorOf({ dlq: true, retryAttempts: 11 })).toBe(
      'retryAttempts must be an integer from 1 to 10',
    );
    expect(errorOf({ dlq: true, retryBackoffMs: 5 })).toBe(
      'retryBackoffMs must be an integer from 10 to 10000',
    );
    expect(errorOf({ commitMode: 'twice' })).toContain('batch, exactly-once');
  });

  it('refuses settings of a mode that is off', () => {
    expect(errorOf({ commitMode: 'auto', batchCommitEvery: 5 })).toBe(
      'batchCommitEvery is only valid with commitMode "batch"',
    );
    expect(errorOf({ retryAttempts: 3 })).toBe('retryAttempts is only valid with dlq: true');
    expect(errorOf({ dlq: false, retryBackoffMs: 100 })).toBe(
      'retryBackoffMs is only valid with dlq: true',
    );
  });

  it('derives the DLQ and output topics, and keeps them within Kafka’s 249 characters', () => {
    expect(dlqTopicOf('crypto_trades')).toBe('crypto_trades.dlq');
    expect(outputTopicOf('crypto_trades')).toBe('crypto_trades.out');
    expect(errorOf({ topic: 'x'.repeat(248), dlq: true })).toContain('at most 245 characters');
    expect(create({ topic: 'x'.repeat(248) }).ok).toBe(true);
  });

  it('producer:update takes poisonPercent 0–100', () => {
    expect(parseCommand({ type: 'producer:update', poisonPercent: 25 }).ok).toBe(true);
    const bad = parseCommand({ type: 'producer:update', poisonPercent: 101 });
    expect(bad.ok ? '' : bad.error).toBe('poisonPercent must be an integer from 0 to 100');
  });
});
