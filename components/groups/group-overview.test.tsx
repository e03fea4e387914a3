import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '@/server/state/snapshot';
import {
  fresh,
  group,
  groupConfig,
  observation,
  observed,
  run,
  T0,
  TOPIC,
  topic,
} from '@/server/state/test-fixtures';
import { renderPagePart, textOf } from '../test-support/render-page-part';
import { GroupOverview } from './group-overview';

describe('the groups overview, from a snapshot the server built', () => {
  it('one row per group with its lag, the larger lag first, and the count', () => {
    // g1 committed 90 of 100 on P0 (lag 10 + 100 on P1); outside 40 and 95 (lag 60 + 5).
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      observed(
        observation(
          T0 + 500,
          [
            group('g1', [], { offsets: [{ topic: TOPIC, partition: 0, offset: 90 }] }),
            group('outside', [], {
              offsets: [
                { topic: TOPIC, partition: 0, offset: 40 },
                { topic: TOPIC, partition: 1, offset: 95 },
              ],
            }),
          ],
          [topic(TOPIC, [100, 100])],
        ),
      ),
    );
    const snapshot = buildSnapshot(state, T0 + 1000);
    const html = renderPagePart(
      <GroupOverview isOpen={() => false} toggle={() => undefined} />,
      snapshot,
    );
    expect(textOf(html, 'overview-count')).toContain('2');
    const outside = html.indexOf('data-testid="overview-row-outside"');
    const g1 = html.indexOf('data-testid="overview-row-g1"');
    expect(outside).toBeGreaterThan(-1);
    expect(g1).toBeGreaterThan(-1);
    const lagOf = (id: string) => snapshot.overview.find((g) => g.groupId === id)?.totalLag;
    expect([lagOf('g1'), lagOf('outside')]).toEqual([110, 65]);
    // Sorted by total lag, largest first.
    expect(g1).toBeLessThan(outside);
    expect(textOf(html, 'overview-row-g1')).toContain('110');
    expect(textOf(html, 'overview-row-outside')).toContain('65');
  });
});
