import { describe, expect, it } from 'vitest';
import { groupConfig } from '../state/test-fixtures';
import { deliveryWorkerFields } from './delivery-topics';

describe('worker fields per commit mode', () => {
  it('gives an exactly-once consumer a transactional.id stable per lab consumer, and its topics', () => {
    const config = groupConfig('g1', {
      commitMode: 'exactly-once',
      retry: { attempts: 3, backoffMs: 100 },
    });
    expect(deliveryWorkerFields(config, 'g1-c2')).toEqual({
      transactionalId: 'offset-lab-g1-g1-c2',
      outputTopic: 'trades.out',
      dlqTopic: 'trades.dlq',
    });
    // A restart of the same lab consumer gets the same id: it fences the process it replaces.
    expect(deliveryWorkerFields(config, 'g1-c2').transactionalId).toBe('offset-lab-g1-g1-c2');
  });

  it('gives other modes no transaction and no output topic', () => {
    expect(deliveryWorkerFields(groupConfig('g1', { commitMode: 'batch' }), 'c1')).toEqual({
      transactionalId: null,
      outputTopic: null,
      dlqTopic: null,
    });
  });
});
