import { partitionKey } from '../../../protocol/keys';
/**
 * Experiments about how Kafka 4's clients behave, each measured against its expectation:
 * eager vs cooperative vs KIP-848 rebalances, static membership, and slow consumers.
 */
import type { RebalanceSummary } from '../../../protocol/snapshot';
import { ms, producerTopic, stableGroup } from './helpers';
import type { ExperimentDefinition } from './runner';

/** Eager vs cooperative vs KIP-848: crash one member of each and compare who stopped, for how long. */
const threeProtocols: ExperimentDefinition = {
  id: 'three-protocols',
  run: async (ctx) => {
    const topic = producerTopic(ctx);
    const kinds = [
      { style: 'eager', protocol: 'classic', assignor: 'range' },
      { style: 'cooperative', protocol: 'classic', assignor: 'cooperative-sticky' },
      { style: 'kip848', protocol: 'consumer', assignor: 'uniform' },
    ] as const;
    const groups = kinds.map((k) => ({ ...k, groupId: ctx.newGroupId(`exp-${k.style}`) }));
    for (const g of groups) {
      ctx.step('create-group', { groupId: g.groupId, protocol: g.protocol, assignor: g.assignor });
      await ctx.command({
        type: 'group:create',
        groupId: g.groupId,
        topic,
        consumers: 3,
        client: 'java',
        protocol: g.protocol,
        assignor: g.assignor,
        sessionTimeoutMs: 6000,
      });
    }
    const before = await Promise.all(groups.map((g) => stableGroup(ctx, g.groupId, 3)));
    const crashAt = Date.now();
    const victims = before.map((g) => g.lanes.find((l) => l.kind === 'consumer'));
    for (const [i, g] of groups.entries()) {
      const victim = victims[i];
      if (!victim?.consumerId) throw new Error(`no consumer to crash in ${g.groupId}`);
      ctx.step('crash', { consumerId: victim.consumerId });
      await ctx.command({ type: 'consumer:crash', consumerId: victim.consumerId });
    }
    const summaries = await Promise.all(
      groups.map((g) =>
        ctx.waitFor<RebalanceSummary>(
          `the rebalance of ${g.groupId} after the crash`,
          () => {
            const last = ctx.group(g.groupId)?.lastRebalance;
            return last && last.endedAt > crashAt && Object.keys(last.pausedMs).length > 0
              ? last
              : undefined;
          },
          60_000,
        ),
      ),
    );
    for (const [i, g] of groups.entries()) {
      const summary = summaries[i] as RebalanceSummary;
      const crashedOwned = new Set(
        (victims[i]?.partitions ?? []).map((p) => partitionKey(p.topic, p.partition)),
      );
      const pauses = Object.entries(summary.pausedMs);
      const survivors = pauses.filter(([p]) => !crashedOwned.has(p)).map(([, v]) => v);
      const eager = g.style === 'eager';
      const total = before[i]?.offsets.length ?? 0;
      ctx.measure(
        `${g.style}.pausedPartitions`,
        pauses.length,
        eager ? `${total}` : `${crashedOwned.size}`,
        eager ? pauses.length === total : pauses.length === crashedOwned.size,
      );
      ctx.measure(
        `${g.style}.survivorPauseMs`,
        ms(Math.max(0, ...survivors)),
        eager ? '> 0 ms' : '0 ms',
        eager ? survivors.some((v) => v > 0) : survivors.length === 0,
      );
      ctx.measure(
        `${g.style}.crashedPauseMs`,
        ms(Math.max(0, ...pauses.filter(([p]) => crashedOwned.has(p)).map(([, v]) => v))),
      );
      ctx.measure(`${g.style}.rebalanceMs`, ms(summary.durationMs));
    }
  },
};

/** A static member restarted within its session timeout gets its partitions back, no rebalance. */
const staticMembership: ExperimentDefinition = {
  id: 'static-membership',
  run: async (ctx) => {
    const topic = producerTopic(ctx);
    const groupId = ctx.newGroupId('exp-static');
    ctx.step('create-group', { groupId, protocol: 'classic', assignor: 'range' });
    await ctx.command({
      type: 'group:create',
      groupId,
      topic,
      consumers: 2,
      client: 'java',
      assignor: 'range',
      staticMembership: true,
      sessionTimeoutMs: 15_000,
    });
    const before = await stableGroup(ctx, groupId, 2);
    const lane = before.lanes.find((l) => l.kind === 'consumer');
    const id = lane?.consumerId;
    if (!lane || !id) throw new Error('no consumer to restart');
    const owned = lane.partitions.map((p) => p.partition).join(',');
    const endedBefore = before.lastRebalance?.endedAt ?? 0;
    ctx.step('crash-restart', { consumerId: id });
    const at = Date.now();
    await ctx.command({ type: 'consumer:crash', consumerId: id });
    await ctx.command({ type: 'consumer:restart', consumerId: id });
    const after = await ctx.waitFor(
      `${id} back with its partitions`,
      () => {
        const g = ctx.group(groupId);
        const l = g?.lanes.find((x) => x.consumerId === id);
        return l?.consumer?.phase === 'running' && l.partitions.length > 0 ? g : undefined;
      },
      30_000,
    );
    const back = after.lanes
      .find((l) => l.consumerId === id)
      ?.partitions.map((p) => p.partition)
      .join(',');
    ctx.measure('static.restartMs', ms(Date.now() - at));
    ctx.measure('static.partitions', back ?? '', owned, back === owned);
    ctx.measure(
      'static.generation',
      `${before.generationId} → ${after.generationId}`,
      `${before.generationId} → ${before.generationId}`,
      after.generationId === before.generationId,
    );
    const rebalanced = (after.lastRebalance?.endedAt ?? 0) > endedBefore;
    ctx.measure('static.rebalances', rebalanced ? 1 : 0, '0', !rebalanced);
  },
};

/** kafkajs is evicted by the session timeout; Kafka's Java client leaves on max.poll.interval.ms. */
const slowConsumer: ExperimentDefinition = {
  id: 'slow-consumer',
  run: async (ctx) => {
    const topic = producerTopic(ctx);
    const js = ctx.newGroupId('exp-slow-kafkajs');
    const java = ctx.newGroupId('exp-slow-java');
    await ctx.command({
      type: 'group:create',
      groupId: js,
      topic,
      consumers: 1,
      sessionTimeoutMs: 3000,
    });
    await ctx.command({
      type: 'group:create',
      groupId: java,
      topic,
      consumers: 1,
      client: 'java',
      sessionTimeoutMs: 10_000,
      maxPollIntervalMs: 5000,
    });
    const groups = await Promise.all([stableGroup(ctx, js, 1), stableGroup(ctx, java, 1)]);
    const slowedAt = Date.now();
    for (const g of groups) {
      const id = g.lanes.find((l) => l.kind === 'consumer')?.consumerId;
      if (!id) throw new Error(`no consumer in ${g.groupId}`);
      ctx.step('slow', { consumerId: id, delayMs: 4000 });
      await ctx.command({ type: 'consumer:slow', consumerId: id, delayMs: 4000 });
    }
    const firstEvent = (groupId: string) =>
      ctx.lab.state.timeline.find(
        (e) =>
          e.groupId === groupId &&
          e.at >= slowedAt &&
          (e.kind === 'member-evicted' || e.kind === 'member-left'),
      );
    const [jsEvent, javaEvent] = await Promise.all([
      ctx.waitFor('kafkajs losing its membership', () => firstEvent(js), 60_000),
      ctx.waitFor('the Java consumer losing its membership', () => firstEvent(java), 60_000),
    ]);
    ctx.measure(
      'kafkajs.how',
      jsEvent.kind === 'member-evicted' ? 'evicted (session.timeout.ms)' : 'left',
      'evicted (session.timeout.ms)',
      jsEvent.kind === 'member-evicted',
    );
    ctx.measure('kafkajs.afterMs', ms(jsEvent.at - slowedAt));
    const javaLeft =
      javaEvent.kind === 'member-left' && javaEvent.message.includes('max.poll.interval.ms');
    ctx.measure(
      'java.how',
      javaLeft ? 'left (max.poll.interval.ms)' : javaEvent.kind,
      'left (max.poll.interval.ms)',
      javaLeft,
    );
    ctx.measure('java.afterMs', ms(javaEvent.at - slowedAt));
    for (const g of groups) {
      const id = g.lanes.find((l) => l.kind === 'consumer')?.consumerId;
      if (id) await ctx.command({ type: 'consumer:slow', consumerId: id, delayMs: 0 });
    }
  },
};

export const KAFKA4_EXPERIMENTS: ExperimentDefinition[] = [
  threeProtocols,
  staticMembership,
  slowConsumer,
];
