import { expect, type Locator, type Page } from '@playwright/test';

export interface Health {
  ok: boolean;
  kafka: {
    connected: boolean;
    clusterId: string | null;
    brokers: { nodeId: number; host: string; port: number }[];
  };
  embeddedBroker: { running: boolean; pid: number | null } | null;
  consumerPids: number[];
}

/** The dashboard as a person sees it, addressed through data-testid only. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  /**
   * The page, live: the server's HTML already shows "connected" (its first paint), so wait for
   * hydration and the socket too, or a click could land before anything listens to it.
   */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByTestId('connection-badge')).toHaveText('connected');
    await expect(this.page.locator('html')).toHaveAttribute('data-live', 'true');
  }

  async health(): Promise<Health> {
    return (await (await this.page.request.get('/api/health')).json()) as Health;
  }

  get badge(): Locator {
    return this.page.getByTestId('connection-badge');
  }

  group(groupId: string): Locator {
    return this.page.getByTestId(`group-${groupId}`);
  }

  lane(groupId: string, consumerId: string): Locator {
    return this.group(groupId).getByTestId(`lane-${consumerId}`);
  }

  chips(groupId: string, consumerId: string): Locator {
    return this.lane(groupId, consumerId).locator('[data-testid^="chip-"]');
  }

  async generation(groupId: string): Promise<number> {
    return Number(await this.group(groupId).getByTestId('generation').textContent());
  }

  async totalLag(groupId: string): Promise<number> {
    return Number(await this.group(groupId).getByTestId('total-lag').textContent());
  }

  /** Sum of the lag numbers printed on a lane's partition chips. */
  async laneLag(groupId: string, consumerId: string): Promise<number> {
    const texts = await this.chips(groupId, consumerId).locator('span:last-child').allInnerTexts();
    return texts.reduce((sum, t) => sum + Number(t), 0);
  }

  async chipIds(groupId: string, consumerId: string): Promise<string[]> {
    const ids = await this.chips(groupId, consumerId).evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-testid') ?? ''),
    );
    return ids.sort();
  }

  /**
   * A lab group of its own on the default topic, created through the API, once the page shows it
   * Stable with every consumer owning partitions. Returns its id and consumer ids.
   */
  async createGroup(
    prefix: string,
    consumers: number,
    extra: Record<string, unknown> = {},
  ): Promise<{ groupId: string; consumerIds: string[] }> {
    const groupId = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
    const res = await this.page.request.post('/api/commands', {
      data: { type: 'group:create', groupId, topic: 'crypto_trades', consumers, ...extra },
    });
    const ack = (await res.json()) as {
      ok: boolean;
      result?: { consumerIds: string[] };
      error?: string;
    };
    if (!ack.ok || !ack.result) throw new Error(`group:create failed: ${ack.error}`);
    await expect(this.group(groupId).getByTestId('group-state')).toHaveText('Stable', {
      timeout: 20_000,
    });
    for (const id of ack.result.consumerIds)
      await expect
        .poll(() => this.chips(groupId, id).count(), { timeout: 20_000 })
        .toBeGreaterThan(0);
    return { groupId, consumerIds: ack.result.consumerIds };
  }

  async deleteGroup(groupId: string): Promise<void> {
    await this.page.request.post('/api/commands', { data: { type: 'group:delete', groupId } });
  }

  /** Deletes every lab group whose id matches. */
  async deleteGroups(pattern: RegExp): Promise<void> {
    const state = (await (await this.page.request.get('/api/state')).json()) as {
      groups: { groupId: string; lab: boolean }[];
    };
    for (const g of state.groups)
      if (g.lab && pattern.test(g.groupId)) await this.deleteGroup(g.groupId);
  }

  /**
   * After a click on run: waits for the experiment's card to show this run under way (it may still
   * show an earlier run's result), then for its end, and expects a pass. Any other ending fails
   * with the card's text, so the measure or error that failed is in the report.
   */
  async expectPassed(card: Locator, timeout: number): Promise<void> {
    await expect(card).toHaveAttribute('data-status', 'running');
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout })
      .toMatch(/^(passed|failed|error)$/);
    const status = await card.getAttribute('data-status');
    if (status !== 'passed') expect(await card.innerText(), `the experiment ${status}`).toBe('');
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  }
}
