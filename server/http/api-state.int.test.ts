import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import type { LabClient } from '../test-support/lab-client';

const brokers = inject('brokers');
const run = Date.now().toString(36);

describe('GET /api/state: lean for scripts', () => {
  let app: OffsetLab;
  let client: LabClient;
  const groups = [`lean-a-${run}`, `lean-b-${run}`];

  beforeAll(async () => {
    ({ app, client } = await startLabForTest(brokers, 'empty'));
    await client.ok({ type: 'topic:create', topic: `lean-${run}`, partitions: 2 });
    for (const groupId of groups)
      await client.ok({ type: 'group:create', groupId, topic: `lean-${run}`, consumers: 1 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is gzipped when the client takes it, the same JSON inside', async () => {
    const res = await fetch(`${app.url}/api/state`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch unzips; the bytes on the wire are what a raw read sees.
    const plain = await (
      await fetch(`${app.url}/api/state`, { headers: { 'accept-encoding': 'identity' } })
    ).text();
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    const wire = await rawBytes(`${app.url}/api/state`);
    // Other files share the broker and add groups between the reads: compare this lab's groups.
    type Lean = { groups: { groupId: string; lab: boolean }[] };
    const labGroups = (json: string) =>
      (JSON.parse(json) as Lean).groups
        .filter((g) => g.lab)
        .map((g) => g.groupId)
        .sort();
    expect(labGroups(gunzipSync(wire).toString('utf8'))).toEqual([...groups].sort());
    expect(labGroups(plain)).toEqual([...groups].sort());
    console.log(`/api/state: ${plain.length} bytes of JSON, ${wire.length} on the wire with gzip`);
  });

  it('answers an unchanged repeat with 304 and no body', async () => {
    // The state moves with every poll (1 s): a repeat right after the first read is unchanged.
    let status = 0;
    for (let i = 0; i < 20 && status !== 304; i++) {
      const first = await fetch(`${app.url}/api/state`);
      const etag = first.headers.get('etag') ?? '';
      await first.arrayBuffer();
      const again = await fetch(`${app.url}/api/state`, { headers: { 'if-none-match': etag } });
      status = again.status;
      if (status === 304) expect(await again.text()).toBe('');
    }
    expect(status).toBe(304);
  });

  it('?groups= names the groups in full; empty gives the overview alone', async () => {
    type State = { groups: { groupId: string }[]; overview: { groupId: string }[] };
    const one = (await (await fetch(`${app.url}/api/state?groups=${groups[0]}`)).json()) as State;
    expect(one.groups.map((g) => g.groupId)).toEqual([groups[0]]);
    expect(one.overview.map((g) => g.groupId)).toEqual(expect.arrayContaining(groups));
    const none = (await (await fetch(`${app.url}/api/state?groups=`)).json()) as State;
    expect(none.groups).toEqual([]);
    expect(none.overview.length).toBeGreaterThanOrEqual(2);
    const wrong = await fetch(`${app.url}/api/state?group=${groups[0]}`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('groups');
  });
});

/** The response body as sent, without fetch's decoding. */
async function rawBytes(url: string): Promise<Buffer> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}
