import { describe, expect, inject, it } from 'vitest';
import { describeGroup } from '../kafka/lab-traffic';
import { type javaConfig, javaWorkerPools } from '../test-support/java-workers';
import { waitFor } from '../test-support/wait-for';

const MAX_POLL_INTERVAL_MS = 3000;

describe('Java lab consumers: max.poll.interval.ms, rejoin, pause', () => {
  const brokers = inject('brokers');
  const pools = javaWorkerPools(brokers);

  function setUp(partitions: number, overrides: Parameters<typeof javaConfig>[4]) {
    return pools({ prefix: 'java-poll', partitions, rate: 20, overrides });
  }

  it.each([
    ['classic', 'range'],
    ['consumer', 'uniform'],
  ] as const)(
    '%s: a poll gap beyond max.poll.interval.ms makes the client leave, and the next poll rejoin',
    async (protocol, assignor) => {
      const { pool, groupId } = await setUp(2, {
        protocol,
        assignor,
        maxPollIntervalMs: MAX_POLL_INTERVAL_MS,
        // 3 records of 2 s each between two polls: a 6 s gap, the leave at 3 s.
        delayMs: 2000,
        clientProperties: { 'max.poll.records': '3' },
      });
      const run = pool.start('slow');
      const first = await run.next('joined', (m) => m.assignment.length > 0, 60_000);
      // Reported while the loop still processes its batch, not at the next poll.
      const left = await run.next('left', undefined, 30_000);
      expect(left.reason).toBe('max-poll-interval');
      expect(left.pollGapMs).toBeGreaterThan(MAX_POLL_INTERVAL_MS);
      const at = run.messages.indexOf(left);
      const rejoinedYet = () => run.messages.slice(at).some((m) => m.type === 'joined');
      if (protocol === 'classic') {
        // The heartbeat thread sent LeaveGroup when the poll timer expired: the coordinator sees
        // the group empty while the loop is still busy, before the next poll rejoins.
        await waitFor(
          'the coordinator to see the member gone before it rejoins',
          async () => {
            const group = await describeGroup(brokers, groupId);
            return group.state === 'Empty' && !rejoinedYet();
          },
          15_000,
        );
      }
      // The leave was told once: the next poll, which loses the partitions, does not repeat it.
      expect(run.messages.slice(at + 1).some((m) => m.type === 'left')).toBe(false);
      const lost = await run.next('revoked', undefined, 10_000, at);
      expect(lost.lost).toBe(true);
      const rejoined = await run.next('joined', undefined, 30_000, at);
      expect(rejoined.generationId ?? 0).toBeGreaterThan(first.generationId ?? 0);
      if (protocol === 'classic') expect(rejoined.memberId).not.toBe(first.memberId);
      // KIP-848: the client keeps its member id and rejoins with epoch 0; the broker bumps it.
      else expect(rejoined.memberId).toBe(first.memberId);
    },
  );

  it('classic rejoin: enforceRebalance makes the whole group rebalance, one generation up', async () => {
    const { pool } = await setUp(4, { assignor: 'range' });
    const a = pool.start('a');
    const b = pool.start('b');
    await waitFor(
      '2 partitions each',
      () => a.owned().length === 2 && b.owned().length === 2,
      60_000,
    );
    await waitFor('one generation', () => {
      const g = a.of('joined').at(-1)?.generationId;
      return g !== undefined && g === b.of('joined').at(-1)?.generationId;
    });
    const generation = a.of('joined').at(-1)?.generationId ?? 0;
    const marks = [a.messages.length, b.messages.length] as const;
    a.worker.send({ type: 'rejoin' });
    for (const [run, mark] of [
      [a, marks[0]],
      [b, marks[1]],
    ] as const) {
      // Eager (range): both give up everything, then get a new assignment in the next generation.
      await run.next('rebalancing', undefined, 30_000, mark);
      const revoked = await run.next('revoked', undefined, 30_000, mark);
      expect(revoked.lost).toBe(false);
      const joined = await run.next('joined', undefined, 30_000, mark);
      expect(joined.generationId).toBe(generation + 1);
    }
    expect(a.of('error')).toEqual([]);
  });

  it('KIP-848 rejoin: reported as unsupported, and nothing moves', async () => {
    const { pool } = await setUp(2, { protocol: 'consumer', assignor: 'uniform' });
    const a = pool.start('a');
    await waitFor('a owns both partitions', () => a.owned().length === 2, 60_000);
    const mark = a.messages.length;
    a.worker.send({ type: 'rejoin' });
    const error = await a.next('error', undefined, 10_000, mark);
    expect(error.message).toMatch(/not supported with group\.protocol=consumer/);
    const epoch = a.of('heartbeat').at(-1)?.generationId;
    await waitFor(
      'two more heartbeats',
      () => a.messages.slice(mark).filter((m) => m.type === 'heartbeat').length >= 2,
    );
    expect(
      a.messages.slice(mark).filter((m) => m.type === 'revoked' || m.type === 'joined'),
    ).toEqual([]);
    expect(a.of('heartbeat').at(-1)?.generationId).toBe(epoch);
  });

  it('pause stops processing but keeps polling, so the member stays past its session timeout; resume goes on', async () => {
    const { pool } = await setUp(2, { sessionTimeoutMs: 3000 });
    const a = pool.start('a');
    await waitFor('a processes', () => a.processed.size === 2, 60_000);
    const joins = a.of('joined').length;
    a.worker.send({ type: 'pause' });
    // Settled once no progress came for a second (a record in hand when pause arrived may finish).
    await waitFor(
      'processing to stop',
      () => {
        const last = a.of('progress').at(-1);
        return last !== undefined && Date.now() - last.at > 1000;
      },
      10_000,
    );
    const pausedAt = Date.now();
    const mark = a.messages.length;
    await waitFor('twice the session timeout paused', () => Date.now() - pausedAt > 6000, 10_000);
    const whilePaused = a.messages.slice(mark);
    expect(whilePaused.filter((m) => m.type === 'progress')).toEqual([]);
    expect(whilePaused.filter((m) => m.type === 'heartbeat').length).toBeGreaterThanOrEqual(4);
    expect(whilePaused.filter((m) => m.type === 'revoked' || m.type === 'left')).toEqual([]);
    a.worker.send({ type: 'resume' });
    await a.next('progress', (m) => m.count > 0, 10_000, mark);
    expect(a.of('joined').length).toBe(joins);
  });
});
