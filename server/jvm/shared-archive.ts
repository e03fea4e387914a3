import fs from 'node:fs';
import path from 'node:path';

/** The lab's compiled classes as one jar, first on the classpath of its JVMs. */
export const LAB_JAR = 'offsetlab.jar';
/** Beside the jar: the classes every lab JVM loads at start, parsed and verified once (AppCDS). */
export const SHARED_ARCHIVE = 'lab.jsa';
/** The archive is made under the flags the lab's JVMs run with, so that they can map it. */
export const ARCHIVE_JVM_ARGS = [
  '-Xmx64m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-Djava.awt.headless=true',
  '-Xlog:disable',
];

/** `-XX:SharedArchiveFile=…` for a classpath that starts with the lab's jar, when its archive exists. */
export function sharedArchiveArgs(classpath: string): string[] {
  const first = classpath.split(path.delimiter)[0] ?? '';
  if (path.basename(first) !== LAB_JAR) return [];
  const archive = path.join(path.dirname(first), SHARED_ARCHIVE);
  return fs.existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}
