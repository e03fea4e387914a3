import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { childEnv } from '../child-env';
import { PreflightError } from './preflight';

/** The broker itself, and Kafka's command-line tools (kafka-consumer-groups and friends). */
export const BROKER_POM = path.join('server', 'broker', 'pom.xml');
export const TOOLS_POM = path.join('server', 'broker', 'tools', 'pom.xml');

function pomHash(rootDir: string, pom: string): string {
  return createHash('sha256')
    .update(fs.readFileSync(path.join(rootDir, pom)))
    .digest('hex')
    .slice(0, 16);
}

/** Where a POM's jars live; resolved once per POM content and reused after. */
export function libDir(rootDir: string, pom = BROKER_POM): string {
  const kind = pom === BROKER_POM ? 'lib' : 'tools';
  return path.join(rootDir, '.kafka', `${kind}-${pomHash(rootDir, pom)}`);
}

export function kafkaVersion(rootDir: string, pom = BROKER_POM): string {
  const text = fs.readFileSync(path.join(rootDir, pom), 'utf8');
  return /<kafka\.version>([^<]+)</.exec(text)?.[1] ?? 'unknown';
}

export function classpath(dir: string): string {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jar'))
    .map((f) => path.join(dir, f))
    .join(path.delimiter);
}

/** Resolves a POM's pinned jars with Maven into .kafka/, printing Maven's progress the first time. */
export async function resolveJars(
  rootDir: string,
  log: (line: string) => void = console.log,
  pom = BROKER_POM,
): Promise<string> {
  const dir = libDir(rootDir, pom);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;

  log(
    `Fetching Apache Kafka ${kafkaVersion(rootDir, pom)} jars with Maven (first time only, about a minute)…`,
  );
  const tmp = `${dir}.partial`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const code = await new Promise<number>((resolve) => {
    const mvn = spawn(
      'mvn',
      [
        '-B',
        '-f',
        path.join(rootDir, pom),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmp}`,
        '-DincludeScope=runtime',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'], env: childEnv() },
    );
    mvn.on('error', () => resolve(-1));
    mvn.on('exit', (c) => resolve(c ?? -1));
  });
  if (code !== 0) {
    throw new PreflightError(
      `Maven could not fetch the Kafka jars (exit ${code}). Check the output above; a retry often helps.`,
    );
  }
  fs.writeFileSync(path.join(tmp, '.complete'), new Date().toISOString());
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return dir;
}
