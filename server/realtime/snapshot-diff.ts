import type { StateDelta } from '../../protocol/events';
import type { Snapshot, SnapshotSection } from '../../protocol/snapshot';

export const SECTIONS: SnapshotSection[] = [
  'connection',
  'cluster',
  'topics',
  'groups',
  'consumers',
  'producer',
];

export type SectionFingerprints = Partial<Record<SnapshotSection, string>>;

export function fingerprints(snapshot: Snapshot): SectionFingerprints {
  return Object.fromEntries(SECTIONS.map((s) => [s, JSON.stringify(snapshot[s])]));
}

/** The sections whose content differs from what was last sent; null when nothing changed. */
export function diffSnapshot(
  previous: SectionFingerprints,
  baseVersion: number,
  snapshot: Snapshot,
): { delta: StateDelta; sent: SectionFingerprints } | null {
  const current = fingerprints(snapshot);
  const changes: StateDelta['changes'] = {};
  for (const section of SECTIONS) {
    if (current[section] !== previous[section])
      Object.assign(changes, { [section]: snapshot[section] });
  }
  if (Object.keys(changes).length === 0) return null;
  return {
    delta: { baseVersion, version: snapshot.version, at: snapshot.at, changes },
    sent: current,
  };
}
