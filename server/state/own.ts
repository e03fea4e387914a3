/**
 * Reads a key only if the record itself has it. Group ids come from Kafka and users, and a group
 * may well be called "constructor": a plain `record[id]` would then return Object's own member.
 */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
