/**
 * Masks client-property secrets in text that leaves the JVM (errors, stderr). The Java side does
 * the same before printing; this is the second line, for whatever a library printed on its own.
 */
export const REDACTED = '[redacted]';

const SENSITIVE_KEY = /password|secret|jaas|token|credential|keystore\.key/i;
/** JAAS options: password="…" or password=…; */
const JAAS_VALUE = /=\s*"([^"]*)"|=\s*([^\s;"]+)/g;
const ANY_PASSWORD = /((?:password|secret|token)[a-z._-]*\s*[=:]\s*)("[^"]*"|[^\s,;}]+)/gi;
/** Short values ("PLAIN", "1") would mask ordinary words and are not worth hiding. */
const MIN_SECRET_LENGTH = 4;

export function secretValues(properties: Record<string, string>): string[] {
  const values = new Set<string>();
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

export function redactor(properties: Record<string, string>): (text: string) => string {
  const values = secretValues(properties);
  return (text) => {
    let out = text;
    for (const v of values) out = out.split(v).join(REDACTED);
    return out.replace(ANY_PASSWORD, `$1${REDACTED}`);
  };
}
