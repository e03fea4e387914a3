import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { COMMAND_ERROR_STATUS } from '../../protocol/commands';
import { unknownFields } from '../../protocol/strict';
import type { LabKafka } from '../broker/lab-kafka';
import { runCommand } from '../lab/commands';
import type { Lab } from '../lab/lab';
import { readRecords } from '../lab/read-records';
import { METRICS_CONTENT_TYPE, prometheusMetrics } from './metrics';

const MAX_BODY_BYTES = 64 * 1024;
const gzip = promisify(gzipCallback);

/**
 * The query parameters each GET route takes; any other is refused, like a command's unknown
 * field. /api/records checks its own (the same schema as the socket's records:read).
 */
const QUERY_PARAMS: Record<string, readonly string[]> = {
  'GET /api/state': ['groups'],
  'GET /api/health': [],
  'GET /api/load': [],
  'GET /api/history': [],
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/**
 * A large JSON answer: gzip when the client takes it, and an ETag so that an unchanged repeat is
 * a 304 without a body. The hash costs a few ms at 1,000 groups; the transfer it saves is MBs.
 */
async function jsonCacheable(req: IncomingMessage, res: ServerResponse, body: unknown) {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    // Revalidate every time: the state changes every second.
    'cache-control': 'no-cache',
    etag,
    vary: 'accept-encoding',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    const zipped = await gzip(text);
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
    res.end(zipped);
    return;
  }
  res.writeHead(200, headers);
  res.end(text);
}

/** The body as text, or null when it is larger than MAX_BODY_BYTES (read to the end regardless,
 * so the client gets its 413 instead of a connection reset). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

const tooLarge = `body: larger than ${MAX_BODY_BYTES / 1024} KiB; commands are small JSON objects`;

/** Only JSON: a cross-site form or no-cors fetch can send text/plain without a preflight. */
function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

export function health(lab: Lab, broker: LabKafka | null) {
  const snapshot = lab.snapshot();
  const connected = snapshot.connection.kafka === 'connected';
  return {
    ok: connected,
    kafka: {
      connected,
      clusterId: snapshot.cluster?.clusterId ?? null,
      brokers: snapshot.cluster?.brokers ?? [],
      lastError: snapshot.connection.lastError,
    },
    embeddedBroker: broker
      ? {
          running: broker.running,
          pid: broker.pid,
          bootstrap: broker.bootstrapServers.join(','),
          nodes: broker.nodes(),
        }
      : null,
    consumerPids: [...lab.processes.values()]
      .map((p) => p.handle.pid)
      .filter((p): p is number => p !== null),
    /** Groups the observer lists, so a script can wait for the first full picture. */
    groupsObserved: snapshot.overview.length,
    /** The JVM running Kafka's Admin client (and the commit stream), for process checks. */
    observerPid: lab.options.admin.pid,
  };
}

/** Requests the lab has sent to the cluster so far: how much load it puts on a monitored cluster. */
async function kafkaLoad(lab: Lab) {
  try {
    const m = await lab.options.admin.metrics();
    return {
      adminRequests: m.adminRequestTotal,
      commitStreamRequests: m.tailRequestTotal,
      pollIntervalMs: lab.state.connection.pollIntervalMs,
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The JSON API; returns false for paths it does not own so Next.js can serve them. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  lab: Lab,
  broker: LabKafka | null,
  url: URL,
  authorised = true,
): Promise<boolean> {
  // Without the token only "is it up": addresses, pids and errors (which may name a user) stay in.
  if (!authorised) {
    json(res, 200, { ok: lab.snapshot().connection.kafka === 'connected' });
    return true;
  }
  if (req.method === 'GET' && url.pathname === '/metrics') {
    res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' });
    res.end(prometheusMetrics(lab.fullSnapshot()));
    return true;
  }
  if (!url.pathname.startsWith('/api/')) return false;
  const route = `${req.method} ${url.pathname}`;
  const params = QUERY_PARAMS[route];
  if (params) {
    const unknown = unknownFields(Object.fromEntries(url.searchParams), params, route, 'parameter');
    if (unknown) {
      json(res, 400, { ok: false, error: unknown, kind: 'invalid' });
      return true;
    }
  }
  switch (route) {
    case 'GET /api/state': {
      // ?groups=a,b: only these groups in full (the overview still lists every group);
      // ?groups= (empty): the overview alone. A script polling one group need not get 1,000.
      const asked = url.searchParams.get('groups');
      const only =
        asked === null
          ? undefined
          : new Set(
              asked
                .split(',')
                .map((g) => g.trim())
                .filter(Boolean),
            );
      await jsonCacheable(req, res, lab.fullSnapshot(only));
      return true;
    }
    case 'GET /api/health':
      json(res, 200, health(lab, broker));
      return true;
    case 'GET /api/load':
      json(res, 200, await kafkaLoad(lab));
      return true;
    case 'GET /api/records': {
      const ack = await readRecords(lab, Object.fromEntries(url.searchParams), route);
      json(res, ack.ok ? 200 : COMMAND_ERROR_STATUS[ack.kind], ack);
      return true;
    }
    case 'GET /api/history':
      json(res, 200, { history: lab.history.toArray(), timeline: lab.state.timeline });
      return true;
    case 'POST /api/commands': {
      if (!isJson(req)) {
        req.resume();
        json(res, 415, {
          ok: false,
          error: 'content-type: commands must be sent as application/json',
          kind: 'unsupported-media-type',
        });
        return true;
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        res.setHeader('connection', 'close');
        req.resume();
        json(res, 413, { ok: false, error: tooLarge, kind: 'too-large' });
        return true;
      }
      const text = await readBody(req);
      if (text === null) {
        json(res, 413, { ok: false, error: tooLarge, kind: 'too-large' });
        return true;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        json(res, 400, {
          ok: false,
          error: `body: must be a JSON object (${(error as Error).message})`,
          kind: 'invalid',
        });
        return true;
      }
      const ack = await runCommand(lab, broker, body);
      json(res, ack.ok ? 200 : COMMAND_ERROR_STATUS[ack.kind], ack);
      return true;
    }
    default:
      json(res, 404, {
        ok: false,
        error: `no route ${route}; try GET /api/state, GET /api/health, GET /api/records, POST /api/commands`,
      });
      return true;
  }
}
