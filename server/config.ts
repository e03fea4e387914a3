import path from 'node:path';
import { z } from 'zod';

const port = (field: string, fallback: number) =>
  z.coerce
    .number({ error: `${field} must be a port number from 1 to 65535` })
    .int({ error: `${field} must be a port number from 1 to 65535` })
    .min(1, { error: `${field} must be a port number from 1 to 65535` })
    .max(65535, { error: `${field} must be a port number from 1 to 65535` })
    .default(fallback);

const envSchema = z.object({
  PORT: port('PORT', 3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KAFKA_BROKERS: z
    .string()
    .optional()
    .transform((v) => {
      const list = (v ?? '')
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean);
      return list.length > 0 ? list : null;
    }),
  KAFKA_PORT: port('KAFKA_PORT', 9092),
  KAFKA_CONTROLLER_PORT: port('KAFKA_CONTROLLER_PORT', 9093),
  KAFKA_DATA_DIR: z.string().optional(),
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
  LAB_SCENARIO: z
    .enum(['default', 'empty'], { error: 'LAB_SCENARIO must be one of: default, empty' })
    .default('default'),
  NODE_ENV: z.string().default('production'),
});

export interface AppConfig {
  port: number;
  host: string;
  /** Null means: start the embedded broker. */
  externalBrokers: string[] | null;
  kafkaPort: number;
  controllerPort: number;
  kafkaDataDir: string;
  kafkaHeap: string;
  pollIntervalMs: number;
  scenario: 'default' | 'empty';
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
  return {
    port: e.PORT,
    host: e.HOST,
    externalBrokers: e.KAFKA_BROKERS,
    kafkaPort: e.KAFKA_PORT,
    controllerPort: e.KAFKA_CONTROLLER_PORT,
    kafkaDataDir: e.KAFKA_DATA_DIR ?? path.join(rootDir, '.kafka', `data-${e.KAFKA_PORT}`),
    kafkaHeap: e.KAFKA_HEAP,
    pollIntervalMs: e.POLL_INTERVAL_MS,
    scenario: e.LAB_SCENARIO,
    dev: e.NODE_ENV === 'development',
    rootDir,
  };
}
