import { describe, expect, inject, it } from 'vitest';
import type { WorkerConfig } from '../../protocol/ipc';
import { describeGroup } from '../kafka/lab-traffic';
import { javaWorkerPools, type WorkerRun } from '../test-support/java-workers';
import { waitFor } from '../test-support/wait-for';

const PARTITIONS = 6;
const all = Array.from({ length: PARTITIONS }, (_, p) => p);

/** Messages that would mean b took part in a rebalance: a revocation or a new assignment. */
const moves = (run: WorkerRun, from: number) =>
  run.messages.slice(from).filter((m) => m.type === 'revoked' || m.type === 'joined');

describe('Java lab consumers: static membership (group.instance.id)', () => {
  const brokers = inject('brokers');
  const pools = javaWorkerPools(brokers);

  /** Members a and b, static, on 6 partitions, 3 each. */
  async function twoStaticMembers(overrides: Partial<WorkerConfig>) {
    const { pool: workers, groupId } = await pools({
      prefix: 'java-static',
      partitions: PARTITIONS,
      rate: 20,
      overrides: { staticMembership: true, ...overrides },
    });
    const a = workers.start('a', { groupInstanceId: 'instance-a' });
    const b = workers.start('b', { groupInstanceId: 'instance-b' });
    await waitFor(
      '3 partitions each',
      () => a.owned().length === 3 && b.owned().length === 3,
      60_000,
    );
    await waitFor('one generation (or epoch) for both', () => {
      const ga = a.of('heartbeat').at(-1)?.generationId;
      return ga !== undefined && ga === b.of('heartbeat').at(-1)?.generationId;
    });
    return { pool: workers, a, b, groupId };
  }

  it('classic: a crashed member restarted with its instance id within the session timeout gets its partitions back, without a rebalance', async () => {
    const { pool, a, b } = await twoStaticMembers({ assignor: 'range', sessionTimeoutMs: 20_000 });
    const generation = a.of('heartbeat').at(-1)?.generationId;
    const owned = a.owned();
    const markB = b.messages.length;
    a.worker.crash();
    const a2 = pool.start('a2', { groupInstanceId: 'instance-a' });
    const joined = await a2.next('joined', undefined, 60_000);
    expect(joined.assignment).toEqual([{ topic: a.config.topic, partitions: owned }]);
    // The coordinator gives the instance a new member id, in the same generation.
    expect(joined.memberId).not.toBe(a.of('joined').at(-1)?.memberId);
    expect(joined.generationId).toBe(generation);
    await waitFor('b reports a heartbeat after a2 joined', () =>
      b.of('heartbeat').some((h) => h.at > joined.at + 1500),
    );
    expect(moves(b, markB)).toEqual([]);
    const generations = b.messages
      .slice(markB)
      .flatMap((m) => (m.type === 'heartbeat' ? [m.generationId] : []));
    expect(new Set(generations)).toEqual(new Set([generation]));
    await waitFor('a2 processes', () => a2.processed.size === owned.length, 30_000);
  });

  it('classic: a graceful stop sends no LeaveGroup; the member stays until its session times out', async () => {
    const { a, b, groupId } = await twoStaticMembers({ assignor: 'range', sessionTimeoutMs: 6000 });
    const markB = b.messages.length;
    await a.worker.stop();
    expect(a.exit?.code).toBe(0);
    const stoppedAt = Date.now();
    expect((await describeGroup(brokers, groupId)).memberIds).toHaveLength(2);
    await waitFor('b owns every partition', () => b.owned().join() === all.join(), 30_000, 50);
    // Nothing moved until the coordinator expired a's session (6 s), then an eager rebalance.
    const firstMove = moves(b, markB)[0];
    expect((firstMove?.at ?? 0) - stoppedAt).toBeGreaterThan(3000);
  });

  it('KIP-848: a member stopped gracefully and restarted with its instance id within the session timeout gets its partitions back; b sees nothing', async () => {
    const { pool, a, b } = await twoStaticMembers({ protocol: 'consumer', assignor: 'uniform' });
    const owned = a.owned();
    const markB = b.messages.length;
    // close() sends a leave heartbeat with epoch -2: "temporarily gone", the assignment is kept.
    await a.worker.stop();
    const a2 = pool.start('a2', { groupInstanceId: 'instance-a' });
    const joined = await a2.next('joined', (m) => m.assignment.length > 0, 30_000);
    expect(joined.assignment).toEqual([{ topic: a.config.topic, partitions: owned }]);
    await waitFor('b reports a heartbeat after a2 joined', () =>
      b.of('heartbeat').some((h) => h.at > joined.at + 1500),
    );
    expect(moves(b, markB)).toEqual([]);
  });

  it('KIP-848: a crashed member’s instance id stays owned until its session ends, so an immediate restart is refused', async () => {
    const { pool, a, b } = await twoStaticMembers({ protocol: 'consumer', assignor: 'uniform' });
    a.worker.crash();
    const a2 = pool.start('a2', { groupInstanceId: 'instance-a' });
    const error = await a2.next('error', undefined, 30_000);
    expect(error.message).toMatch(/UnreleasedInstanceIdException/);
    expect((await a2.exited()).code).toBe(1);
    // group.consumer.session.timeout.ms (6 s): then the coordinator moves the partitions.
    await waitFor('b owns every partition', () => b.owned().join() === all.join(), 30_000);
  });
});
