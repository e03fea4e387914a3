/**
 * Masks client-property secrets in any text a Kafka client produced (errors, stderr) before it
 * reaches the state, the page or a log: the one redactor for the observer, the lab's consumers
 * (kafkajs and Java), the producer and the output readers. The Java side masks too before
 * printing; this is the line every text passes on the server.
 */
export const REDACTED = '[redacted]';

const SENSITIVE_KEY = /password|secret|jaas|token|credential|keystore\.key/i;
/** JAAS options: password="…" or password=…; */
const JAAS_VALUE = /=\s*"([^"]*)"|=\s*([^\s;"]+)/g;
const ANY_PASSWORD = /((?:password|secret|token)[a-z._-]*\s*[=:]\s*)("[^"]*"|[^\s,;}]+)/gi;
/** Short values ("PLAIN", "1") would mask ordinary words and are not worth hiding. */
const MIN_SECRET_LENGTH = 4;

export function secretValues(
  properties: Record<string, string>,
  extra: readonly string[] = [],
): string[] {
  const values = new Set<string>(extra);
  for (const [key, value] of Object.entries(properties)) {
    if (!SENSITIVE_KEY.test(key)) continue;
    values.add(value);
    for (const m of value.matchAll(JAAS_VALUE)) values.add(m[1] ?? m[2] ?? '');
  }
  // Longest first, so a password inside a JAAS line leaves no partial match behind.
  return [...values]
    .filter((v) => v.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/** `extra`: secrets not among the properties (a PEM key read from a file, a SASL password). */
export function redactor(
  properties: Record<string, string>,
  extra: readonly string[] = [],
): (text: string) => string {
  const values = secretValues(properties, extra);
  return (text) => {
    let out = text;
    for (const v of values) out = out.split(v).join(REDACTED);
    return out.replace(ANY_PASSWORD, `$1${REDACTED}`);
  };
}

/** The texts a worker's report may carry from its Kafka client, masked; the rest as it is. */
export function redactWorkerMessage<M extends { type: string }>(
  message: M,
  redact: (text: string) => string,
): M {
  if ('message' in message && typeof message.message === 'string')
    return { ...message, message: redact(message.message) };
  if ('error' in message && typeof message.error === 'string')
    return { ...message, error: redact(message.error) };
  return message;
}
