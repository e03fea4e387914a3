import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '@/server/state/snapshot';
import {
  fresh,
  groupConfig,
  message,
  p1MovedToC2,
  run,
  spawned,
  T0,
  twoConsumers,
} from '@/server/state/test-fixtures';
import type { LabState } from '@/server/state/types';
import { renderPagePart, textOf } from '../test-support/render-page-part';
import { RebalanceCard } from './rebalance-card';

function card(state: LabState, at: number) {
  const snapshot = buildSnapshot(state, at);
  const group = snapshot.groups.find((g) => g.groupId === 'g1');
  if (!group) throw new Error('g1 not in the snapshot');
  return renderPagePart(
    <RebalanceCard group={group} colorOf={() => null} onHighlight={() => undefined} />,
    snapshot,
  );
}

describe('RebalanceCard, from a snapshot the server built', () => {
  it('while a rebalance runs: says so, with its cause', () => {
    const state = run(
      twoConsumers(),
      message('c1', { type: 'rebalancing', memberId: 'm1', at: T0 + 1000 }),
    );
    const html = card(state, T0 + 1200);
    expect(html).toContain('data-phase="rebalancing"');
    expect(textOf(html, 'rebalance-now')).toContain('Cause: the coordinator started it');
    expect(textOf(html, 'rebalance-card')).toBeNull();
  });

  it('when it ended: its duration, each paused partition and each move, as the timeline has them', () => {
    const done = p1MovedToC2();
    const html = card(done, T0 + 2000);
    const last = textOf(html, 'rebalance-last') ?? '';
    expect(last).toContain('400 ms');
    expect(last).toMatch(/P1\b/);
    expect(last).toContain('P1 moved from c1 to c2');
    // The timeline's own figure is the card's.
    expect(done.timeline.at(-1)?.message).toContain('400 ms');
    expect(textOf(html, 'rebalance-now')).toBeNull();
  });

  it('before any rebalance: says there was none yet', () => {
    const state = run(
      fresh(),
      { type: 'group/registered', config: groupConfig('g1'), at: T0 },
      spawned('c1', 'g1', T0),
    );
    const html = card(state, T0 + 200);
    expect(textOf(html, 'rebalance-none')).not.toBeNull();
    expect(textOf(html, 'rebalance-card')).toBeNull();
  });
});
