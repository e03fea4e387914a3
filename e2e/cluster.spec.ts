import { expect, test } from '@playwright/test';
import { freePort } from '../server/test-support/free-port';
import {
  type ServerProcess,
  spawnServer,
  waitForReady,
} from '../server/test-support/server-process';
import { isAlive, waitFor } from '../server/test-support/wait-for';
import { BrokerStripPage } from './pages/broker-strip';

const TOPIC = 'replicated';

// A LAB_BROKERS=3 server of its own (the Playwright webServer runs the one-broker lab).
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let server: ServerProcess;

test.beforeAll(async () => {
  const ports = [await freePort(), await freePort(), await freePort()];
  server = await spawnServer({
    LAB_BROKERS: '3',
    KAFKA_BROKER_PORTS: ports.join(','),
    LAB_SCENARIO: 'empty',
  });
  await waitForReady(server, 180_000);
  const create = await fetch(`${server.url}/api/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'topic:create', topic: TOPIC, partitions: 6 }),
  });
  expect(((await create.json()) as { ok: boolean }).ok).toBe(true);
});

test.afterAll(async () => {
  if (!server) return;
  // SIGKILL, as a crash would: the guard process must still take every JVM down.
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
    embeddedBroker: { nodes: { pid: number | null }[] } | null;
  };
  const pids = (health.embeddedBroker?.nodes ?? [])
    .map((n) => n.pid)
    .filter((p): p is number => p !== null);
  expect(pids.length).toBe(4);
  server.child.kill('SIGKILL');
  await server.exited;
  await waitFor('no JVM of the cluster left', () => pids.every((p) => !isAlive(p)), 60_000, 250);
  server.cleanup();
});

test('the broker strip shows a killed broker down and its leaderships moved, then back', async ({
  page,
}) => {
  const strip = new BrokerStripPage(page);
  await strip.open(server.url);
  for (const id of [1, 2, 3]) await expect(strip.state(id)).toHaveText('up');
  await expect(page.getByTestId('node-controller-0')).toBeVisible();
  await expect(strip.partitions(TOPIC)).toHaveCount(6);
  await expect.poll(() => strip.isrSizes(TOPIC), { timeout: 30_000 }).toEqual([3, 3, 3, 3, 3, 3]);
  const leaders = await strip.leaders(TOPIC);
  // The broker that leads the most partitions: its death moves the most.
  const victim = [1, 2, 3].sort(
    (a, b) => leaders.filter((l) => l === b).length - leaders.filter((l) => l === a).length,
  )[0] as number;
  expect(await strip.leads(victim)).toBeGreaterThan(0);
  await strip.shot('11-cluster-up');

  await strip.node(victim).getByTestId(`node-kill-${victim}`).click();
  const killedAt = Date.now();
  await expect(strip.state(victim)).toHaveText('down', { timeout: 5000 });
  const downAfterMs = Date.now() - killedAt;
  await expect
    .poll(async () => (await strip.leaders(TOPIC)).filter((l) => l === victim || l < 0).length, {
      timeout: 30_000,
    })
    .toBe(0);
  const movedAfterMs = Date.now() - killedAt;
  await expect.poll(() => strip.leads(victim)).toBe(0);
  await expect.poll(() => strip.isrSizes(TOPIC)).toEqual([2, 2, 2, 2, 2, 2]);
  await strip.shot('12-broker-killed');

  await strip.node(victim).getByTestId(`node-start-${victim}`).click();
  await expect(strip.state(victim)).toHaveText('up', { timeout: 60_000 });
  await expect.poll(() => strip.isrSizes(TOPIC), { timeout: 60_000 }).toEqual([3, 3, 3, 3, 3, 3]);
  console.log(
    `broker ${victim} killed: down on the page after ${downAfterMs} ms, every leader moved after ${movedAfterMs} ms`,
  );
  await strip.shot('13-broker-back');
});
