import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PreflightError } from './preflight';

const POM_PATH = path.join('server', 'broker', 'pom.xml');

function pomHash(rootDir: string): string {
  return createHash('sha256')
    .update(fs.readFileSync(path.join(rootDir, POM_PATH)))
    .digest('hex')
    .slice(0, 16);
}

/** Where the broker's jars live; resolved once per pom.xml version and reused after. */
export function libDir(rootDir: string): string {
  return path.join(rootDir, '.kafka', `lib-${pomHash(rootDir)}`);
}

export function kafkaVersion(rootDir: string): string {
  const pom = fs.readFileSync(path.join(rootDir, POM_PATH), 'utf8');
  return /<kafka\.version>([^<]+)</.exec(pom)?.[1] ?? 'unknown';
}

export function classpath(dir: string): string {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jar'))
    .map((f) => path.join(dir, f))
    .join(path.delimiter);
}

/** Resolves the pinned Kafka jars with Maven into .kafka/, printing Maven's progress the first time. */
export async function resolveJars(
  rootDir: string,
  log: (line: string) => void = console.log,
): Promise<string> {
  const dir = libDir(rootDir);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;

  log(
    `Fetching Apache Kafka ${kafkaVersion(rootDir)} jars with Maven (first start only, about a minute)…`,
  );
  const tmp = `${dir}.partial`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const code = await new Promise<number>((resolve) => {
    const mvn = spawn(
      'mvn',
      [
        '-B',
        '-f',
        path.join(rootDir, POM_PATH),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${tmp}`,
        '-DincludeScope=runtime',
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
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
