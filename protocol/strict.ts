/**
 * One rule for every command and query: a field the receiver does not know is refused, naming
 * it, the fields it does take and, when it looks like a typo, the closest one. A silently dropped
 * field is a user's intent lost (`ratee: 20` changing nothing while the answer says ok).
 */

/** Edit distance (insert, delete, substitute, swap of neighbours), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows = x.length + 1;
  const cols = y.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(x.length, y.length);
}

/** The known name a typo most likely meant, or null when none is close. */
export function closestField(word: string, known: readonly string[]): string | null {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(word, name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

/**
 * Null when every key of `input` is known; otherwise the sentence that says what is wrong.
 * `what`: how the receiver is named in the message ("producer:update", "GET /api/records").
 */
export function unknownFields(
  input: Record<string, unknown>,
  known: readonly string[],
  what: string,
  noun = 'field',
): string | null {
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length === 0) return null;
  const each = unknown.map((key) => {
    const near = closestField(key, known);
    return `${key}: unknown ${noun}${near ? `; did you mean ${near}?` : ''}`;
  });
  const takes = known.filter((k) => k !== 'type');
  return `${each.join('; ')} (${what} takes: ${takes.length > 0 ? takes.join(', ') : `no ${noun}s`})`;
}
