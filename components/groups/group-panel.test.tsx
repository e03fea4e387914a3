import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '@/server/state/snapshot';
import {
  group,
  member,
  observation,
  observed,
  run,
  T0,
  TOPIC,
  topic,
  twoConsumers,
} from '@/server/state/test-fixtures';
import type { LabState } from '@/server/state/types';
import { renderPagePart, textOf } from '../test-support/render-page-part';
import { GroupPanel } from './group-panel';

function panel(state: LabState, mode: 'lab' | 'read-only' = 'lab') {
  const snapshot = buildSnapshot(state, T0 + 1000);
  const shown =
    mode === 'lab'
      ? snapshot
      : { ...snapshot, connection: { ...snapshot.connection, readOnly: true } };
  const group = shown.groups.find((g) => g.groupId === 'g1');
  if (!group) throw new Error('g1 not in the snapshot');
  return renderPagePart(<GroupPanel group={group} />, shown);
}

/** c1 (m1) on P0, P1 and c2 (m2) on P2, P3, as they reported and as Kafka's poll shows. */
const labGroup = () =>
  run(
    twoConsumers(),
    observed(
      observation(
        T0 + 500,
        [group('g1', [member('m1', [0, 1]), member('m2', [2, 3])])],
        [topic(TOPIC, [10, 10, 10, 10])],
      ),
    ),
  );

describe('a group panel, from a snapshot the server built', () => {
  it('a lane per consumer with the partitions it owns, and its actions', () => {
    const html = panel(labGroup());
    expect(textOf(html, 'group-id')).toBe('g1');
    expect(textOf(html, 'member-count')).toBe('2');
    for (const [id, partitions] of [
      ['c1', [0, 1]],
      ['c2', [2, 3]],
    ] as const) {
      const lane = textOf(html, `lane-${id}`) ?? '';
      expect(lane, id).not.toBe('');
      for (const p of partitions)
        expect(html.indexOf(`data-testid="chip-${p}"`)).toBeGreaterThan(-1);
      expect(html).toContain(`data-testid="crash-${id}"`);
    }
  });

  it('read-only: the same board, no consumer actions', () => {
    const html = panel(labGroup(), 'read-only');
    expect(textOf(html, 'lane-c1')).not.toBeNull();
    expect(html).not.toContain('data-testid="crash-c1"');
  });
});
