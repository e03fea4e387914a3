import { z } from 'zod';
import { type ClusterShape, clusterShape } from './config-cluster';

const portNumber = (field: string) =>
  z.coerce
    .number({ error: `${field} must be a port number from 1 to 65535` })
    .int({ error: `${field} must be a port number from 1 to 65535` })
    .min(1, { error: `${field} must be a port number from 1 to 65535` })
    .max(65535, { error: `${field} must be a port number from 1 to 65535` });
const port = (field: string, fallback: number) => portNumber(field).default(fallback);

const envSchema = z.object({
  PORT: port('PORT', 3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KAFKA_BROKERS: z
    .string()
    .optional()
    .transform((v) => {
      const brokers = list(v);
      return brokers.length > 0 ? brokers : null;
    }),
  /** A Java client.properties or a librdkafka-style config.ini (the course's), for SASL/SSL. */
  KAFKA_CONFIG: z.string().min(1).optional(),
  KAFKA_PORT: port('KAFKA_PORT', 9092),
  /** Its default depends on LAB_BROKERS (see clusterShape). */
  KAFKA_CONTROLLER_PORT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    portNumber('KAFKA_CONTROLLER_PORT').optional(),
  ),
  KAFKA_DATA_DIR: z.string().optional(),
  /** 1 or 3, and the 3-broker lab's ids and ports: checked together by clusterShape. */
  LAB_BROKERS: z.string().optional(),
  KAFKA_BROKER_PORTS: z.string().optional(),
  KAFKA_BROKER_IDS: z.string().optional(),
  KAFKA_CONTROLLER_ID: z.string().optional(),
  KAFKA_HEAP: z
    .string()
    .regex(/^\d+[mMgG]$/, { error: 'KAFKA_HEAP must look like 512m or 1g' })
    .default('512m'),
  POLL_INTERVAL_MS: z.coerce
    .number({ error: 'POLL_INTERVAL_MS must be an integer from 200 to 60000' })
    .int()
    .min(200, { error: 'POLL_INTERVAL_MS must be an integer from 200 to 60000' })
    .max(60000, { error: 'POLL_INTERVAL_MS must be an integer from 200 to 60000' })
    .default(1000),
  /** Unset: the default scenario on the embedded broker, monitor mode on any other cluster. */
  LAB_SCENARIO: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .enum(['default', 'empty'], { error: 'LAB_SCENARIO must be one of: default, empty' })
      .optional(),
  ),
  PUBLIC_URL: z
    .url({ error: 'PUBLIC_URL must be an absolute URL such as https://lab.example.com' })
    .optional(),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) => list(v))
    .refine((origins) => origins.every((o) => /^https?:\/\/[^/\s]+$/.test(o)), {
      error: 'ALLOWED_ORIGINS must be a comma-separated list of origins such as http://host:3000',
    }),
  LAB_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || v.length >= 16, {
      error: 'LAB_TOKEN must be at least 16 characters',
    }),
  /** Where each change of a group's verdict is POSTed as JSON (server/alerts); unset: nowhere. */
  ALERT_WEBHOOK_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({
        protocol: /^https?$/,
        error:
          'ALERT_WEBHOOK_URL must be an http:// or https:// URL such as http://127.0.0.1:9000/hook',
      })
      // fetch refuses such URLs, and its error would carry them (and the password) into the log.
      .refine((v) => !/^[a-z]+:\/\/[^/?#]*@/i.test(v), {
        error: 'ALERT_WEBHOOK_URL must not hold a user or password: use ALERT_WEBHOOK_TOKEN',
      })
      .optional(),
  ),
  ALERT_WEBHOOK_TOKEN: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null))
    .refine((v) => v === null || /^[\x21-\x7e]+$/.test(v), {
      error: 'ALERT_WEBHOOK_TOKEN must be printable ASCII without spaces',
    }),
  READ_ONLY: z
    .enum(['', '0', '1', 'true', 'false'], { error: 'READ_ONLY must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  NODE_ENV: z.string().default('production'),
});

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export interface AppConfig {
  port: number;
  host: string;
  /** Null means: start the embedded broker (unless a config file names the cluster). */
  externalBrokers: string[] | null;
  /** KAFKA_CONFIG: the client settings file, null without one. */
  kafkaConfigFile: string | null;
  kafkaPort: number;
  controllerPort: number;
  /** The one broker's data dir; with LAB_BROKERS=3 the parent of each node's directory. */
  kafkaDataDir: string;
  /** LAB_BROKERS=3: three brokers with their own KRaft controller (lab-cluster.ts). */
  labBrokers: ClusterShape['labBrokers'];
  brokerNodes: ClusterShape['brokerNodes'];
  controllerId: number;
  kafkaHeap: string;
  pollIntervalMs: number;
  /** monitor: an outside cluster, watched only; the lab writes nothing to it. */
  mode: 'lab' | 'monitor';
  scenario: 'default' | 'empty';
  publicUrl: string | null;
  allowedOrigins: string[];
  labToken: string | null;
  readOnly: boolean;
  /** ALERT_WEBHOOK_URL and its bearer token; null: no alerts are sent. */
  alertWebhook: { url: string; token: string | null } | null;
  dev: boolean;
  rootDir: string;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  rootDir = process.cwd(),
): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${message}`);
  }
  const e = parsed.data;
  if (e.ALERT_WEBHOOK_TOKEN && !e.ALERT_WEBHOOK_URL)
    throw new Error(
      'Invalid configuration:\nALERT_WEBHOOK_TOKEN: set, but ALERT_WEBHOOK_URL (where alerts go) is not',
    );
  const cluster = clusterShape(e, rootDir);
  if ('issues' in cluster) {
    const message = cluster.issues.map((i) => `${i.variable}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${message}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    externalBrokers: e.KAFKA_BROKERS,
    kafkaConfigFile: e.KAFKA_CONFIG ?? null,
    kafkaPort: e.KAFKA_PORT,
    controllerPort: cluster.shape.controllerPort,
    kafkaDataDir: cluster.shape.dataDir,
    labBrokers: cluster.shape.labBrokers,
    brokerNodes: cluster.shape.brokerNodes,
    controllerId: cluster.shape.controllerId,
    kafkaHeap: e.KAFKA_HEAP,
    pollIntervalMs: e.POLL_INTERVAL_MS,
    mode: (e.KAFKA_BROKERS || e.KAFKA_CONFIG) && !e.LAB_SCENARIO ? 'monitor' : 'lab',
    scenario: e.LAB_SCENARIO ?? (e.KAFKA_BROKERS || e.KAFKA_CONFIG ? 'empty' : 'default'),
    publicUrl: e.PUBLIC_URL ?? null,
    allowedOrigins: e.ALLOWED_ORIGINS,
    labToken: e.LAB_TOKEN,
    readOnly: e.READ_ONLY,
    alertWebhook: e.ALERT_WEBHOOK_URL
      ? { url: e.ALERT_WEBHOOK_URL, token: e.ALERT_WEBHOOK_TOKEN }
      : null,
    dev: e.NODE_ENV === 'development',
    rootDir,
  };
}
