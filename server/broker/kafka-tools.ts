import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childEnv } from '../child-env';
import { classpath, resolveJars, TOOLS_POM } from './jars';
import { checkJava } from './preflight';

const CONSUMER_GROUPS_MAIN = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs Kafka's own kafka-consumer-groups tool (the class behind kafka-consumer-groups.sh) from the
 * pinned Apache Kafka jars, so the dashboard can be checked against what Kafka itself prints.
 */
export async function runConsumerGroupsTool(
  rootDir: string,
  args: string[],
  options: { inherit?: boolean; log?: (line: string) => void } = {},
): Promise<ToolResult> {
  checkJava();
  const lib = await resolveJars(
    rootDir,
    options.log ?? ((line) => process.stderr.write(`${line}\n`)),
    TOOLS_POM,
  );
  // Only warnings, and to stderr: stdout carries the tool's table.
  const log4j = path.join(lib, 'log4j2-quiet.properties');
  if (!fs.existsSync(log4j)) {
    fs.writeFileSync(
      log4j,
      'rootLogger.level=WARN\nrootLogger.appenderRef.e.ref=E\nappender.e.type=Console\nappender.e.name=E\nappender.e.target=SYSTEM_ERR\nappender.e.layout.type=PatternLayout\nappender.e.layout.pattern=%p %m%n\n',
    );
  }
  const child = spawn(
    'java',
    [
      '-Xmx256m',
      `-Dlog4j2.configurationFile=${log4j}`,
      '-cp',
      classpath(lib),
      CONSUMER_GROUPS_MAIN,
      ...args,
    ],
    { stdio: options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'], env: childEnv() },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(-1));
    // 'close', not 'exit': only then has all of the tool's output been read.
    child.on('close', (c) => resolve(c ?? -1));
  });
  return { code, stdout, stderr };
}
