import { spawn } from 'node:child_process';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../test-support/free-port';
import { isAlive, waitFor } from '../test-support/wait-for';
import { JvmObserver } from './jvm-observer';
import { ObserverError } from './observer-error';

const SECRET = 'hunter2-very-secret';

async function failure(promise: Promise<unknown>): Promise<ObserverError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ObserverError);
    return error as ObserverError;
  }
  throw new Error('expected the request to fail');
}

describe('the observer JVM lifecycle', () => {
  const brokers = inject('brokers');
  const observers: JvmObserver[] = [];
  const started: number[] = [];
  const make = (options: Partial<ConstructorParameters<typeof JvmObserver>[0]> = {}) => {
    const o = new JvmObserver({ rootDir: process.cwd(), brokers, ...options });
    observers.push(o);
    return o;
  };

  afterEach(async () => {
    await Promise.all(observers.splice(0).map((o) => o.close()));
    for (const pid of started.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  });

  it('exits when its stdin closes: killing the server with SIGKILL leaves no JVM', async () => {
    const host = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/test-support/observer-host.ts', brokers.join(',')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    host.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const jvmPid = await waitFor(
      'the host to start its JVM',
      () => {
        const m = /JVM (\d+)/.exec(out);
        return m ? Number(m[1]) : undefined;
      },
      60_000,
    );
    started.push(jvmPid);
    expect(isAlive(jvmPid)).toBe(true);
    host.kill('SIGKILL');
    await waitFor('the orphaned JVM to exit', () => !isAlive(jvmPid), 5000, 50);
  });

  it('fails pending requests when the JVM dies, and the next request starts a new one', async () => {
    const observer = make();
    await observer.ping();
    const first = observer.pid;
    expect(first).not.toBeNull();
    const pending = failure(observer.ping(30_000));
    process.kill(first as number, 'SIGKILL');
    const error = await pending;
    expect(error.kind).toBe('jvm-exited');
    expect(error.message).toMatch(/exited \(signal SIGKILL\) while ping was pending/);
    const obs = await observer.poll();
    expect(obs.cluster.brokers.length).toBeGreaterThan(0);
    expect(observer.pid).not.toBe(first);
    await observer.close();
    expect(isAlive(first as number)).toBe(false);
  });

  it('times a request out with a clear error, and keeps working', async () => {
    const observer = make({ requestTimeoutMs: 1000 });
    const error = await failure(observer.ping(3000));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('observer: ping got no answer within 1000 ms');
    await observer.ping();
  });

  it('says unreachable when no broker answers, and never prints a password', async () => {
    const port = await freePort();
    const observer = make({
      brokers: [`127.0.0.1:${port}`],
      apiTimeoutMs: 2000,
      clientProperties: {
        'security.protocol': 'SASL_PLAINTEXT',
        'sasl.mechanism': 'PLAIN',
        'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="lab" password="${SECRET}";`,
      },
    });
    const error = await failure(observer.poll());
    expect(error.kind).toBe('unreachable');
    expect(error.message).not.toContain(SECRET);
    await observer.close();
  });

  it('reports a client configuration it cannot use by kind, without its secrets', async () => {
    const lines: string[] = [];
    const observer = make({
      clientProperties: {
        'security.protocol': 'SSL',
        'ssl.truststore.location': '/nonexistent/truststore.jks',
        'ssl.truststore.password': SECRET,
      },
      log: (line) => lines.push(line),
    });
    const error = await failure(observer.poll());
    console.log(`bad SSL config: ${error.kind}: ${error.message}`);
    expect(error.kind).toBe('ssl');
    expect(error.message).toContain('truststore');
    expect(error.message).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
