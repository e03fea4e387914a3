import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TestCertificates {
  /** The CA's certificate, PEM (librdkafka's ssl.ca.location). */
  caPem: string;
  /** The same CA in a PKCS12 truststore (Java's ssl.truststore.location). */
  truststore: string;
  /** The broker's key and certificate (CN=localhost, SAN 127.0.0.1), signed by the CA. */
  keystore: string;
  password: string;
}

/** A throwaway CA and a broker certificate it signed, made with the JDK's keytool. */
export function makeTestCertificates(dir: string, password = 'changeit-test'): TestCertificates {
  const file = (name: string) => path.join(dir, name);
  const keytool = (...args: string[]) =>
    execFileSync('keytool', args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  const store = (name: string) => [
    '-keystore',
    file(name),
    '-storetype',
    'PKCS12',
    '-storepass',
    password,
  ];
  keytool(
    '-genkeypair',
    ...store('ca.p12'),
    '-alias',
    'ca',
    '-keyalg',
    'RSA',
    '-keysize',
    '2048',
    '-validity',
    '2',
    '-dname',
    'CN=offset-lab-test-ca',
    '-ext',
    'bc:c',
  );
  keytool('-exportcert', ...store('ca.p12'), '-alias', 'ca', '-rfc', '-file', file('ca.pem'));
  keytool(
    '-genkeypair',
    ...store('broker.p12'),
    '-alias',
    'broker',
    '-keyalg',
    'RSA',
    '-keysize',
    '2048',
    '-validity',
    '2',
    '-dname',
    'CN=localhost',
    '-ext',
    'SAN=IP:127.0.0.1,DNS:localhost',
  );
  const csr = keytool('-certreq', ...store('broker.p12'), '-alias', 'broker');
  const signed = execFileSync(
    'keytool',
    [
      '-gencert',
      ...store('ca.p12'),
      '-alias',
      'ca',
      '-rfc',
      '-validity',
      '2',
      '-ext',
      'SAN=IP:127.0.0.1,DNS:localhost',
    ],
    { input: csr, encoding: 'utf8' },
  );
  fs.writeFileSync(file('broker.pem'), signed);
  keytool(
    '-importcert',
    ...store('broker.p12'),
    '-alias',
    'ca',
    '-file',
    file('ca.pem'),
    '-noprompt',
  );
  keytool(
    '-importcert',
    ...store('broker.p12'),
    '-alias',
    'broker',
    '-file',
    file('broker.pem'),
    '-noprompt',
  );
  keytool(
    '-importcert',
    ...store('truststore.p12'),
    '-alias',
    'ca',
    '-file',
    file('ca.pem'),
    '-noprompt',
  );
  return {
    caPem: file('ca.pem'),
    truststore: file('truststore.p12'),
    keystore: file('broker.p12'),
    password,
  };
}
