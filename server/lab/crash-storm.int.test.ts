import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TOPIC } from '../../protocol/constants';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';
import { stableLabGroup } from '../test-support/lab-groups';
import { isAlive, waitFor } from '../test-support/wait-for';

const ROUNDS = 20;

describe('under load: one fact, one source', () => {
  const brokers = inject('brokers');
  let app: OffsetLab;
  let client: LabClient;

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'default'));
    await client.ok({ type: 'producer:update', rate: 200 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it(`${ROUNDS} rounds of crash followed at once by restart log exactly ${ROUNDS} crashes`, async () => {
    const { groupId, consumerIds } = await stableLabGroup(
      client,
      DEFAULT_TOPIC,
      { consumers: 2 },
      'storm',
    );
    const id = consumerIds[0] ?? '';
    const killed: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const pid = app.lab.handle(id)?.pid;
      if (pid) killed.push(pid);
      await client.ok({ type: 'consumer:crash', consumerId: id });
      await client.ok({ type: 'consumer:restart', consumerId: id });
      // The next crash hits a process that is up, as a person clicking would.
      await waitFor('the new process to report ready', () => {
        const phase = app.lab.state.consumers[id]?.phase;
        return phase === 'joining' || phase === 'running';
      });
    }
    // Every killed process has exited, so any late exit event has arrived.
    await waitFor('the killed processes to be gone', () => killed.every((pid) => !isAlive(pid)));
    await waitFor('the last exit to be handled', async () => {
      await new Promise((r) => setImmediate(r));
      return app.lab.processes.get(id)?.incarnation === ROUNDS + 1;
    });
    const crashes = app.lab.state.timeline.filter(
      (e) => e.kind === 'consumer-crashed' && e.groupId === groupId,
    );
    expect(killed).toHaveLength(ROUNDS);
    expect(crashes).toHaveLength(ROUNDS);
    expect(crashes.every((e) => e.message.includes('killed with SIGKILL'))).toBe(true);
  });

  it('sampled every 100 ms, the audit never shows missing trades while lag is 0', async () => {
    const { groupId } = await stableLabGroup(client, DEFAULT_TOPIC, { consumers: 3 }, 'audit');
    let samples = 0;
    let atZeroLag = 0;
    const contradictions: string[] = [];
    const sample = () => {
      const group = app.lab.snapshot().groups.find((g) => g.groupId === groupId);
      samples++;
      if (group?.audit && group.totalLag === 0) {
        atZeroLag++;
        if (group.audit.missing > 0) contradictions.push(`missing ${group.audit.missing} at lag 0`);
      }
    };
    const sampler = setInterval(sample, 100);
    try {
      // Bursts and pauses: lag rises, then drains to 0 over and over while the audit is watched.
      for (let burst = 0; burst < 4; burst++) {
        await client.ok({ type: 'producer:update', paused: false });
        const from = samples;
        await waitFor('two seconds of samples while producing', () => samples >= from + 20);
        await client.ok({ type: 'producer:update', paused: true });
        await waitFor(
          'the group to drain',
          async () => (await client.group(groupId))?.totalLag === 0,
          20_000,
        );
        const drained = atZeroLag;
        await waitFor('samples at lag 0', () => atZeroLag >= drained + 5);
      }
    } finally {
      clearInterval(sampler);
      await client.ok({ type: 'producer:update', paused: false });
    }
    console.log(`audit sampled ${samples} times, ${atZeroLag} of them at lag 0`);
    expect(atZeroLag).toBeGreaterThanOrEqual(20);
    expect(contradictions).toEqual([]);
  });
});
