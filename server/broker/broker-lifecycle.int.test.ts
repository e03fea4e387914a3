import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { snapshotSchema } from '../../protocol/snapshot';
import { freePort } from '../test-support/free-port';
import { type ServerProcess, spawnServer, waitForReady } from '../test-support/server-process';
import { isAlive, waitFor } from '../test-support/wait-for';

interface Health {
  ok: boolean;
  kafka: { connected: boolean; clusterId: string | null };
  embeddedBroker: { running: boolean; pid: number | null } | null;
  consumerPids: number[];
}

async function health(server: ServerProcess): Promise<Health> {
  return (await (await fetch(`${server.url}/api/health`)).json()) as Health;
}

/** The parent of a process, from /proc/<pid>/stat (the guard of a broker JVM). */
function parentOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

async function startAndRead(env: Record<string, string> = {}) {
  const server = await spawnServer(env);
  await waitForReady(server);
  const h = await waitFor('a connected lab', async () => {
    const value = await health(server);
    return value.kafka.connected &&
      (env.LAB_SCENARIO !== 'default' || value.consumerPids.length === 3)
      ? value
      : undefined;
  });
  return { server, health: h };
}

describe('the server owns the embedded broker', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} stops the broker JVM and every consumer process`, async () => {
      const { server, health: h } = await startAndRead({ LAB_SCENARIO: 'default' });
      const jvm = h.embeddedBroker?.pid;
      expect(jvm).toBeGreaterThan(0);
      expect(isAlive(jvm ?? -1)).toBe(true);
      server.child.kill(signal);
      expect(await server.exited).toBe(0);
      expect(isAlive(jvm ?? -1)).toBe(false);
      expect(h.consumerPids.filter(isAlive)).toEqual([]);
      server.cleanup();
    });
  }

  it('SIGKILL of the server: the broker guard stops the JVM and consumers leave on their own', async () => {
    const { server, health: h } = await startAndRead({ LAB_SCENARIO: 'default' });
    const jvm = h.embeddedBroker?.pid ?? -1;
    server.child.kill('SIGKILL');
    await server.exited;
    await waitFor(
      'the orphaned JVM and consumers to exit',
      () => !isAlive(jvm) && h.consumerPids.every((p) => !isAlive(p)),
      30_000,
    );
    expect(isAlive(jvm)).toBe(false);
    server.cleanup();
  });

  it('the broker guard killed: the broker shows down within 2 s, and broker:start brings it back', async () => {
    const { server, health: h } = await startAndRead({ LAB_SCENARIO: 'empty' });
    try {
      const jvm = h.embeddedBroker?.pid ?? -1;
      const guard = parentOf(jvm);
      expect(guard).toBeGreaterThan(1);
      process.kill(guard, 'SIGKILL');
      const killedAt = Date.now();
      const down = await waitFor(
        'the broker down in /api/state',
        async () => {
          const state = snapshotSchema.parse(await (await fetch(`${server.url}/api/state`)).json());
          const node = state.nodes.find((n) => n.lab);
          return node && node.state !== 'up' ? node : undefined;
        },
        10_000,
        100,
      );
      const shownMs = Date.now() - killedAt;
      console.log(
        `guard killed: the broker shown ${down.state} after ${shownMs} ms (${down.detail})`,
      );
      expect(shownMs).toBeLessThan(2000);
      // The guard's JVM does not run on unsupervised, holding the port.
      await waitFor('the orphaned broker JVM gone', () => !isAlive(jvm), 10_000);
      const start = await fetch(`${server.url}/api/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'broker:start' }),
      });
      expect(start.status).toBe(200);
      await waitFor(
        'the broker up and the lab connected again',
        async () =>
          (await health(server)).kafka.connected && (await health(server)).embeddedBroker?.running,
        60_000,
      );
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      server.cleanup();
    }
  });

  it('with KAFKA_BROKERS set, starts no broker and uses that cluster', async () => {
    const brokers = inject('brokers');
    const { server, health: h } = await startAndRead({ KAFKA_BROKERS: brokers.join(',') });
    expect(h.embeddedBroker).toBeNull();
    expect(server.output()).toContain('no embedded broker');
    expect(server.output()).not.toContain('embedded Kafka broker starting');
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    server.cleanup();
  });

  it('a taken Kafka port stops start-up with one clear message', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    try {
      const server = await spawnServer({ KAFKA_PORT: String(port) });
      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(server.output()).toContain('KAFKA_PORT');
      server.cleanup();
    } finally {
      blocker.close();
    }
  });

  it('missing Java stops start-up with a message that says what to do', async () => {
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'no-java-'));
    const server = await spawnServer({ PATH: emptyBin });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Java 17 or newer is needed');
    expect(server.output()).toContain('KAFKA_BROKERS');
    server.cleanup();
    fs.rmSync(emptyBin, { recursive: true, force: true });
  });
});
