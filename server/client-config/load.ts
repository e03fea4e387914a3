import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { KafkajsSecurity } from '../../protocol/security';
import { childEnv } from '../child-env';
import { ClientConfigError, type ClientSettings, clientSettings } from './client-settings';
import { parseClientConfig } from './parse';

function readFile(field: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new ClientConfigError(`${field}: cannot read ${file}`);
  }
}

/**
 * The settings in KAFKA_CONFIG, with file paths resolved against the file's folder and checked.
 * A PEM client certificate is handed to Java inline (ssl.keystore.type=PEM).
 */
export function loadClientConfig(file: string, brokers?: string[]): ClientSettings {
  const text = readFile('KAFKA_CONFIG', file);
  const props = parseClientConfig(text);
  const dir = path.dirname(path.resolve(file));
  for (const key of [
    'ssl.ca.location',
    'ssl.truststore.location',
    'ssl.keystore.location',
    'ssl.certificate.location',
    'ssl.key.location',
  ]) {
    const value = props[key];
    if (!value) continue;
    props[key] = path.resolve(dir, value);
    if (!fs.existsSync(props[key]))
      throw new ClientConfigError(`${key}: file ${props[key]} not found`);
  }
  const settings = clientSettings(props, brokers);
  const tls = settings.tls;
  if (tls?.certFile && tls.keyFile) {
    settings.java['ssl.keystore.type'] = 'PEM';
    settings.java['ssl.keystore.certificate.chain'] = readFile(
      'ssl.certificate.location',
      tls.certFile,
    );
    settings.java['ssl.keystore.key'] = readFile('ssl.key.location', tls.keyFile);
    if (tls.keyPassword) settings.java['ssl.key.password'] = tls.keyPassword;
    settings.secrets.push(settings.java['ssl.keystore.key']);
  }
  return settings;
}

/**
 * PEM certificates kafkajs can trust: the CA file as it is, or a Java truststore's certificates
 * exported with keytool (kafkajs, being Node, cannot read JKS or PKCS12 stores itself).
 */
const STOREPASS_VARIABLE = 'OFFSET_LAB_TRUSTSTORE_PASSWORD';

export function trustedCertificates(settings: ClientSettings): string[] | null {
  const tls = settings.tls;
  if (!tls) return null;
  if (tls.caFile) return [readFile('ssl.ca.location', tls.caFile)];
  if (!tls.truststore) return null;
  const args = [
    '-list',
    '-rfc',
    '-keystore',
    tls.truststore.location,
    '-storetype',
    tls.truststore.type,
  ];
  // -storepass:env: argv is public (ps, /proc/<pid>/cmdline), the child's environment is not.
  const env: Record<string, string> = {};
  if (tls.truststore.password) {
    args.push('-storepass:env', STOREPASS_VARIABLE);
    env[STOREPASS_VARIABLE] = tls.truststore.password;
  }
  const result = spawnSync('keytool', args, { encoding: 'utf8', env: childEnv(env) });
  const pems = (result.stdout ?? '').match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  );
  if (result.status !== 0 || !pems)
    throw new ClientConfigError(
      `ssl.truststore.location: keytool could not read ${tls.truststore.location}`,
    );
  return pems;
}

/** The same settings for kafkajs: PEM certificates and SASL credentials; null for PLAINTEXT. */
export function kafkajsSecurity(settings: ClientSettings | null): KafkajsSecurity | null {
  if (!settings || settings.securityProtocol === 'PLAINTEXT') return null;
  const tls = settings.tls;
  return {
    ssl: tls
      ? {
          ca: trustedCertificates(settings),
          cert: tls.certFile ? readFile('ssl.certificate.location', tls.certFile) : null,
          key: tls.keyFile ? readFile('ssl.key.location', tls.keyFile) : null,
          passphrase: tls.keyPassword,
          checkHostname: tls.verifyHostname,
        }
      : null,
    sasl: settings.sasl
      ? {
          mechanism: settings.sasl.mechanism.toLowerCase() as NonNullable<
            KafkajsSecurity['sasl']
          >['mechanism'],
          username: settings.sasl.username,
          password: settings.sasl.password,
        }
      : null,
  };
}
