import { request } from 'node:http';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { OffsetLab } from '../app';
import { startLabForTest } from '../test-support/in-process-lab';
import { LabClient } from '../test-support/lab-client';
import { type AccessPolicy, accessPolicy } from './access';

const brokers = inject('brokers');
const started: OffsetLab[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((app) => app.close()));
});

async function lab(access?: Partial<Parameters<typeof accessPolicy>[0]>): Promise<OffsetLab> {
  const policy: AccessPolicy | undefined = access
    ? accessPolicy({
        host: '127.0.0.1',
        publicUrl: null,
        allowedOrigins: [],
        labToken: null,
        readOnly: false,
        ...access,
      })
    : undefined;
  const { app } = await startLabForTest(brokers, 'empty', undefined, policy);
  started.push(app);
  return app;
}

/** A raw request, so the test controls every header (fetch forbids setting Host). */
function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => {
        text += d.toString();
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const topicExists = async (app: OffsetLab, topic: string) =>
  (await new LabClient(app.url).state()).topics.some((t) => t.name === topic);

function socketOutcome(url: string, options: Parameters<typeof io>[1]): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, ...options });
    socket.on('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (error) => {
      socket.close();
      resolve(`refused: ${error.message}`);
    });
  });
}

describe('same origin', () => {
  it('refuses a cross-origin text/plain POST and changes nothing', async () => {
    const app = await lab();
    const topic = `xorigin-${Date.now()}`;
    const host = new URL(app.url).host;
    const body = JSON.stringify({ type: 'topic:create', topic });
    const crossSite = await raw(
      app.url,
      'POST',
      '/api/commands',
      {
        host,
        origin: 'https://evil.example',
        'content-type': 'text/plain',
      },
      body,
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toContain('origin https://evil.example');
    const plain = await raw(
      app.url,
      'POST',
      '/api/commands',
      { host, 'content-type': 'text/plain' },
      body,
    );
    expect(plain.status).toBe(415);
    expect(plain.body).toContain('application/json');
    await new LabClient(app.url).state();
    expect(await topicExists(app, topic)).toBe(false);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const app = await lab();
    const rebound = await raw(app.url, 'GET', '/api/state', { host: 'rebind.evil.example:3000' });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('rebind.evil.example');
    const own = await raw(app.url, 'GET', '/api/state', { host: new URL(app.url).host });
    expect(own.status).toBe(200);
  });

  it('refuses a cross-origin WebSocket, accepts the own origin', async () => {
    const app = await lab();
    const evil = await socketOutcome(app.url, { extraHeaders: { origin: 'https://evil.example' } });
    expect(evil).toMatch(/^refused/);
    const own = await socketOutcome(app.url, { extraHeaders: { origin: app.url } });
    expect(own).toBe('connected');
  });

  it('answers 413 to an oversized body', async () => {
    const app = await lab();
    const big = JSON.stringify({ type: 'topic:create', topic: 'x'.repeat(70_000) });
    const res = await raw(
      app.url,
      'POST',
      '/api/commands',
      {
        host: new URL(app.url).host,
        'content-type': 'application/json',
      },
      big,
    );
    expect(res.status).toBe(413);
    expect(res.body).toContain('KiB');
  });
});

describe('token and read-only', () => {
  const token = 'a-long-enough-secret-for-tests';

  it('needs the token for state, commands and sockets; health stays open', async () => {
    const app = await lab({ host: '0.0.0.0', labToken: token });
    const host = new URL(app.url).host;
    expect((await raw(app.url, 'GET', '/api/state', { host })).status).toBe(401);
    expect((await raw(app.url, 'GET', '/metrics', { host })).status).toBe(401);
    expect((await raw(app.url, 'GET', '/api/health', { host })).status).toBe(200);
    const command = JSON.stringify({ type: 'producer:update', paused: true });
    const json = { host, 'content-type': 'application/json' };
    expect((await raw(app.url, 'POST', '/api/commands', json, command)).status).toBe(401);
    const bearer = { ...json, authorization: `Bearer ${token}` };
    expect((await raw(app.url, 'GET', '/api/state', bearer)).status).toBe(200);
    const metrics = await raw(app.url, 'GET', '/metrics', bearer);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('# TYPE kafka_partition_latest_offset gauge');
    expect((await raw(app.url, 'POST', '/api/commands', bearer, command)).status).toBe(200);
    expect(
      (await raw(app.url, 'GET', '/api/state', { ...json, authorization: 'Bearer nope' })).status,
    ).toBe(401);
    expect(await socketOutcome(app.url, {})).toMatch(/^refused: unauthorized/);
    expect(await socketOutcome(app.url, { auth: { token } })).toBe('connected');
  });

  it('trades ?token= for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const app = await lab({ host: '0.0.0.0', labToken: token });
    const host = new URL(app.url).host;
    const res = await raw(app.url, 'GET', `/?token=${token}&group=g1`, { host });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/?group=g1');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    // The cookie is what the server set: an HMAC of the token, never the token itself.
    const value = /offset_lab_token=([^;]+)/.exec(cookie)?.[1] ?? '';
    expect(value).not.toContain(token);
    const withCookie = await raw(app.url, 'GET', '/api/state', {
      host,
      cookie: `offset_lab_token=${value}`,
    });
    expect(withCookie.status).toBe(200);
    const rawToken = await raw(app.url, 'GET', '/api/state', {
      host,
      cookie: `offset_lab_token=${token}`,
    });
    expect(rawToken.status).toBe(401);
    expect((await raw(app.url, 'GET', '/?token=wrong', { host })).status).toBe(401);
  });

  it('READ_ONLY refuses every command with 403 "read-only" and changes nothing', async () => {
    const app = await lab({ readOnly: true });
    const client = new LabClient(app.url);
    const topic = `ro-${Date.now()}`;
    const { status, ack } = await client.command({ type: 'topic:create', topic });
    expect(status).toBe(403);
    expect(ack.ok ? '' : ack.error).toMatch(/^read-only/);
    expect((await client.state()).connection.readOnly).toBe(true);
    expect(await topicExists(app, topic)).toBe(false);
  });
});
