import { redactor } from '../redact';
/**
 * One set of connection settings for every Kafka client the lab runs: the Java observer and
 * consumers get Kafka properties, kafkajs its own options. Secrets are listed so that anything
 * the lab prints can be scrubbed of them.
 */
export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export class ClientConfigError extends Error {
  override name = 'ClientConfigError';
}

export interface TlsFiles {
  /** PEM CA bundle (librdkafka's ssl.ca.location), or null with a Java truststore. */
  caFile: string | null;
  truststore: { location: string; password: string | null; type: string } | null;
  /** Client certificate and key (PEM), for brokers that ask for one. */
  certFile: string | null;
  keyFile: string | null;
  keyPassword: string | null;
  verifyHostname: boolean;
}

export interface ClientSettings {
  bootstrap: string[];
  securityProtocol: SecurityProtocol;
  sasl: { mechanism: SaslMechanism; username: string; password: string } | null;
  tls: TlsFiles | null;
  /** What Kafka's Java clients are given. */
  java: Record<string, string>;
  /** Values that must never be printed. */
  secrets: string[];
}

const oneOf = <T extends string>(field: string, value: string, allowed: readonly T[]): T => {
  const upper = value.trim().toUpperCase();
  if ((allowed as readonly string[]).includes(upper)) return upper as T;
  throw new ClientConfigError(`${field} must be one of: ${allowed.join(', ')} (got "${value}")`);
};

/** username="…" password="…" out of a Java JAAS line, for clients that take them apart. */
export function jaasCredentials(jaas: string): { username: string; password: string } | null {
  const username = /username\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(jaas)?.[1];
  const password = /password\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(jaas)?.[1];
  return username !== undefined && password !== undefined ? { username, password } : null;
}

function jaasFor(mechanism: SaslMechanism, username: string, password: string): string {
  const module =
    mechanism === 'PLAIN'
      ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
      : 'org.apache.kafka.common.security.scram.ScramLoginModule';
  const quote = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `${module} required username="${quote(username)}" password="${quote(password)}";`;
}

/** Settings from Kafka property names (file contents already parsed); `brokers` overrides bootstrap. */
export function clientSettings(props: Record<string, string>, brokers?: string[]): ClientSettings {
  const bootstrap =
    brokers ??
    (props['bootstrap.servers'] ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
  if (bootstrap.length === 0)
    throw new ClientConfigError('bootstrap.servers is required: host:port[,host:port…]');
  const securityProtocol = oneOf(
    'security.protocol',
    props['security.protocol'] ?? 'PLAINTEXT',
    SECURITY_PROTOCOLS,
  );
  const java: Record<string, string> = { 'security.protocol': securityProtocol };
  const secrets: string[] = [];
  // Pass through what Java clients understand as it is (sasl.*, ssl.*), then fill in the rest.
  for (const [key, value] of Object.entries(props))
    if (/^(sasl|ssl)\./.test(key) && !LIBRDKAFKA_ONLY.has(key)) java[key] = value;

  let sasl: ClientSettings['sasl'] = null;
  if (securityProtocol.startsWith('SASL_')) {
    const mechanism = oneOf(
      'sasl.mechanism',
      props['sasl.mechanism'] ?? props['sasl.mechanisms'] ?? 'PLAIN',
      SASL_MECHANISMS,
    );
    const fromJaas = props['sasl.jaas.config'] ? jaasCredentials(props['sasl.jaas.config']) : null;
    const username = props['sasl.username'] ?? fromJaas?.username;
    const password = props['sasl.password'] ?? fromJaas?.password;
    if (!username || password === undefined)
      throw new ClientConfigError(
        `${securityProtocol} needs sasl.username and sasl.password (or sasl.jaas.config with both)`,
      );
    sasl = { mechanism, username, password };
    java['sasl.mechanism'] = mechanism;
    java['sasl.jaas.config'] = props['sasl.jaas.config'] ?? jaasFor(mechanism, username, password);
    secrets.push(password, java['sasl.jaas.config']);
  }

  let tls: TlsFiles | null = null;
  if (securityProtocol === 'SSL' || securityProtocol === 'SASL_SSL') {
    const caFile = props['ssl.ca.location'] ?? null;
    const truststoreLocation = props['ssl.truststore.location'] ?? null;
    tls = {
      caFile,
      truststore: truststoreLocation
        ? {
            location: truststoreLocation,
            password: props['ssl.truststore.password'] ?? null,
            type: props['ssl.truststore.type'] ?? 'JKS',
          }
        : null,
      certFile: props['ssl.certificate.location'] ?? null,
      keyFile: props['ssl.key.location'] ?? null,
      keyPassword: props['ssl.key.password'] ?? null,
      verifyHostname: !['', 'none'].includes(
        (props['ssl.endpoint.identification.algorithm'] ?? 'https').toLowerCase(),
      ),
    };
    if (caFile && !truststoreLocation) {
      java['ssl.truststore.type'] = 'PEM';
      java['ssl.truststore.location'] = caFile;
    }
    if (!tls.verifyHostname) java['ssl.endpoint.identification.algorithm'] = '';
    for (const key of ['ssl.truststore.password', 'ssl.keystore.password', 'ssl.key.password'])
      if (props[key]) secrets.push(props[key] as string);
  }
  return { bootstrap, securityProtocol, sasl, tls, java, secrets };
}

/** librdkafka's names, which Java clients would warn about: translated above, not passed on. */
const LIBRDKAFKA_ONLY = new Set([
  'sasl.mechanisms',
  'sasl.username',
  'sasl.password',
  'ssl.ca.location',
  'ssl.certificate.location',
  'ssl.key.location',
  'ssl.endpoint.identification.algorithm',
]);

/** The redactor for everything a client configured with these settings may print. */
export function settingsRedactor(settings: ClientSettings | null): (text: string) => string {
  return redactor(settings?.java ?? {}, settings?.secrets ?? []);
}
