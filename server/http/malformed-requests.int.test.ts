import net from 'node:net';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ServerProcess, spawnServer, waitForReady } from '../test-support/server-process';
import { waitFor } from '../test-support/wait-for';

const brokers = inject('brokers');
const TOKEN = 'malformed-requests-token-0123456789';

interface Pids {
  server: number | undefined;
  broker: number | null;
  observer: number | null;
}

/** Bytes on a socket as they are, so the test controls every character of the request. */
function rawRequest(url: string, bytes: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let text = '';
    socket.setTimeout(15_000, () => socket.destroy());
    socket.on('data', (d) => {
      text += d.toString('latin1');
      // An upgraded socket stays open for WebSocket frames: the answer is complete at 101.
      if (/^HTTP\/1\.1 101/.test(text) && text.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }),
    );
    // Written, not ended: a half-closed socket lets Node drop a slow answer. Every request here
    // says Connection: close (or is one the parser refuses), so the server closes when done.
    socket.write(bytes);
  });
}

async function pids(server: ServerProcess, token: string | null): Promise<Pids> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const health = (await (await fetch(`${server.url}/api/health`, { headers })).json()) as {
    embeddedBroker: { pid: number | null } | null;
    observerPid: number | null;
  };
  return {
    server: server.child.pid,
    broker: health.embeddedBroker?.pid ?? null,
    observer: health.observerPid,
  };
}

const host = (server: ServerProcess) => new URL(server.url).host;

/** `refused`: a 4xx with a message; `answered`: any answer (a page, a 404, a handshake). */
type Expected = 'refused' | 'answered';

/** Request lines and headers a browser, a scanner or a hostile page might send. */
function malformed(server: ServerProcess): [string, string, Expected][] {
  const h = `Host: ${host(server)}\r\n`;
  const get = (target: string, headers = h) =>
    `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
  const upgrade =
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
  return [
    ['//', get('//'), 'answered'],
    ['///', get('///'), 'answered'],
    ['//@/', get('//@/'), 'answered'],
    ['/%', get('/%'), 'refused'],
    ['/%zz and /%E0%A4%A', get('/%zz/%E0%A4%A'), 'refused'],
    ['/api/%', get('/api/%'), 'refused'],
    ['/api/state?%=%', get('/api/state?%=%&token=%'), 'refused'],
    ['/.//evil.example/?token=%', get('/.//evil.example/?token=%'), 'answered'],
    ['absolute form', get('http://evil.example/api/state'), 'refused'],
    ['asterisk form', `OPTIONS * HTTP/1.1\r\n${h}Connection: close\r\n\r\n`, 'refused'],
    ['a 9 KB path', get(`/${'a'.repeat(9 * 1024)}`), 'refused'],
    ['a cookie of %', get('/', `${h}Cookie: offset_lab_token=%\r\n`), 'answered'],
    [
      'a cookie of bad escapes',
      get('/api/state', `${h}Cookie: offset_lab_token=%E0%A4%A\r\n`),
      'answered',
    ],
    ['an empty Host', get('/', 'Host: \r\n'), 'refused'],
    ['a broken Host', get('/', 'Host: [::1\r\n'), 'refused'],
    ['no Host', get('/', ''), 'refused'],
    [
      'a negative Content-Length',
      `POST /api/commands HTTP/1.1\r\n${h}Content-Type: application/json\r\nContent-Length: -5\r\n\r\n{}`,
      'refused',
    ],
    ['a broken header line', `GET / HTTP/1.1\r\n${h}this is not a header\r\n\r\n`, 'refused'],
    ['socket.io polling, bad target', get('/socket.io/?EIO=4&transport=polling&%'), 'answered'],
    [
      'socket.io polling, cookie of %',
      get('/socket.io/?EIO=4&transport=polling', `${h}Cookie: offset_lab_token=%\r\n`),
      'answered',
    ],
    [
      'socket.io websocket, cookie of %',
      `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n${h}${upgrade}Cookie: offset_lab_token=%\r\n\r\n`,
      'answered',
    ],
    [
      'socket.io websocket, broken Host',
      `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: [::1\r\n${upgrade}\r\n`,
      'refused',
    ],
  ];
}

/** A socket.io client's handshake with a malformed cookie, on one transport. */
function socketWithCookie(server: ServerProcess, transport: 'polling' | 'websocket') {
  return new Promise<string>((resolve) => {
    const socket = io(server.url, {
      transports: [transport],
      reconnection: false,
      extraHeaders: { cookie: 'offset_lab_token=%' },
      timeout: 10_000,
    });
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

describe.each<{ mode: string; env: Record<string, string>; token: string | null }>([
  { mode: 'loopback', env: {}, token: null },
  { mode: 'token', env: { LAB_TOKEN: TOKEN }, token: TOKEN },
])('malformed requests to a real server ($mode mode)', ({ env, token }) => {
  let server: ServerProcess;
  let before: Pids;

  beforeAll(async () => {
    // Its own embedded broker, as `npm start` runs it: its pid must survive the requests too.
    server = await spawnServer({ LAB_SCENARIO: 'empty', ...env });
    await waitForReady(server);
    // Ready serves the page at once; the observer's JVM reports the cluster a moment later.
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    await waitFor('a connected lab', async () => {
      const health = (await (await fetch(`${server.url}/api/health`, { headers })).json()) as {
        ok: boolean;
      };
      return health.ok;
    });
    before = await pids(server, token);
  }, 180_000);

  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    server.cleanup();
  });

  it('answers each with a status and a message, and keeps every process', async () => {
    expect(before.broker).not.toBeNull();
    expect(before.observer).not.toBeNull();
    const statuses: string[] = [];
    for (const [name, bytes, expected] of malformed(server)) {
      const answer = await rawRequest(server.url, bytes);
      const what = `${name}: ${answer.text.slice(0, 300)}`;
      statuses.push(`${name} → ${answer.status}`);
      if (expected === 'refused') {
        expect(answer.status, what).toBeGreaterThanOrEqual(400);
        expect(answer.status, what).toBeLessThan(500);
        // The refusal says why (JSON from the lab and its parser-error answer; plain text from
        // engine.io's refused upgrade).
        expect(answer.text.split('\r\n\r\n')[1] ?? '', what).toMatch(/[a-z]{3,} [a-z]{2,}/i);
      } else {
        // A page, a 404 or a handshake; a WebSocket upgrade (101) carries frames, not a body.
        expect(answer.status, what).toBeGreaterThanOrEqual(101);
        if (answer.status !== 101)
          expect((answer.text.split('\r\n\r\n')[1] ?? '').length, what).toBeGreaterThan(0);
      }
      expect(server.child.exitCode, `the server survived ${name}`).toBeNull();
    }
    console.log(statuses.join('; '));
    for (const transport of ['polling', 'websocket'] as const) {
      const outcome = await socketWithCookie(server, transport);
      expect(outcome, transport).toBe(token ? 'refused: unauthorized: wrong token' : 'connected');
    }
    expect(await pids(server, token)).toEqual(before);
    expect(server.output()).not.toContain('shutting down');
  });

  it('never redirects off-site after a token', async () => {
    const answer = await rawRequest(
      server.url,
      `GET /.//evil.example/?token=${TOKEN} HTTP/1.1\r\nHost: ${host(server)}\r\nConnection: close\r\n\r\n`,
    );
    const location = /\r\nlocation: ([^\r]*)/i.exec(answer.text)?.[1];
    if (token) {
      expect(answer.status).toBe(303);
      expect(location).toMatch(/^\/(?![/\\])/);
      const cookie = /\r\nset-cookie: ([^\r]*)/i.exec(answer.text)?.[1] ?? '';
      expect(cookie).toContain('HttpOnly');
      expect(cookie).not.toContain(TOKEN);
    } else {
      expect(location ?? '').not.toMatch(/^\/\/|^https?:/);
    }
    expect(answer.text).toMatch(/\r\nx-frame-options: DENY/i);
  });

  it('shows only { ok } on /api/health without the token', async () => {
    const body = await (await fetch(`${server.url}/api/health`)).json();
    if (token) expect(body).toEqual({ ok: true });
    else expect(body).toMatchObject({ ok: true, observerPid: before.observer });
  });
});

describe('a lab behind a reverse proxy', () => {
  it('asks for a token when PUBLIC_URL names another host, and says why', async () => {
    const server = await spawnServer({
      KAFKA_BROKERS: brokers.join(','),
      LAB_SCENARIO: '',
      PUBLIC_URL: 'https://lab.example.com',
    });
    try {
      await waitForReady(server);
      expect(server.output()).toContain(
        'a token is required: PUBLIC_URL=https://lab.example.com is reachable from other machines',
      );
      expect((await fetch(`${server.url}/api/state`)).status).toBe(401);
      const command = await fetch(`${server.url}/api/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'topic:create', topic: 'proxied-probe' }),
      });
      expect(command.status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      server.cleanup();
    }
  });
});
