/**
 * Variables a child process of the lab may see. Everything else (LAB_TOKEN, a KAFKA_CONFIG's
 * neighbours, whatever the user's shell holds) stays with the server: /proc/<pid>/environ of a
 * consumer is readable by the same user, and a child that prints its environment on a crash
 * would put it in a log.
 */
const PASSED = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'JAVA_HOME',
  'M2_HOME',
  'MAVEN_HOME',
  'MAVEN_OPTS',
  'MAVEN_ARGS',
  'SystemRoot',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
];

/** The lab's own settings every child needs, e.g. NODE_ENV for Next.js' build. */
const PASSED_PREFIXES = ['LC_'];

export function childEnv(
  extra: Record<string, string> = {},
  from: Record<string, string | undefined> = process.env,
): NodeJS.ProcessEnv {
  // Next.js' types make NODE_ENV required on ProcessEnv; a child without it is what we want.
  const env = {} as NodeJS.ProcessEnv;
  for (const [key, value] of Object.entries(from)) {
    if (value === undefined) continue;
    if (PASSED.includes(key) || PASSED_PREFIXES.some((p) => key.startsWith(p))) env[key] = value;
  }
  return { ...env, ...extra };
}
