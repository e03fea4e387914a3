/**
 * Reads the Kafka client settings a team already has: a Java `client.properties`, or a
 * librdkafka-style `config.ini` with a [default] section (the course's format). Kafka's own
 * property names either way. Pure: the caller reads the file.
 */

export type ConfigFormat = 'properties' | 'ini';

/** Java .properties: `key=value` or `key: value`, # and ! comments, \ continuations and escapes. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] ?? '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    // An odd number of trailing backslashes continues the line.
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++i] ?? '').replace(/^\s+/, '');
    }
    const match = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line) ?? [line, line, ''];
    const key = unescapeProperty(match[1] ?? '');
    if (key) out[key] = unescapeProperty(match[2] ?? '');
  }
  return out;
}

function unescapeProperty(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) => {
    if (c.length === 5) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}

/** config.ini: the [default] section (or keys before any section), `key = value`, ; and # comments. */
export function parseIni(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let section = 'default';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = (header[1] ?? '').trim().toLowerCase();
      continue;
    }
    if (section !== 'default') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const value = line.slice(eq + 1).trim();
    out[line.slice(0, eq).trim()] = value.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/** An .ini file has a [section] line; anything else is read as Java properties. */
export function detectFormat(text: string): ConfigFormat {
  return /^\s*\[[^\]]+\]\s*$/m.test(text) ? 'ini' : 'properties';
}

export function parseClientConfig(text: string): Record<string, string> {
  return detectFormat(text) === 'ini' ? parseIni(text) : parseProperties(text);
}
