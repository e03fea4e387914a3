import {
  KEYED_SECTIONS,
  type SnapshotChanges,
  type StateDelta,
  WHOLE_SECTIONS,
} from '../../protocol/events';
import type { Snapshot } from '../../protocol/snapshot';

type KeyedSection = keyof typeof KEYED_SECTIONS;

/** What was last sent: a fingerprint per whole section, and per item of each keyed list. */
export interface SentFingerprints {
  whole: Partial<Record<(typeof WHOLE_SECTIONS)[number], string>>;
  keyed: Partial<Record<KeyedSection, Map<string, string>>>;
  order: Partial<Record<KeyedSection, string>>;
}

export const nothingSent = (): SentFingerprints => ({ whole: {}, keyed: {}, order: {} });

export function fingerprints(snapshot: Snapshot): SentFingerprints {
  return diffSnapshot(nothingSent(), 0, snapshot)?.sent ?? nothingSent();
}

/** The changes since what was last sent; null when nothing changed. */
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
    const items = snapshot[section] as unknown[];
    const before = previous.keyed[section] ?? new Map<string, string>();
    const now = new Map<string, string>();
    const upsert: unknown[] = [];
    for (const item of items) {
      const key = keyOf(item);
      const print = JSON.stringify(item);
      now.set(key, print);
      if (before.get(key) !== print) upsert.push(item);
    }
    const remove = [...before.keys()].filter((key) => !now.has(key));
    const order = items.map(keyOf).join('\u0000');
    const orderChanged = order !== previous.order[section];
    sent.keyed[section] = now;
    sent.order[section] = order;
    if (upsert.length > 0 || remove.length > 0 || orderChanged) {
      Object.assign(changes, {
        [section]: { upsert, remove, order: orderChanged ? items.map(keyOf) : null },
      });
    }
  }
  if (Object.keys(changes).length === 0) return null;
  return { delta: { baseVersion, version: snapshot.version, at: snapshot.at, changes }, sent };
}
