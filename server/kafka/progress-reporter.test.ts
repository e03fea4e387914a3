import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../protocol/ipc';
import { ProgressReporter } from './progress-reporter';

const trade = (seq: number, run = 'r1') =>
  JSON.stringify({ symbol: 'BTCUSDT', price: 1, event_time: '2026-01-01T00:00:00Z', seq, run });

describe('ProgressReporter', () => {
  it('batches positions and this run’s seqs into one message per flush', () => {
    const sent: WorkerMessage[] = [];
    const r = new ProgressReporter('t', 'r1', (m) => sent.push(m));
    r.processed(0, 10, trade(1));
    r.processed(0, 11, trade(2));
    r.processed(3, 4, trade(3, 'older-run'));
    r.processed(3, 5, 'not json');
    r.flush(99);
    expect(sent).toEqual([
      {
        type: 'progress',
        processed: [
          { topic: 't', partition: 0, offset: 12, first: 10 },
          { topic: 't', partition: 3, offset: 6, first: 4 },
        ],
        seqs: [1, 2],
        count: 4,
        at: 99,
      },
    ]);
    r.flush(100);
    expect(sent).toHaveLength(1);
  });

  it('never reports a partition the member lost in a rebalance', () => {
    const sent: WorkerMessage[] = [];
    const r = new ProgressReporter('t', 'r1', (m) => sent.push(m));
    r.processed(0, 10, trade(1));
    r.processed(1, 20, trade(2));
    r.retainOnly(new Set([1]));
    r.flush(1);
    expect(sent[0]?.type === 'progress' && sent[0].processed).toEqual([
      { topic: 't', partition: 1, offset: 21, first: 20 },
    ]);
  });

  it('tells the first offset after getting a partition once, in the report that holds it', () => {
    const sent: WorkerMessage[] = [];
    const r = new ProgressReporter('t', 'r1', (m) => sent.push(m));
    r.processed(0, 50, trade(1));
    r.flush(1);
    r.processed(0, 51, trade(2));
    r.flush(2);
    r.retainOnly(new Set());
    r.handled(0, 70);
    r.flush(3);
    const firsts = sent.map((m) => (m.type === 'progress' ? m.processed[0]?.first : null));
    expect(firsts).toEqual([50, undefined, 70]);
  });

  it('reports a jump past the next offset expected (an auto.offset.reset), not a first read', () => {
    const sent: WorkerMessage[] = [];
    const r = new ProgressReporter('t', 'r1', (m) => sent.push(m));
    r.processed(0, 120, trade(1));
    r.processed(0, 121, trade(2));
    r.processed(0, 340, trade(3));
    r.processed(1, 500, trade(4));
    expect(sent).toEqual([
      { type: 'offset-jump', topic: 't', partition: 0, from: 122, to: 340, at: expect.any(Number) },
    ]);
    // Once the partition was lost in a rebalance, whoever read it meanwhile moved it on: no jump.
    r.retainOnly(new Set([1]));
    r.processed(0, 900, trade(5));
    expect(sent.filter((m) => m.type === 'offset-jump')).toHaveLength(1);
  });
});
