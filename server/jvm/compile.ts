import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { classpath, resolveJars } from '../broker/jars';
import { PreflightError } from '../broker/preflight';
import { childEnv } from '../child-env';
import { ARCHIVE_JVM_ARGS, LAB_JAR, SHARED_ARCHIVE } from './shared-archive';

const WARMUP_CLASS = 'offsetlab.Warmup';

export const JAVA_SOURCES = path.join('server', 'jvm', 'java');

function sourceFiles(rootDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.java')) files.push(full);
    }
  };
  walk(path.join(rootDir, JAVA_SOURCES));
  return files.sort();
}

export function checkJavac(javacBin = 'javac'): void {
  const result = spawnSync(javacBin, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new PreflightError(
      "A JDK's `javac` is needed once, to compile the lab's Java parts (Kafka's own Admin and consumer clients), and it was not found.\n" +
        'Install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) and make sure `javac` is on PATH.',
    );
  }
}

/** Found on the classpath by log4j2: client warnings to stderr, so stdout carries only JSON lines. */
const CLIENT_LOG4J = [
  'rootLogger.level=WARN',
  'rootLogger.appenderRef.e.ref=E',
  'appender.e.type=Console',
  'appender.e.name=E',
  'appender.e.target=SYSTEM_ERR',
  'appender.e.layout.type=PatternLayout',
  'appender.e.layout.pattern=%p %c{1}: %m%n',
  '',
].join('\n');

/** What javac printed when it compiled the lab's Java parts (in the output folder). */
export const JAVAC_LOG = 'javac.log';

let compiling: Promise<string> | null = null;

/**
 * The classpath for the lab's JVM processes: its Java sources compiled once with javac into
 * .kafka/jvm-<hash of sources and jars>, then Kafka's pinned jars. Reused while nothing changed.
 */
export function jvmClasspath(rootDir: string, log?: (line: string) => void): Promise<string> {
  compiling ??= compile(rootDir, log).finally(() => {
    compiling = null;
  });
  return compiling;
}

async function compile(rootDir: string, log?: (line: string) => void): Promise<string> {
  const lib = await resolveJars(rootDir, log);
  const jars = classpath(lib);
  const sources = sourceFiles(rootDir);
  const hash = createHash('sha256').update(jars).update(CLIENT_LOG4J);
  for (const file of sources) hash.update(file).update(fs.readFileSync(file));
  const out = path.join(rootDir, '.kafka', `jvm-${hash.digest('hex').slice(0, 16)}`);
  if (fs.existsSync(path.join(out, '.complete'))) return withArchive(out, jars, log);
  checkJavac();
  const tmp = `${out}.${process.pid}.partial`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const result = await new Promise<{ code: number; output: string }>((resolve) => {
    const javac = spawn(
      'javac',
      ['--release', '17', '-Xlint:all', '-encoding', 'UTF-8', '-d', tmp, '-cp', jars, ...sources],
      { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() },
    );
    let output = '';
    javac.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    javac.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    javac.on('error', (e) => resolve({ code: -1, output: e.message }));
    javac.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
  if (result.code !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new PreflightError(`javac could not compile ${JAVA_SOURCES}:\n${result.output}`);
  }
  // Warnings are on (-Xlint:all) and kept beside the classes, so a test can hold them at zero.
  fs.writeFileSync(path.join(tmp, JAVAC_LOG), result.output);
  if (result.output.trim()) log?.(`javac warned:\n${result.output}`);
  fs.writeFileSync(path.join(tmp, 'log4j2.properties'), CLIENT_LOG4J);
  // The same classes as one jar too: a shared class archive can only be made of jars.
  spawnSync(
    'jar',
    ['cf', path.join(tmp, LAB_JAR), '-C', tmp, 'offsetlab', '-C', tmp, 'log4j2.properties'],
    {
      stdio: 'ignore',
      env: childEnv(),
    },
  );
  fs.writeFileSync(path.join(tmp, '.complete'), new Date().toISOString());
  // Another process may have compiled the same sources meanwhile; either copy is the same.
  if (!fs.existsSync(path.join(out, '.complete'))) {
    fs.rmSync(out, { recursive: true, force: true });
    fs.renameSync(tmp, out);
  } else fs.rmSync(tmp, { recursive: true, force: true });
  return withArchive(out, jars, log);
}

/**
 * The classpath, with the lab's jar first when there is one, after making sure its shared class
 * archive exists (made once; it records the paths, so it is made where the files stay). Without
 * the jar (no `jar` tool) the classes folder serves, without an archive.
 */
async function withArchive(
  out: string,
  jars: string,
  log?: (line: string) => void,
): Promise<string> {
  const jar = path.join(out, LAB_JAR);
  if (!fs.existsSync(jar)) return `${out}${path.delimiter}${jars}`;
  const full = `${jar}${path.delimiter}${jars}`;
  const archive = path.join(out, SHARED_ARCHIVE);
  if (fs.existsSync(archive)) return full;
  const partial = `${archive}.${process.pid}.partial`;
  const code = await new Promise<number>((resolve) => {
    const java = spawn(
      'java',
      [...ARCHIVE_JVM_ARGS, `-XX:ArchiveClassesAtExit=${partial}`, '-cp', full, WARMUP_CLASS, jar],
      { stdio: 'ignore', env: childEnv() },
    );
    // It closes its clients at once and exits within seconds; never let it hold up a start.
    const timer = setTimeout(() => java.kill('SIGKILL'), 60_000);
    java.on('exit', () => clearTimeout(timer));
    java.on('error', () => resolve(-1));
    java.on('close', (c) => resolve(c ?? -1));
  });
  if (code === 0 && fs.existsSync(partial)) fs.renameSync(partial, archive);
  else {
    fs.rmSync(partial, { force: true });
    log?.(`no shared class archive for the lab's JVMs (warm-up exited ${code}); they start slower`);
  }
  return full;
}
