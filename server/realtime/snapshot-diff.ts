import {
  KEYED_SECTIONS,
  type SnapshotChanges,
  type StateDelta,
  WHOLE_SECTIONS,
} from '../../protocol/events';
import type { Snapshot } from '../../protocol/snapshot';

type KeyedSection = keyof typeof KEYED_SECTIONS;
type FieldPrints = Map<string, string>;

/** What was last sent: a fingerprint per whole section, and per field of each item of a list. */
export interface SentFingerprints {
  whole: Partial<Record<(typeof WHOLE_SECTIONS)[number], string>>;
  keyed: Partial<Record<KeyedSection, Map<string, FieldPrints>>>;
  order: Partial<Record<KeyedSection, string>>;
}

export const nothingSent = (): SentFingerprints => ({ whole: {}, keyed: {}, order: {} });

export function fingerprints(snapshot: Snapshot): SentFingerprints {
  return diffSnapshot(nothingSent(), 0, snapshot)?.sent ?? nothingSent();
}

function fieldPrints(item: Record<string, unknown>): FieldPrints {
  return new Map(Object.entries(item).map(([field, value]) => [field, JSON.stringify(value)]));
}

/**
 * The changes since what was last sent; null when nothing changed. An item seen before travels
 * as a patch of its changed fields: a group whose offsets moved sends its offsets, not its lanes.
 */
export function diffSnapshot(
  previous: SentFingerprints,
  baseVersion: number,
  snapshot: Snapshot,
): { delta: StateDelta; sent: SentFingerprints } | null {
  const sent = nothingSent();
  const changes: SnapshotChanges = {};
  for (const section of WHOLE_SECTIONS) {
    const print = JSON.stringify(snapshot[section]);
    sent.whole[section] = print;
    if (print !== previous.whole[section]) Object.assign(changes, { [section]: snapshot[section] });
  }
  for (const section of Object.keys(KEYED_SECTIONS) as KeyedSection[]) {
    const keyOf = KEYED_SECTIONS[section] as (item: unknown) => string;
    const items = snapshot[section] as unknown as Record<string, unknown>[];
    const before = previous.keyed[section] ?? new Map<string, FieldPrints>();
    const now = new Map<string, FieldPrints>();
    const upsert: unknown[] = [];
    const patch: Record<string, unknown>[] = [];
    for (const item of items) {
      const key = keyOf(item);
      const prints = fieldPrints(item);
      now.set(key, prints);
      const old = before.get(key);
      if (!old) {
        upsert.push(item);
        continue;
      }
      const changed = [...prints].filter(([field, print]) => old.get(field) !== print);
      if (changed.length === 0) continue;
      const fields = Object.fromEntries(changed.map(([field]) => [field, item[field]]));
      patch.push({ ...fields, ...keyFields(section, item) });
    }
    const remove = [...before.keys()].filter((key) => !now.has(key));
    const order = items.map(keyOf).join('\u0000');
    const orderChanged = order !== previous.order[section];
    sent.keyed[section] = now;
    sent.order[section] = order;
    if (upsert.length > 0 || patch.length > 0 || remove.length > 0 || orderChanged) {
      Object.assign(changes, {
        [section]: { upsert, patch, remove, order: orderChanged ? items.map(keyOf) : null },
      });
    }
  }
  if (Object.keys(changes).length === 0) return null;
  return { delta: { baseVersion, version: snapshot.version, at: snapshot.at, changes }, sent };
}

/** The field(s) an item is keyed by, so a patch says whose it is. */
function keyFields(section: KeyedSection, item: Record<string, unknown>): Record<string, unknown> {
  switch (section) {
    case 'topics':
      return { name: item.name };
    case 'groups':
      return { groupId: item.groupId };
    case 'consumers':
      return { id: item.id };
    case 'overview':
      return { groupId: item.groupId };
  }
}
