import { describe, expect, it } from 'vitest';
import { plainProduceError } from './produce-errors';

/** kafkajs wraps the broker's error once its retries are spent (KafkaJSNumberOfRetriesExceeded). */
function retriesExceeded(type: string, message: string): Error {
  const original = Object.assign(new Error(message), { type });
  return Object.assign(new Error(message), { originalError: original });
}

const NOT_ENOUGH = 'Messages are rejected since there are fewer in-sync replicas than required';

describe('plainProduceError', () => {
  it('says how many replicas are in sync and how many the topic needs', () => {
    expect(
      plainProduceError(retriesExceeded('NOT_ENOUGH_REPLICAS', NOT_ENOUGH), {
        smallestIsr: 1,
        minInsyncReplicas: 2,
      }),
    ).toBe('NotEnoughReplicas: only 1 in-sync replica, the topic needs 2 (min.insync.replicas)');
  });

  it('recognises the error in a kafkajs log line too', () => {
    expect(
      plainProduceError(`Failed to send messages: ${NOT_ENOUGH}`, {
        smallestIsr: 2,
        minInsyncReplicas: 3,
      }),
    ).toBe('NotEnoughReplicas: only 2 in-sync replicas, the topic needs 3 (min.insync.replicas)');
  });

  it('does not quote an ISR that an older observation still shows as enough', () => {
    expect(plainProduceError(new Error(NOT_ENOUGH), { smallestIsr: 2, minInsyncReplicas: 2 })).toBe(
      'NotEnoughReplicas: too few in-sync replicas, the topic needs 2 (min.insync.replicas)',
    );
  });

  it('names the after-append variant: written by the leader, too few copies confirmed', () => {
    const error = retriesExceeded(
      'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
      'Messages are written to the log, but to fewer in-sync replicas than required',
    );
    expect(plainProduceError(error, { smallestIsr: 1, minInsyncReplicas: 2 })).toBe(
      'NotEnoughReplicasAfterAppend: written by the leader, but only 1 in-sync replica confirmed it, the topic needs 2 (min.insync.replicas)',
    );
  });

  it('leaves other errors as they are', () => {
    expect(
      plainProduceError(new Error('Connection error: connect ECONNREFUSED'), {
        smallestIsr: null,
        minInsyncReplicas: null,
      }),
    ).toBe('Connection error: connect ECONNREFUSED');
  });
});
