/**
 * The course's delivery lessons, measured: poison messages retried then dead-lettered exactly
 * once, and an exactly-once consumer killed mid-transaction leaving its output whole.
 */
import { DLQ_HEADERS, dlqTopicOf } from '../../../protocol/delivery';
import { crashAndRestart, groupAtLogEnd, producerSettled } from './crash-experiments';
import { caughtUp, producerTopic, withProducer } from './helpers';
import type { ExperimentContext, ExperimentDefinition } from './runner';

const POISON_WANTED = 10;

/** Every record of a one-partition topic from `from` on, as the message browser reads them. */
async function allRecords(ctx: ExperimentContext, topic: string, from: number) {
  const records = [];
  let offset = from;
  for (;;) {
    const page = await ctx.lab.options.admin.readRecords({
      topic,
      partition: 0,
      from: 'offset',
      value: offset,
      limit: 100,
      isolation: 'read_committed',
    });
    records.push(...page.records);
    if (page.records.length === 0 || page.nextOffset >= page.logEndOffset) return records;
    offset = page.nextOffset;
  }
}

const poisonDlq: ExperimentDefinition = {
  id: 'poison-dlq',
  run: async (ctx) => {
    const topic = producerTopic(ctx);
    const dlq = dlqTopicOf(topic);
    const { groupId } = await groupAtLogEnd(ctx, 'exp-poison', {
      commitMode: 'after-processing',
      dlq: true,
      retryAttempts: 3,
      retryBackoffMs: 50,
    });
    await ctx.lab.refreshFresh();
    const dlqStart =
      ctx.lab.state.observation?.topics.find((t) => t.name === dlq)?.partitions[0]?.logEndOffset ??
      0;
    const poisonBefore = ctx.lab.producer.info().poisonSent ?? 0;
    ctx.step('poison', { percent: 10 });
    const sent = await withProducer(ctx, { poisonPercent: 10, paused: false }, async () => {
      await ctx.waitFor(
        `${POISON_WANTED} poison messages`,
        () => (ctx.lab.producer.info().poisonSent ?? 0) - poisonBefore >= POISON_WANTED,
        120_000,
      );
      await ctx.command({ type: 'producer:update', paused: true });
      await producerSettled(ctx);
      return (ctx.lab.producer.info().poisonSent ?? 0) - poisonBefore;
    });
    await withProducer(ctx, { paused: true }, async () => {
      await ctx.waitFor(
        'every poison message dead-lettered',
        () => (ctx.group(groupId)?.deadLetters?.count ?? 0) >= sent,
        120_000,
      );
      await caughtUp(ctx, groupId);
    });
    const group = ctx.group(groupId);
    const entries = (await allRecords(ctx, dlq, dlqStart)).filter((r) =>
      r.headers.some((h) => h.key === DLQ_HEADERS.topic && h.value === topic),
    );
    const origin = (r: (typeof entries)[number]) =>
      `${r.headers.find((h) => h.key === DLQ_HEADERS.partition)?.value}@${r.headers.find((h) => h.key === DLQ_HEADERS.offset)?.value}`;
    const distinct = new Set(entries.map(origin)).size;
    const attempts = entries.map(
      (r) => r.headers.find((h) => h.key === DLQ_HEADERS.attempts)?.value,
    );
    ctx.measure('poison.sent', sent);
    ctx.measure('poison.inDlq', entries.length, `${sent}`, entries.length === sent);
    ctx.measure('poison.distinct', distinct, `${sent}`, distinct === sent);
    ctx.measure(
      'poison.attempts',
      [...new Set(attempts)].join(', '),
      '3',
      attempts.every((a) => a === '3'),
    );
    ctx.measure(
      'poison.retries',
      group?.deadLetters?.retries ?? 0,
      `${sent * 2}`,
      group?.deadLetters?.retries === sent * 2,
    );
    ctx.measure(
      'poison.goodMissing',
      group?.audit?.missing ?? -1,
      '0',
      group?.audit?.missing === 0,
    );
    ctx.measure(
      'poison.goodDuplicates',
      group?.audit?.duplicates ?? -1,
      '0',
      group?.audit?.duplicates === 0,
    );
  },
};

const exactlyOnceCrash: ExperimentDefinition = {
  id: 'exactly-once-crash',
  run: async (ctx) => {
    const r = await crashAndRestart(
      ctx,
      'exp-eos',
      { commitMode: 'exactly-once' },
      // Work inside the open transaction: processed past what the last transaction committed.
      (g) =>
        g.offsets.reduce(
          (s, o) => s + Math.max(0, (o.processedOffset ?? 0) - (o.committedOffset ?? 0)),
          0,
        ) >= 2,
    );
    const output = await ctx.waitFor(
      'the output audit to catch up',
      () => {
        const out = ctx.group(r.groupId)?.outputAudit;
        // missing: acked trades not yet in the output; 0 once the reader has caught up.
        return out && out.missing === 0 ? out : undefined;
      },
      90_000,
    );
    const aborted = r.committed.reduce((s, o) => {
      const reached = r.reached.find((x) => x.partition === o.partition);
      return s + Math.max(0, (reached?.processedOffset ?? 0) - (o.committedOffset ?? 0));
    }, 0);
    ctx.measure('eos.aborted', aborted, '> 0', aborted > 0);
    ctx.measure('eos.reprocessed', r.after.duplicates - r.before.duplicates);
    ctx.measure('eos.outputRecords', output.unique);
    ctx.measure('eos.outputDuplicates', output.duplicates, '0', output.duplicates === 0);
    ctx.measure('eos.outputMissing', output.missing, '0', output.missing === 0);
  },
};

export const DELIVERY_EXPERIMENTS: ExperimentDefinition[] = [poisonDlq, exactlyOnceCrash];
