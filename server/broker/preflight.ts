import { spawnSync } from 'node:child_process';
import net from 'node:net';

/** A start-up problem the user can fix; the message says how. */
export class PreflightError extends Error {
  override name = 'PreflightError';
}

const NO_BROKER_HINT =
  'Or skip the embedded broker: run `docker compose up -d kafka` and start with KAFKA_BROKERS=localhost:9092.';

export function parseJavaMajor(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return null;
  const first = Number(match[1]);
  // Java 8 and older report "1.8.0_x".
  return first === 1 && match[2] ? Number(match[2]) : first;
}

export function checkJava(javaBin = 'java'): void {
  const result = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new PreflightError(
      `Java 17 or newer is needed to run the embedded Kafka broker, and \`${javaBin}\` was not found.\n` +
        `Install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) and make sure \`java\` is on PATH.\n${NO_BROKER_HINT}`,
    );
  }
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === null || major < 17) {
    throw new PreflightError(
      `Java 17 or newer is needed to run the embedded Kafka broker; found ${major ?? 'an unknown version'}.\n` +
        `Install a JDK 17+ and put it first on PATH.\n${NO_BROKER_HINT}`,
    );
  }
}

export function checkMaven(mvnBin = 'mvn'): void {
  const result = spawnSync(mvnBin, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new PreflightError(
      'Apache Maven (`mvn`) is needed once, to fetch the Apache Kafka jars for the embedded broker, and it was not found.\n' +
        `Install it (e.g. apt-get install maven).\n${NO_BROKER_HINT}`,
    );
  }
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function checkPortFree(port: number, what: string, envName: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new PreflightError(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded Kafka ${what} cannot start.\n` +
        `Free the port (is another Kafka running? \`ss -ltnp | grep ${port}\`), or choose another one with ${envName}=<port>.\n` +
        'If that port is already a Kafka broker you want to use, start with KAFKA_BROKERS=127.0.0.1:' +
        `${port} instead.`,
    );
  }
}

export async function checkHttpPortFree(port: number, host: string): Promise<void> {
  if (!(await isPortFree(port, host))) {
    throw new PreflightError(
      `Port ${port} on ${host} is already in use (is Offset Lab already running?).\n` +
        'Stop the other process, or start on another port with PORT=<port>.',
    );
  }
}
