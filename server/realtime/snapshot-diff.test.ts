import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol/snapshot';
import { initialState } from '../state/reducer';
import { buildSnapshot } from '../state/snapshot';
import { topicInfo } from '../state/test-fixtures';
import { diffSnapshot, fingerprints, nothingSent } from './snapshot-diff';

const T0 = 1_700_000_000_000;
const base = (): Snapshot => ({
  ...buildSnapshot(initialState('127.0.0.1:9092', true, T0), T0),
  version: 4,
});

describe('diffSnapshot', () => {
  it('sends every section when nothing was sent yet', () => {
    const snapshot = { ...base(), topics: [topicInfo('a')] };
    const diff = diffSnapshot(nothingSent(), 0, snapshot);
    expect(diff?.delta).toEqual({
      baseVersion: 0,
      version: 4,
      at: T0,
      changes: {
        connection: snapshot.connection,
        cluster: null,
        producer: null,
        experiments: [],
        nodes: [],
        topics: { upsert: [topicInfo('a')], patch: [], remove: [], order: ['a'] },
        overview: { upsert: [], patch: [], remove: [], order: [] },
        groups: { upsert: [], patch: [], remove: [], order: [] },
        consumers: { upsert: [], patch: [], remove: [], order: [] },
      },
    });
  });

  it('returns null when nothing changed, even with a new version and time', () => {
    const snapshot = base();
    expect(
      diffSnapshot(fingerprints(snapshot), 4, { ...snapshot, version: 5, at: T0 + 9 }),
    ).toBeNull();
  });

  it('sends only the changed fields of the items that changed, with their key', () => {
    const before = { ...base(), topics: [topicInfo('a'), topicInfo('b'), topicInfo('c')] };
    const after = {
      ...before,
      version: 7,
      topics: [topicInfo('a'), topicInfo('b', 5), topicInfo('c')],
    };
    const diff = diffSnapshot(fingerprints(before), 4, after);
    expect(diff?.delta.changes).toEqual({
      topics: {
        upsert: [],
        patch: [{ name: 'b', partitions: topicInfo('b', 5).partitions }],
        remove: [],
        order: null,
      },
    });
    expect(diff?.sent).toEqual(fingerprints(after));
  });

  it('names removed items and sends the new order when the membership changes', () => {
    const before = { ...base(), topics: [topicInfo('a'), topicInfo('b')] };
    const after = { ...before, topics: [topicInfo('b'), topicInfo('c')] };
    expect(diffSnapshot(fingerprints(before), 4, after)?.delta.changes).toEqual({
      topics: { upsert: [topicInfo('c')], patch: [], remove: ['a'], order: ['b', 'c'] },
    });
  });

  it('notices a deep change inside a whole section', () => {
    const before = base();
    const after: Snapshot = {
      ...before,
      connection: { ...before.connection, embeddedBroker: { running: true, pid: 12 } },
    };
    expect(diffSnapshot(fingerprints(before), 4, after)?.delta.changes).toEqual({
      connection: after.connection,
    });
  });
});
