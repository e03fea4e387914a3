import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childEnv } from '../child-env';
import { classpath, resolveJars, TOOLS_POM } from './jars';
import { checkJava } from './preflight';

/** The classes behind kafka-consumer-groups.sh and kafka-share-groups.sh. */
export const GROUP_TOOLS = {
  consumer: 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  share: 'org.apache.kafka.tools.consumer.group.ShareGroupCommand',
} as const;
export type GroupTool = keyof typeof GROUP_TOOLS;

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface ToolOptions {
  inherit?: boolean;
  log?: (line: string) => void;
}

/** Kafka's own kafka-consumer-groups (see runGroupTool). */
export function runConsumerGroupsTool(
  rootDir: string,
  args: string[],
  options: ToolOptions = {},
): Promise<ToolResult> {
  return runGroupTool('consumer', rootDir, args, options);
}

/** Kafka's own kafka-share-groups (see runGroupTool). */
export function runShareGroupsTool(
  rootDir: string,
  args: string[],
  options: ToolOptions = {},
): Promise<ToolResult> {
  return runGroupTool('share', rootDir, args, options);
}

/**
 * Runs one of Kafka's own group tools (the class behind kafka-consumer-groups.sh or
 * kafka-share-groups.sh) from the pinned Apache Kafka jars, so the dashboard can be checked
 * against what Kafka itself prints.
 */
export async function runGroupTool(
  tool: GroupTool,
  rootDir: string,
  args: string[],
  options: ToolOptions = {},
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
      GROUP_TOOLS[tool],
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
