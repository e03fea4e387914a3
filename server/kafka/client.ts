import { Kafka, type KafkaConfig, logLevel, type SASLOptions } from 'kafkajs';
import type { KafkajsSecurity } from '../../protocol/security';

export interface ClientOptions {
  brokers: string[];
  clientId: string;
  /** TLS and SASL for a secured cluster; null or absent: PLAINTEXT. */
  security?: KafkajsSecurity | null;
  /** Where kafkajs' own errors go; the lab shows errors through its state instead. */
  onLog?: (level: 'error' | 'warn', message: string) => void;
  retries?: number;
}

// kafkajs warns about its v2 partitioner change on every producer; we pick the partitioner explicitly.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

function tls(security: KafkajsSecurity | null | undefined): KafkaConfig['ssl'] {
  const ssl = security?.ssl;
  if (!ssl) return undefined;
  return {
    ...(ssl.ca ? { ca: ssl.ca } : {}),
    ...(ssl.cert ? { cert: ssl.cert } : {}),
    ...(ssl.key ? { key: ssl.key } : {}),
    ...(ssl.passphrase ? { passphrase: ssl.passphrase } : {}),
    ...(ssl.checkHostname ? {} : { checkServerIdentity: () => undefined }),
  };
}

export function createKafka({
  brokers,
  clientId,
  onLog,
  retries = 5,
  security,
}: ClientOptions): Kafka {
  const config: KafkaConfig = {
    brokers,
    clientId,
    ssl: tls(security),
    sasl: (security?.sasl ?? undefined) as SASLOptions | undefined,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { retries, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }) => {
        if (!onLog) return;
        const text = `${log.message}${log.error ? `: ${String(log.error)}` : ''}`;
        onLog(level === logLevel.ERROR ? 'error' : 'warn', text);
      },
  };
  return new Kafka(config);
}

/** True once the cluster answers a metadata request listing at least `minBrokers` brokers. */
export async function probeCluster(
  brokers: string[],
  security: KafkajsSecurity | null = null,
  minBrokers = 1,
): Promise<boolean> {
  const admin = createKafka({
    brokers,
    clientId: 'offset-lab-probe',
    retries: 0,
    security,
  }).admin();
  try {
    await admin.connect();
    return (await admin.describeCluster()).brokers.length >= minBrokers;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Waits until the cluster answers with `minBrokers` live brokers (all of a lab cluster). */
export async function waitForCluster(
  brokers: string[],
  timeoutMs: number,
  minBrokers = 1,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probeCluster(brokers, null, minBrokers)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Kafka at ${brokers.join(',')} did not answer within ${timeoutMs / 1000} s`);
}
