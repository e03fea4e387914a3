/**
 * The course's producer and offset lessons, measured: a new group's starting point, keys and
 * partitions, and a broker outage with an idempotent acks=all producer.
 */
import { isBrokerRole } from '../../../protocol/cluster-nodes';
import { tradeSchema } from '../../../protocol/trade';
import { producerSettled } from './crash-experiments';
import { ms, producerTopic, sleep, stableGroup, withProducer } from './helpers';
import type { ExperimentContext, ExperimentDefinition } from './runner';

/** Log end per partition of a topic, fresh from Kafka. */
async function logEnds(ctx: ExperimentContext, topic: string): Promise<Map<number, number>> {
  await ctx.lab.refreshFresh();
  const t = ctx.lab.state.observation?.topics.find((x) => x.name === topic);
  return new Map((t?.partitions ?? []).map((p) => [p.partition, p.logEndOffset]));
}

/** Producer acks so far; counts only what was acknowledged. */
const acked = (ctx: ExperimentContext) => ctx.lab.producer.info().acked;

const newGroupStart: ExperimentDefinition = {
  id: 'new-group-start',
  run: async (ctx) => {
    const topic = producerTopic(ctx);
    const early = ctx.newGroupId('exp-earliest');
    const late = ctx.newGroupId('exp-latest');
    const { earlyAudit, lateAudit, backlog } = await withProducer(
      ctx,
      { paused: true },
      async () => {
        await producerSettled(ctx);
        // Everything this server's producer has sent to the topic so far.
        const backlog = ctx.lab.producer.ackedSeqs(topic).size;
        for (const [groupId, offsetReset] of [
          [early, 'earliest'],
          [late, 'latest'],
        ] as const) {
          ctx.step('create-group-reset', { groupId, offsetReset });
          await ctx.command({ type: 'group:create', groupId, topic, consumers: 1, offsetReset });
        }
        await Promise.all([stableGroup(ctx, early, 1), stableGroup(ctx, late, 1)]);
        const earlyAudit = await ctx.waitFor(
          `${early} to read the backlog`,
          () => {
            const a = ctx.group(early)?.audit;
            return a && a.unique >= backlog ? a : undefined;
          },
          60_000,
        );
        // The latest group has nothing to read until something new arrives.
        await sleep(1000);
        return { earlyAudit, lateAudit: ctx.group(late)?.audit, backlog };
      },
    );
    ctx.measure(
      'start.earliestRead',
      earlyAudit.unique,
      `${backlog}`,
      earlyAudit.unique === backlog,
    );
    const lateRead = lateAudit?.processed ?? 0;
    ctx.measure('start.latestRead', lateRead, '0', lateRead === 0);
    // Then new records: both groups read them.
    const before = acked(ctx);
    const earlyBefore = earlyAudit.processed;
    await sleep(2000);
    const sent = await withProducer(ctx, { paused: true }, async () => {
      await producerSettled(ctx);
      const n = acked(ctx) - before;
      await ctx.waitFor(
        'both groups to read the new records',
        () =>
          (ctx.group(early)?.audit?.processed ?? 0) - earlyBefore >= n &&
          (ctx.group(late)?.audit?.processed ?? 0) - lateRead >= n,
        30_000,
      );
      return n;
    });
    const lateNew = (ctx.group(late)?.audit?.processed ?? 0) - lateRead;
    ctx.measure('start.latestNew', lateNew, `${sent}`, lateNew === sent && sent > 0);
  },
};

const sameKey: ExperimentDefinition = {
  id: 'same-key',
  run: async (ctx) => {
    const topic = producerTopic(ctx);
    // One change of the producer from start to end: putting it back in between would let it send
    // a few trades with other keys before the one-key run starts.
    const { before, after } = await withProducer(ctx, { paused: true }, async () => {
      await producerSettled(ctx);
      const before = await logEnds(ctx, topic);
      ctx.step('one-key', { topic });
      const start = acked(ctx);
      await ctx.command({ type: 'producer:update', keyMode: 'fixed', paused: false });
      await ctx.waitFor('100 records with one key', () => acked(ctx) - start >= 100, 60_000);
      await ctx.command({ type: 'producer:update', paused: true });
      await producerSettled(ctx);
      return { before, after: await logEnds(ctx, topic) };
    });
    const grew = [...after].map(([p, end]) => ({ p, n: end - (before.get(p) ?? 0) }));
    const used = grew.filter((g) => g.n > 0);
    ctx.measure('key.records', grew.map((g) => `P${g.p} +${g.n}`).join(', '));
    ctx.measure('key.partitions', used.length, '1', used.length === 1);
  },
};

/** Records that are not JSON (poison messages, say) are not trades: null. */
function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}

/** Reads a partition range with the message browser and returns the trade seqs found. */
async function seqsIn(
  ctx: ExperimentContext,
  topic: string,
  partition: number,
  from: number,
  to: number,
) {
  const seqs: number[] = [];
  let offset = from;
  while (offset < to) {
    const page = await ctx.lab.options.admin.readRecords({
      topic,
      partition,
      from: 'offset',
      value: offset,
      limit: 100,
      isolation: 'read_uncommitted',
    });
    if (page.records.length === 0) break;
    for (const r of page.records) {
      if (r.offset >= to) break;
      const trade = tradeSchema.safeParse(parseJson(r.value));
      if (trade.success) seqs.push(trade.data.seq);
    }
    offset = page.nextOffset;
  }
  return seqs;
}

const brokerDown: ExperimentDefinition = {
  id: 'broker-down',
  run: async (ctx) => {
    if (!ctx.lab.state.connection.embeddedBroker)
      throw new Error('this experiment stops the embedded broker; it is not used here');
    // Stopping one of three brokers does not stop the producer: acks-under-failure is that story.
    if (ctx.lab.state.labNodes.filter((n) => isBrokerRole(n.role)).length > 1)
      throw new Error('the one-broker lab only; with LAB_BROKERS=3 run acks-under-failure');
    const topic = producerTopic(ctx);
    const result = await withProducer(
      ctx,
      { acks: 'all', idempotent: true, rate: 50, paused: false },
      async () => {
        const start = await logEnds(ctx, topic);
        await sleep(2000);
        const failedBefore = ctx.lab.producer.info().failed;
        ctx.step('broker-stop', {});
        await ctx.command({ type: 'broker:stop' });
        const stoppedAt = Date.now();
        await ctx.waitFor(
          'the producer to fail',
          () => {
            const p = ctx.lab.producer.info();
            return p.failed > failedBefore || (p.lastError?.at ?? 0) >= stoppedAt;
          },
          60_000,
        );
        const failed = ctx.lab.producer.info().failed - failedBefore;
        await sleep(3000);
        ctx.step('broker-start', {});
        await ctx.command({ type: 'broker:start' });
        const startedAt = Date.now();
        const ackedAtStart = acked(ctx);
        await ctx.waitFor('the producer to recover', () => acked(ctx) > ackedAtStart + 20, 120_000);
        const recoveredMs = Date.now() - startedAt;
        await ctx.command({ type: 'producer:update', paused: true });
        await producerSettled(ctx);
        const end = await logEnds(ctx, topic);
        const seqs: number[] = [];
        for (const [p, to] of end)
          seqs.push(...(await seqsIn(ctx, topic, p, start.get(p) ?? 0, to)));
        return { seqs, failed, recoveredMs, downMs: startedAt - stoppedAt };
      },
    );
    const ackedSeqs = ctx.lab.producer.ackedSeqs(topic);
    const seen = new Map<number, number>();
    for (const s of result.seqs) seen.set(s, (seen.get(s) ?? 0) + 1);
    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    const low = Math.min(...result.seqs);
    const high = Math.max(...result.seqs);
    let missing = 0;
    for (let s = low; s <= high; s++) if (ackedSeqs.has(s) && !seen.has(s)) missing++;
    ctx.measure('broker.downMs', ms(result.downMs));
    // The wait above already required a failure; this says how many sends it was.
    ctx.measure('broker.failedSends', result.failed);
    ctx.measure('broker.recoveredMs', ms(result.recoveredMs));
    ctx.measure('broker.records', result.seqs.length);
    ctx.measure('broker.missing', missing, '0', missing === 0);
    ctx.measure('broker.duplicates', duplicates, '0', duplicates === 0);
  },
};

export const COURSE_EXPERIMENTS: ExperimentDefinition[] = [newGroupStart, sameKey, brokerDown];
