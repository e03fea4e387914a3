import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OffsetLab, startOffsetLab } from '../app';
import { jvmClasspath } from '../jvm/compile';
import { LabClient } from '../test-support/lab-client';
import { ownedCounts } from '../test-support/lab-groups';
import { descendants, processText } from '../test-support/process-tree';
import {
  PLAIN_USER,
  SCRAM_USER,
  type SecureBroker,
  startSecureBroker,
} from '../test-support/secure-broker';
import { spawnServer, waitForReady } from '../test-support/server-process';
import { waitFor } from '../test-support/wait-for';
import { kafkajsSecurity, loadClientConfig } from './load';

describe('secured clusters: SASL PLAIN, SASL SCRAM-SHA-256 and TLS, from the files teams use', () => {
  let broker: SecureBroker;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    broker = await startSecureBroker();
    const write = (name: string, text: string) => {
      files[name] = path.join(broker.dir, name);
      fs.writeFileSync(files[name], text);
    };
    write(
      'plain.properties',
      [
        `bootstrap.servers=${broker.sasl}`,
        'security.protocol=SASL_PLAINTEXT',
        'sasl.mechanism=PLAIN',
        `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${PLAIN_USER.name}" password="${PLAIN_USER.password}";`,
      ].join('\n'),
    );
    write(
      'scram.ini',
      `[default]\nbootstrap.servers = ${broker.sasl}\nsecurity.protocol = SASL_PLAINTEXT\nsasl.mechanisms = SCRAM-SHA-256\nsasl.username = ${SCRAM_USER.name}\nsasl.password = ${SCRAM_USER.password}\n`,
    );
    write(
      'ssl.ini',
      `[default]\nbootstrap.servers = ${broker.ssl}\nsecurity.protocol = SSL\nssl.ca.location = ca.pem\n`,
    );
    write(
      'ssl.properties',
      `bootstrap.servers=${broker.ssl}\nsecurity.protocol=SSL\nssl.truststore.location=truststore.p12\nssl.truststore.type=PKCS12\nssl.truststore.password=${broker.certs.password}\n`,
    );
    write(
      'wrong.ini',
      `[default]\nbootstrap.servers = ${broker.sasl}\nsecurity.protocol = SASL_PLAINTEXT\nsasl.mechanisms = SCRAM-SHA-256\nsasl.username = ${SCRAM_USER.name}\nsasl.password = not-${SCRAM_USER.password}\n`,
    );
  }, 180_000);
  afterAll(async () => {
    await broker?.stop();
  });

  for (const name of ['plain.properties', 'scram.ini', 'ssl.ini', 'ssl.properties']) {
    it(`${name}: the lab reads the cluster and runs a kafkajs and a Java group through it`, async () => {
      const settings = loadClientConfig(files[name] as string);
      let app: OffsetLab | null = null;
      try {
        app = await startOffsetLab({
          brokers: settings.bootstrap,
          broker: null,
          host: '127.0.0.1',
          port: 0,
          pollIntervalMs: 500,
          scenario: 'empty',
          jvmClasspath: await jvmClasspath(process.cwd()),
          clientProperties: settings.java,
          clientSettings: settings,
          kafkajsSecurity: kafkajsSecurity(settings),
        });
        const client = new LabClient(app.url);
        await waitFor('the first observation', async () => (await client.state()).cluster, 60_000);
        const topic = `secure-${name.replace(/\W/g, '-')}`;
        await client.ok({ type: 'topic:create', topic, partitions: 2 });
        await client.ok({ type: 'producer:update', topic, rate: 40, paused: false });
        for (const kind of ['kafkajs', 'java'] as const)
          await client.ok({
            type: 'group:create',
            groupId: `${topic}-${kind}`,
            topic,
            consumers: 1,
            client: kind,
          });
        for (const kind of ['kafkajs', 'java']) {
          await waitFor(
            `the ${kind} group consuming`,
            async () => {
              const g = await client.group(`${topic}-${kind}`);
              return (
                g?.state === 'Stable' &&
                ownedCounts(g).join() === '2' &&
                g.offsets.some((o) => (o.committedOffset ?? 0) > 0)
              );
            },
            60_000,
          );
        }
        expect((await client.state()).producer?.failed).toBe(0);
      } finally {
        await app?.close();
      }
    });
  }

  it('npm start with KAFKA_CONFIG: the whole lab on SCRAM, and the password in no output, page or socket', async () => {
    const server = await spawnServer({
      KAFKA_CONFIG: files['scram.ini'] as string,
      LAB_SCENARIO: 'default',
    });
    const seen: string[] = [];
    try {
      await waitForReady(server);
      const socket = io(server.url, { transports: ['websocket'] });
      socket.onAny((_event, payload) => seen.push(JSON.stringify(payload)));
      const client = new LabClient(server.url);
      await waitFor(
        'the default scenario on the secured cluster',
        async () => {
          const g = await client.group('crypto-consumer-group');
          return g?.state === 'Stable' && g.members.length === 3 && g.totalLag < 100;
        },
        90_000,
      );
      await client.ok({
        type: 'group:create',
        groupId: 'secure-java',
        topic: 'crypto_trades',
        consumers: 1,
        client: 'java',
      });
      await waitFor(
        'the Java group',
        async () => (await client.group('secure-java'))?.state === 'Stable',
        60_000,
      );
      seen.push(await (await fetch(`${server.url}/api/state`)).text());
      seen.push(await (await fetch(`${server.url}/api/history`)).text());
      seen.push(await (await fetch(`${server.url}/api/health`)).text());
      socket.close();
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      server.cleanup();
    }
    const everything = [server.output(), ...seen].join('\n');
    expect(everything).toContain('crypto-consumer-group');
    expect(everything).not.toContain(SCRAM_USER.password);
  });

  it('a JKS truststore and LAB_TOKEN: neither the store password nor the token on any child’s argv or environment', async () => {
    // keytool reads the store for kafkajs at start-up; a shim first on PATH records the argv it
    // was given (what `ps` would show) and hands over to the real one.
    const jks = path.join(broker.dir, 'truststore.jks');
    const jksPassword = 'jks-store-pw-4711';
    execFileSync('keytool', [
      '-importcert',
      '-noprompt',
      '-alias',
      'ca',
      '-file',
      broker.certs.caPem,
      '-keystore',
      jks,
      '-storetype',
      'JKS',
      '-storepass',
      jksPassword,
    ]);
    const config = path.join(broker.dir, 'ssl-jks.properties');
    fs.writeFileSync(
      config,
      `bootstrap.servers=${broker.ssl}\nsecurity.protocol=SSL\nssl.truststore.location=${jks}\nssl.truststore.type=JKS\nssl.truststore.password=${jksPassword}\n`,
    );
    const shimDir = fs.mkdtempSync(path.join(broker.dir, 'shim-'));
    const argvLog = path.join(shimDir, 'keytool-argv.log');
    const realKeytool = execFileSync('sh', ['-c', 'command -v keytool'], {
      encoding: 'utf8',
    }).trim();
    fs.writeFileSync(
      path.join(shimDir, 'keytool'),
      `#!/bin/sh\nprintf '%s\\n' "$@" >> '${argvLog}'\nexec '${realKeytool}' "$@"\n`,
      { mode: 0o755 },
    );
    const token = 'token-that-must-stay-home-0123';
    const server = await spawnServer({
      KAFKA_CONFIG: config,
      LAB_SCENARIO: 'default',
      LAB_TOKEN: token,
      PATH: `${shimDir}:${process.env.PATH}`,
    });
    try {
      await waitForReady(server);
      const client = new LabClient(server.url, token);
      await waitFor(
        'the default scenario over TLS',
        async () => {
          const g = await client.group('crypto-consumer-group');
          return g?.state === 'Stable' && g.members.length === 3;
        },
        90_000,
      );
      const argv = fs.readFileSync(argvLog, 'utf8').split('\n');
      expect(argv).toContain('-storepass:env');
      expect(argv).not.toContain(jksPassword);
      expect(argv).not.toContain('-storepass');
      const children = descendants(server.child.pid ?? -1)
        .map((pid) => ({ pid, text: processText(pid) }))
        .filter((c) => c.text !== null);
      // The observer JVM and three consumers at least, each looked at.
      expect(children.length).toBeGreaterThanOrEqual(4);
      for (const { pid, text } of children) {
        const argvOf = text?.argv.join(' ') ?? '';
        expect(argvOf, `argv of ${pid}`).not.toContain(jksPassword);
        expect(argvOf, `argv of ${pid}`).not.toContain(token);
        expect(
          text?.env.filter((e) => e.startsWith('LAB_TOKEN=')),
          `environ of ${pid}`,
        ).toEqual([]);
        expect(text?.env.join('\n'), `environ of ${pid}`).not.toContain(token);
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      server.cleanup();
    }
  });

  it('a wrong password: "authentication failed for user carol (SASL/SCRAM-SHA-256)" on the page and in the terminal', async () => {
    const server = await spawnServer({
      KAFKA_CONFIG: files['wrong.ini'] as string,
      LAB_SCENARIO: '',
    });
    try {
      await waitForReady(server);
      const client = new LabClient(server.url);
      const state = await waitFor(
        'the connection error',
        async () => {
          const s = await client.state();
          return s.connection.kafka === 'unreachable' ? s : undefined;
        },
        60_000,
      );
      const expected = `authentication failed for user ${SCRAM_USER.name} (SASL/SCRAM-SHA-256)`;
      expect(state.connection.lastError).toContain(expected);
      await waitFor('the terminal to say it too', () => server.output().includes(expected), 10_000);
      const all = `${server.output()}${JSON.stringify(state)}`;
      expect(all).not.toContain(`not-${SCRAM_USER.password}`);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      server.cleanup();
    }
  });
});
