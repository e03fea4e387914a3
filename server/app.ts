import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import {
  FIRST_PAINT_TIMELINE,
  type PageStateSource,
  pageStateSource,
  registerPageState,
} from '../protocol/page-state';
import type { KafkajsSecurity } from '../protocol/security';
import type { TimelineEvent } from '../protocol/timeline';
import { watchVerdicts } from './alerts/watch-verdicts';
import type { WebhookOptions, WebhookTarget } from './alerts/webhook-sender';
import type { LabKafka } from './broker/lab-kafka';
import type { ClientSettings } from './client-config/client-settings';
import {
  type AccessPolicy,
  accessPolicy,
  checkOrigin,
  checkToken,
  presentedToken,
} from './http/access';
import { admitHttp, parseTarget } from './http/admit';
import { handleApi } from './http/api';
import { answerClientError, describeRequest, httpBoundary } from './http/boundary';
import { JvmObserver } from './jvm/jvm-observer';
import { runCommand } from './lab/commands';
import { EXPERIMENTS } from './lab/experiments';
import { ExperimentRunner } from './lab/experiments/runner';
import { Lab } from './lab/lab';
import { watchLabKafka } from './lab/lab-kafka-watch';
import type { LabLimits } from './lab/limits';
import { startDefaultScenario } from './lab/scenario';
import { Broadcaster } from './realtime/broadcaster';
import {
  attachSocketHandlers,
  MAX_SOCKET_MESSAGE_BYTES,
  MAX_WATCHED_GROUPS,
} from './realtime/socket-handlers';

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface OffsetLabOptions {
  brokers: string[];
  /** The Kafka the lab runs itself (LAB_BROKERS), null for an outside cluster. */
  broker: LabKafka | null;
  host: string;
  port: number;
  pollIntervalMs: number;
  scenario: 'default' | 'empty';
  mode?: 'lab' | 'monitor';
  /** Where the project lives (Java sources, .kafka cache); the current directory by default. */
  rootDir?: string;
  /** Kafka client properties for security (SASL/SSL) that every client gets; never logged. */
  clientProperties?: Record<string, string>;
  clientSettings?: ClientSettings | null;
  kafkajsSecurity?: KafkajsSecurity | null;
  /** The compiled Java parts with Kafka's jars; null: no Java consumers (no JDK). */
  jvmClasspath?: string | null;
  /** Who may connect; by default loopback names only, no token, not read-only. */
  access?: AccessPolicy;
  /** Caps on lab groups, consumers and topics; DEFAULT_LIMITS otherwise. */
  limits?: Partial<LabLimits>;
  /** Serves everything that is not /api or socket.io (the Next.js page); tests may leave it out. */
  pages?: PageHandler;
  /** ALERT_WEBHOOK_URL: each change of a group's verdict is POSTed there. */
  alertWebhook?: WebhookTarget | null;
  alertOptions?: WebhookOptions;
}

export interface OffsetLab {
  url: string;
  lab: Lab;
  http: HttpServer;
  close: () => Promise<void>;
}

/** Wires the lab, the JSON API and socket.io onto one HTTP server; the caller owns the broker. */
export async function startOffsetLab(options: OffsetLabOptions): Promise<OffsetLab> {
  const access =
    options.access ??
    accessPolicy({
      host: options.host,
      publicUrl: null,
      allowedOrigins: [],
      labToken: null,
      readOnly: false,
    });
  const lab = new Lab({
    brokers: options.brokers,
    embedded: options.broker !== null,
    admin: new JvmObserver({
      rootDir: options.rootDir ?? process.cwd(),
      brokers: options.brokers,
      clientProperties: options.clientProperties,
      // A down cluster shows as unreachable after this long, not after the Admin's 60 s default.
      apiTimeoutMs: 5000,
    }),
    pollIntervalMs: options.pollIntervalMs,
    mode: options.mode ?? 'lab',
    readOnly: access.readOnly,
    jvmClasspath: options.jvmClasspath ?? null,
    clientProperties: options.clientProperties,
    clientSettings: options.clientSettings ?? null,
    kafkajsSecurity: options.kafkajsSecurity ?? null,
    limits: options.limits,
  });
  const { broker } = options;
  if (broker) watchLabKafka(lab, broker);
  const alerts = options.alertWebhook
    ? watchVerdicts(lab, options.alertWebhook, options.alertOptions)
    : null;

  // Connection trouble goes to the terminal too, in the same words as on the page.
  lab.on('timeline', (events: TimelineEvent[]) => {
    for (const e of events)
      if (e.kind === 'broker-unreachable' || e.kind === 'broker-connected')
        console.warn(`[offset-lab] ${e.message}`);
  });
  lab.experiments = new ExperimentRunner(lab, EXPERIMENTS, (command) =>
    runCommand(lab, broker, command),
  );
  const http = createServer(
    // A request without Host gets the Host check's 403 and its reason, not Node's bare 400.
    { requireHostHeader: false },
    httpBoundary(async (req, res) => {
      const admission = admitHttp(access, req, res);
      if (!admission.admitted) return;
      const handled = await handleApi(req, res, lab, broker, admission.url, admission.authorised);
      if (handled) return;
      if (options.pages) return options.pages(req, res);
      res.writeHead(404).end();
    }),
  );
  http.on('clientError', answerClientError);
  const io = new IoServer<ClientToServerEvents, ServerToClientEvents>(http, {
    serveClient: false,
    // Snapshots are repetitive JSON (group ids, field names): a dashboard watched over a real
    // network gets them deflated. Small deltas go as they are.
    perMessageDeflate: { threshold: 1024 },
    // The same cap as an HTTP command's body: every client message is a small command.
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    // A handshake that never finishes must not hold its slot.
    connectTimeout: 10_000,
    // WebSockets are not bound by CORS: without this any page could drive the lab.
    allowRequest: (req, callback) => {
      try {
        const target = parseTarget(req.url);
        if (typeof target === 'string') return callback(target, false);
        const verdict = checkOrigin(access, req.headers);
        callback(verdict.ok ? null : verdict.error, verdict.ok);
      } catch (error) {
        console.error(`[offset-lab] socket.io handshake ${describeRequest(req)} failed:`, error);
        callback('internal error', false);
      }
    },
  });
  io.use((socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const verdict = checkToken(access, presentedToken(socket.request.headers, auth?.token));
      next(verdict.ok ? undefined : new Error(verdict.error));
    } catch (error) {
      console.error('[offset-lab] socket.io handshake failed:', error);
      next(new Error('internal error'));
    }
  });
  const broadcaster = new Broadcaster(io, lab);
  const pageState: PageStateSource = (groupIds) => {
    broadcaster.flush();
    return {
      snapshot: lab.pageSnapshot(groupIds.slice(0, MAX_WATCHED_GROUPS)),
      // The charts fill from the socket's full state; the first paint draws no chart.
      history: [],
      timeline: lab.state.timeline.slice(-FIRST_PAINT_TIMELINE),
    };
  };
  registerPageState(pageState);
  attachSocketHandlers(io, lab, broker, broadcaster);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  lab.start();
  broadcaster.start();
  if (options.scenario === 'default')
    await startDefaultScenario(lab, broker?.brokerIds.length ?? 1);

  const address = http.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${options.host}:${address.port}`,
    lab,
    http,
    close: () => {
      closing ??= (async () => {
        if (pageStateSource() === pageState) registerPageState(null);
        broadcaster.stop();
        alerts?.stop();
        await lab.stop();
        io.close();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      })();
      return closing;
    },
  };
}
