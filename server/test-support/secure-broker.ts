import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedBroker } from '../broker/embedded-broker';
import { waitForCluster } from '../kafka/client';
import { freePort } from './free-port';
import { makeTestCertificates, type TestCertificates } from './tls-certs';

export const PLAIN_USER = { name: 'alice', password: 'alice-pl41n-secret' };
export const SCRAM_USER = { name: 'carol', password: 'carol-scr4m-secret' };

export interface SecureBroker {
  dir: string;
  plaintext: string;
  sasl: string;
  ssl: string;
  certs: TestCertificates;
  stop: () => Promise<void>;
}

/** A broker of its own with SASL (PLAIN, SCRAM-SHA-256) and TLS listeners, for one test file. */
export async function startSecureBroker(): Promise<SecureBroker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offset-lab-secure-'));
  const certs = makeTestCertificates(dir);
  const [clientPort, controllerPort, saslPort, sslPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const broker = new EmbeddedBroker({
    rootDir: process.cwd(),
    clientPort,
    controllerPort,
    dataDir: path.join(dir, 'data'),
    heap: '384m',
    security: {
      saslPort,
      sslPort,
      keystore: { location: certs.keystore, password: certs.password },
      plainUsers: { [PLAIN_USER.name]: PLAIN_USER.password },
      scramUsers: { [SCRAM_USER.name]: SCRAM_USER.password },
    },
  });
  await broker.prepare();
  await broker.start();
  await waitForCluster([broker.bootstrap], 90_000);
  return {
    dir,
    plaintext: broker.bootstrap,
    sasl: `127.0.0.1:${saslPort}`,
    ssl: `127.0.0.1:${sslPort}`,
    certs,
    stop: async () => {
      await broker.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
