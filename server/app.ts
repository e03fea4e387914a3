import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import type { EmbeddedBroker } from './broker/embedded-broker';
import { handleApi } from './http/api';
import { AdminPoller } from './kafka/admin-poller';
import { Lab } from './lab/lab';
import { startDefaultScenario } from './lab/scenario';
import { Broadcaster } from './realtime/broadcaster';
import { attachSocketHandlers } from './realtime/socket-handlers';

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface OffsetLabOptions {
  brokers: string[];
  broker: EmbeddedBroker | null;
  host: string;
  port: number;
  pollIntervalMs: number;
  scenario: 'default' | 'empty';
  /** Serves everything that is not /api or socket.io (the Next.js page); tests may leave it out. */
  pages?: PageHandler;
}

export interface OffsetLab {
  url: string;
  lab: Lab;
  http: HttpServer;
  close: () => Promise<void>;
}

/** Wires the lab, the JSON API and socket.io onto one HTTP server; the caller owns the broker. */
export async function startOffsetLab(options: OffsetLabOptions): Promise<OffsetLab> {
  const lab = new Lab({
    brokers: options.brokers,
    embedded: options.broker !== null,
    admin: new AdminPoller(options.brokers),
    pollIntervalMs: options.pollIntervalMs,
  });
  const { broker } = options;
  broker?.onExit((reason) => {
    lab.dispatch({ type: 'broker/changed', running: false, pid: null, at: Date.now() });
    console.warn(`[offset-lab] embedded broker stopped: ${reason}`);
  });
  if (broker)
    lab.dispatch({
      type: 'broker/changed',
      running: broker.running,
      pid: broker.pid,
      at: Date.now(),
    });

  const http = createServer((req, res) => {
    handleApi(req, res, lab, broker)
      .then(async (handled) => {
        if (handled) return;
        if (options.pages) return options.pages(req, res);
        res.writeHead(404).end();
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: (error as Error).message }));
      });
  });
  const io = new IoServer<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false });
  const broadcaster = new Broadcaster(io, lab);
  attachSocketHandlers(io, lab, broker, broadcaster);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  lab.start();
  broadcaster.start();
  if (options.scenario === 'default') await startDefaultScenario(lab);

  const address = http.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${options.host}:${address.port}`,
    lab,
    http,
    close: () => {
      closing ??= (async () => {
        broadcaster.stop();
        await lab.stop();
        io.close();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return closing;
    },
  };
}
