import { describe, expect, inject, it } from 'vitest';
import { type javaConfig, javaWorkerPools, type WorkerRun } from '../test-support/java-workers';
import { waitFor } from '../test-support/wait-for';

const PARTITIONS = 6;
const RATE = 50;
const all = Array.from({ length: PARTITIONS }, (_, p) => p);

/** Progress on `partitions` reported by `run` with `at` inside [from, to]: the highest offsets. */
function progressIn(run: WorkerRun, partitions: number[], from: number, to: number) {
  const reports = run
    .of('progress')
    .filter((m) => m.at >= from && m.at <= to)
    .flatMap((m) => m.processed.filter((p) => partitions.includes(p.partition)));
  return reports;
}

function lastOffsetBefore(run: WorkerRun, partition: number, at: number): number {
  let offset = -1;
  for (const m of run.of('progress'))
    for (const p of m.processed) if (p.partition === partition && m.at <= at) offset = p.offset;
  return offset;
}

describe('Java lab consumers: rebalances', () => {
  const brokers = inject('brokers');
  const pools = javaWorkerPools(brokers);

  async function setUp(overrides: Parameters<typeof javaConfig>[4]) {
    return (
      await pools({ prefix: 'java-rebalance', partitions: PARTITIONS, rate: RATE, overrides })
    ).pool;
  }

  it('cooperative-sticky: a third member takes only the partitions that move, the others keep processing', async () => {
    const pool = await setUp({ assignor: 'cooperative-sticky' });
    const a = pool.start('a');
    const b = pool.start('b');
    await waitFor(
      'a and b own 3 partitions each',
      () => a.owned().length === 3 && b.owned().length === 3,
      60_000,
    );
    await waitFor('a and b process', () => a.processed.size >= 3 && b.processed.size >= 3, 30_000);
    const before = { a: a.owned(), b: b.owned() };
    const marks = { a: a.messages.length, b: b.messages.length };

    const c = pool.start('c');
    await c.next('ready', undefined, 60_000);
    const readyAt = c.arrival('ready') ?? 0;
    // Cooperative rebalancing may take more than two rounds to converge; wait for the end state.
    await waitFor(
      'two partitions each',
      () => [a, b, c].every((r) => r.owned().length === 2),
      60_000,
      50,
    );
    const cJoined = c.of('joined').at(-1);
    if (!cJoined) throw new Error('c never joined');
    const moved = c.owned();
    expect(moved.length).toBe(2);

    const revokedA = a.messages.slice(marks.a).filter((m) => m.type === 'revoked');
    const revokedB = b.messages.slice(marks.b).filter((m) => m.type === 'revoked');
    // Cooperative: each member gives up only what moves, and nothing is lost.
    for (const r of [...revokedA, ...revokedB]) expect(r.lost).toBe(false);
    const revokedOf = (rs: typeof revokedA) =>
      rs.flatMap((r) => r.partitions.flatMap((t) => t.partitions)).sort((x, y) => x - y);
    expect([...revokedOf(revokedA), ...revokedOf(revokedB)].sort((x, y) => x - y)).toEqual(moved);
    const keptA = before.a.filter((p) => !moved.includes(p));
    const keptB = before.b.filter((p) => !moved.includes(p));
    expect(a.owned()).toEqual(keptA);
    expect(b.owned()).toEqual(keptB);
    // Eager protocols announce the start of a rebalance and stop; cooperative members never do.
    expect(a.messages.slice(marks.a).some((m) => m.type === 'rebalancing')).toBe(false);

    // The rebalance, as the group sees it: from c's JoinGroup (sent right after `ready`) to c's
    // assignment. Eager members would revoke everything and stop; these never stop.
    await waitFor(
      'progress flushed past the rebalance',
      () =>
        a.of('progress').some((m) => m.at > cJoined.at) &&
        b.of('progress').some((m) => m.at > cJoined.at),
    );
    for (const [run, kept] of [
      [a, keptA],
      [b, keptB],
    ] as const) {
      const during = progressIn(run, kept, readyAt, cJoined.at);
      const rose = during.some((p) => p.offset > lastOffsetBefore(run, p.partition, readyAt));
      expect(
        rose,
        `${run.config.consumerId} processed its kept partitions during the rebalance`,
      ).toBe(true);
    }
  });

  it('KIP-848 uniform: a crashed member’s partitions move after the session timeout, the survivors keep theirs', async () => {
    const pool = await setUp({ protocol: 'consumer', assignor: 'uniform' });
    const runs = [pool.start('a'), pool.start('b'), pool.start('c')];
    const [a, b, c] = runs as [WorkerRun, WorkerRun, WorkerRun];
    await waitFor('2 partitions each', () => runs.every((r) => r.owned().length === 2), 60_000);
    for (const r of runs) {
      const joined = r.of('joined');
      // Member epochs: positive and rising with every reconciliation.
      expect(joined.every((j) => j.generationId !== null && j.generationId > 0)).toBe(true);
      const epochs = joined.map((j) => j.generationId ?? 0);
      expect([...epochs].sort((x, y) => x - y)).toEqual(epochs);
    }
    const keptA = a.owned();
    const keptB = b.owned();
    const lostWithC = c.owned();
    const marks = { a: a.messages.length, b: b.messages.length };
    const epochBefore = Math.max(...runs.map((r) => r.of('heartbeat').at(-1)?.generationId ?? 0));

    const killedAt = Date.now();
    c.worker.crash();
    await waitFor(
      'the survivors own every partition',
      () => [...a.owned(), ...b.owned()].sort((x, y) => x - y).join() === all.join(),
      30_000,
      50,
    );
    const movedAt = Date.now();
    // group.consumer.session.timeout.ms=6000 on the test broker (server/broker/broker-properties.ts).
    expect(movedAt - killedAt).toBeGreaterThan(4000);
    expect(movedAt - killedAt).toBeLessThan(15_000);
    for (const [run, kept, mark] of [
      [a, keptA, marks.a],
      [b, keptB, marks.b],
    ] as const) {
      const after = run.messages.slice(mark);
      expect(after.filter((m) => m.type === 'revoked')).toEqual([]);
      for (const p of kept) expect(run.owned()).toContain(p);
      const joined = after.filter((m) => m.type === 'joined');
      for (const j of joined) expect(j.generationId ?? 0).toBeGreaterThan(0);
    }
    expect([...a.owned(), ...b.owned()].filter((p) => lostWithC.includes(p)).sort()).toEqual(
      [...lostWithC].sort(),
    );
    await waitFor('a higher member epoch after the move', () =>
      [a, b].every((r) => (r.of('heartbeat').at(-1)?.generationId ?? 0) > epochBefore),
    );
  });
});
