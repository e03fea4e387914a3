import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol/snapshot';
import { initialState } from '../state/reducer';
import { buildSnapshot } from '../state/snapshot';
import { diffSnapshot, fingerprints, SECTIONS } from './snapshot-diff';

const T0 = 1_700_000_000_000;
const base = (): Snapshot => ({
  ...buildSnapshot(initialState('127.0.0.1:9092', true, T0), T0),
  version: 4,
});

describe('fingerprints', () => {
  it('has one entry per section and ignores version and time', () => {
    const snapshot = base();
    const prints = fingerprints(snapshot);
    expect(Object.keys(prints).sort()).toEqual([...SECTIONS].sort());
    expect(fingerprints({ ...snapshot, version: 99, at: T0 + 1 })).toEqual(prints);
  });
});

describe('diffSnapshot', () => {
  it('sends every section when nothing was sent yet', () => {
    const snapshot = base();
    const diff = diffSnapshot({}, 0, snapshot);
    expect(diff?.delta).toEqual({
      baseVersion: 0,
      version: 4,
      at: T0,
      changes: {
        connection: snapshot.connection,
        cluster: null,
        topics: [],
        groups: [],
        consumers: [],
        producer: null,
      },
    });
    expect(diff?.sent).toEqual(fingerprints(snapshot));
  });

  it('returns null when no section changed, even with a new version', () => {
    const snapshot = base();
    expect(
      diffSnapshot(fingerprints(snapshot), 4, { ...snapshot, version: 5, at: T0 + 9 }),
    ).toBeNull();
  });

  it('sends only the sections that changed', () => {
    const before = base();
    const after: Snapshot = {
      ...before,
      version: 7,
      at: T0 + 200,
      connection: { ...before.connection, kafka: 'connected' },
      cluster: { clusterId: 'lab', controller: 1, brokers: [] },
    };
    const diff = diffSnapshot(fingerprints(before), 4, after);
    expect(diff?.delta.baseVersion).toBe(4);
    expect(diff?.delta.version).toBe(7);
    expect(diff?.delta.at).toBe(T0 + 200);
    expect(Object.keys(diff?.delta.changes ?? {}).sort()).toEqual(['cluster', 'connection']);
    expect(diff?.delta.changes.connection?.kafka).toBe('connected');
    expect(diff?.sent).toEqual(fingerprints(after));
  });

  it('notices a deep change inside a section', () => {
    const before = base();
    const embedded = { running: true, pid: 12 };
    const after: Snapshot = {
      ...before,
      connection: { ...before.connection, embeddedBroker: embedded },
    };
    const diff = diffSnapshot(fingerprints(before), 4, after);
    expect(diff?.delta.changes).toEqual({ connection: after.connection });
  });
});
