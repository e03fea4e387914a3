import { describe, expect, inject, it } from 'vitest';
import { snapshotSchema } from '../../protocol/snapshot';
import { listTopicsAndGroups } from '../kafka/test-support/external-client';
import { spawnServer, waitForReady } from '../test-support/server-process';
import { waitFor } from '../test-support/wait-for';

const brokers = inject('brokers');

describe('npm start against an outside cluster', () => {
  it('monitors by default: creates no topic, producer or group there', async () => {
    const before = await listTopicsAndGroups(brokers);
    // LAB_SCENARIO unset, as a user pointing the lab at their cluster would start it.
    const server = await spawnServer({ KAFKA_BROKERS: brokers.join(','), LAB_SCENARIO: '' });
    try {
      await waitForReady(server);
      expect(server.output()).toContain('monitor mode');
      const state = await waitFor('the first observation', async () => {
        const snapshot = snapshotSchema.parse(
          await (await fetch(`${server.url}/api/state`)).json(),
        );
        return snapshot.cluster ? snapshot : undefined;
      });
      expect(state.connection.mode).toBe('monitor');
      expect(state.producer).toBeNull();
      expect(state.groups.filter((g) => g.lab)).toEqual([]);
      const refused = await fetch(`${server.url}/api/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'topic:create', topic: 'monitor-probe' }),
      });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('monitor mode');
      const after = await listTopicsAndGroups(brokers);
      expect(after.topics.sort()).toEqual(before.topics.sort());
      expect(after.groups.sort()).toEqual(before.groups.sort());
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      server.cleanup();
    }
  });

  it('beyond loopback prints a URL with a token that opens the API', async () => {
    const server = await spawnServer({
      KAFKA_BROKERS: brokers.join(','),
      LAB_SCENARIO: '',
      HOST: '0.0.0.0',
    });
    try {
      await waitForReady(server);
      const printed = /ready in [\d.]+ s: (http:\/\/\S+)/.exec(server.output())?.[1] ?? '';
      const token = new URL(printed).searchParams.get('token');
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect((await fetch(`${server.url}/api/state`)).status).toBe(401);
      const ok = await fetch(`${server.url}/api/state`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.status).toBe(200);
      // Printed once: the token is in the start-up line only.
      expect(server.output().split(token ?? '-').length).toBe(2);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      server.cleanup();
    }
  });
});
