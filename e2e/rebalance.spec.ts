import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

/** What the page showed of the rebalance while it ran (recorded in the page: it may last 100 ms). */
interface Seen {
  shown: boolean;
  inViewport: boolean;
  scrollY: number;
}

test.describe('the rebalance where it happens, at 1280×800', () => {
  test('crash: without scrolling, the rebalance in progress, then its card equal to the timeline; the replay steps through it', async ({
    page,
  }) => {
    // A group's start, a session timeout and eight replay steps: on 2 loaded cores, over 90 s.
    test.setTimeout(180_000);
    const dash = new DashboardPage(page);
    await dash.open();
    const { groupId, consumerIds } = await dash.createGroup('e2e-rebalance', 3);
    // The learner's view: this group alone, at the top of the page.
    await page.goto(`/?group=${encodeURIComponent(groupId)}`);
    await expect(page.locator('html')).toHaveAttribute('data-live', 'true');
    const panel = dash.group(groupId);
    await expect(panel.getByTestId('group-state')).toHaveText('Stable');
    // The timeline of this group only: its newest completed rebalance comes first.
    await page.getByTestId('timeline').getByRole('combobox').selectOption(groupId);
    const startedBefore = await page.getByTestId('event-rebalance-completed').count();
    await page.evaluate(() => {
      const seen: Seen = { shown: false, inViewport: false, scrollY: 0 };
      (window as unknown as { __rebalanceSeen: Seen }).__rebalanceSeen = seen;
      const check = () => {
        const el = document.querySelector('[data-testid="rebalance-now"]');
        if (!el) return;
        const r = el.getBoundingClientRect();
        seen.shown = true;
        seen.scrollY = window.scrollY;
        if (r.top >= 0 && r.bottom <= window.innerHeight) seen.inViewport = true;
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
    });
    const victim = consumerIds[1] ?? '';
    await dash.lane(groupId, victim).getByTestId(`crash-${victim}`).click();
    // From the crash on, the victim's partitions are marked as not processed, in view.
    const waiting = panel.locator('[data-waiting="true"]');
    await expect(waiting.first()).toBeInViewport();
    await expect(waiting).toHaveCount(2);

    // From the kill on, the panel tells the story: waiting partitions, then the rebalance…
    const now = panel.getByTestId('rebalance-now');
    await expect(now).toBeVisible();
    await expect(now).toHaveAttribute('data-phase', 'waiting');
    await expect(now).toBeHidden({ timeout: 30_000 });
    // …then the card of the rebalance that just ended.
    const card = panel.getByTestId('rebalance-card');
    const last = card.getByTestId('rebalance-last');
    await expect(last.getByTestId('rebalance-duration')).toBeVisible();
    await expect
      .poll(() => page.getByTestId('event-rebalance-completed').count(), { timeout: 30_000 })
      .toBeGreaterThan(startedBefore);
    const seen = await page.evaluate(
      () => (window as unknown as { __rebalanceSeen: Seen }).__rebalanceSeen,
    );
    expect(seen).toEqual({ shown: true, inViewport: true, scrollY: 0 });
    await expect(card).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // The card's numbers are the timeline's: the same duration, the same pauses.
    const completed = page.getByTestId('event-rebalance-completed').first();
    const line = (await completed.textContent()) ?? '';
    const duration = /Rebalance completed in ([\d.]+ (?:ms|s))/.exec(line)?.[1];
    expect(await last.getByTestId('rebalance-duration').textContent()).toBe(`took ${duration}`);
    const paused = /; (\d+) partition\(s\) paused, longest ([\d.]+ (?:ms|s))/.exec(line);
    const pauses = last.getByTestId('pause-ms');
    await expect(pauses).toHaveCount(Number(paused?.[1]));
    expect(await pauses.first().textContent()).toBe(paused?.[2]);
    // The same moves, drawn as arrows between the consumers' columns.
    const moves = last.getByTestId('rebalance-moves').locator('li');
    await expect(moves).toHaveCount((line.split('; moved ')[1] ?? '').split('→').length - 1);
    for (const move of await moves.all()) {
      const p = (await move.getAttribute('data-testid'))?.replace('move-', '');
      const from = (await move.getAttribute('data-from')) || '—';
      expect(line).toContain(`P${p} ${from}→${await move.getAttribute('data-to')}`);
    }
    console.log(`timeline: ${line}`);
    await dash.shot('rebalance-card');

    // The replay: start, each member's report, end; the partitions of a step lit on the board.
    await card.getByTestId('replay-next').click();
    await expect(card.getByTestId('replay-frame')).toHaveAttribute('data-kind', 'start');
    const position = (await card.getByTestId('replay-position').textContent()) ?? '';
    const frames = Number(/of (\d+)/.exec(position)?.[1]);
    expect(frames).toBeGreaterThanOrEqual(3);
    let lit = 0;
    for (let i = 2; i <= frames; i++) {
      await card.getByTestId('replay-next').click();
      await expect(card.getByTestId('replay-position')).toHaveText(`step ${i} of ${frames}`);
      const kind = await card.getByTestId('replay-frame').getAttribute('data-kind');
      if (kind === 'assigned') {
        await expect(panel.locator('[data-highlight="true"]').first()).toBeVisible();
        lit++;
      }
    }
    expect(lit).toBeGreaterThan(0);
    await expect(card.getByTestId('replay-frame')).toHaveAttribute('data-kind', 'end');
    await dash.deleteGroup(groupId);
  });
});
