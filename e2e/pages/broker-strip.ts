import { expect, type Locator, type Page } from '@playwright/test';

/** The broker strip and the topic panel's partitions, addressed through data-testid only. */
export class BrokerStripPage {
  constructor(readonly page: Page) {}

  /** The page of a server other than the Playwright webServer (a 3-broker one, say). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('connection-badge')).toHaveText('connected', {
      timeout: 30_000,
    });
  }

  node(nodeId: number): Locator {
    return this.page.getByTestId(`node-${nodeId}`);
  }

  state(nodeId: number): Locator {
    return this.page.getByTestId(`node-state-${nodeId}`);
  }

  async leads(nodeId: number): Promise<number> {
    return Number(await this.node(nodeId).getAttribute('data-leaders'));
  }

  partitions(topic: string): Locator {
    return this.page.locator(`[data-testid^="partition-${topic}-"]`);
  }

  /** Each partition's leader, as the topic panel shows it. */
  async leaders(topic: string): Promise<number[]> {
    return this.partitions(topic).evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-leader'))),
    );
  }

  /** Each partition's ISR size, as the topic panel shows it. */
  async isrSizes(topic: string): Promise<number[]> {
    return this.partitions(topic).evaluateAll((els) =>
      els.map((e) => (e.getAttribute('data-isr') ?? '').split(',').filter(Boolean).length),
    );
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  }
}
