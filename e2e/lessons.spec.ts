import { expect, type Page, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';

interface StateGroups {
  groups: { groupId: string }[];
  producer: { keyMode: string; paused: boolean; rate: number };
  overview: { groupId: string; members: number }[];
  experiments: { id: string; startedAt: number; groupIds: string[] }[];
}

async function state(page: Page): Promise<StateGroups> {
  return (await (await page.request.get('/api/state')).json()) as StateGroups;
}

/**
 * What the lesson changed is put back: no group it made still has members (experiments delete
 * theirs once they have a result), and the producer runs as it did before.
 */
async function expectCleanedUp(
  page: Page,
  startedAfter: number,
  producer: StateGroups['producer'],
): Promise<void> {
  const runs = (await state(page)).experiments.filter((r) => r.startedAt >= startedAfter);
  expect(runs.length).toBeGreaterThan(0);
  const made = runs.flatMap((r) => r.groupIds);
  await expect
    .poll(
      async () => {
        const s = await state(page);
        const left = s.overview.filter((g) => made.includes(g.groupId) && g.members > 0);
        return { left: left.map((g) => g.groupId), producer: s.producer };
      },
      { timeout: 60_000 },
    )
    .toMatchObject({ left: [], producer });
}

test.describe.configure({ mode: 'serial' });

test('a lesson of part 1 from the page: predict, run on the lab, compare; in English and Bahasa Indonesia', async ({
  page,
}) => {
  const dash = new DashboardPage(page);
  await dash.open();
  const lessons = page.getByTestId('lessons');
  await lessons.getByTestId('lesson-producer').click();
  const step = lessons.getByTestId('lesson-step-same-key');
  await expect(step).toContainText('one fixed key');
  // Nothing runs before a prediction.
  await expect(lessons.getByTestId('lesson-run')).toBeDisabled();
  await step.getByTestId('predict-0').check();
  const { keyMode, paused, rate } = (await state(page)).producer;
  const producer = { keyMode, paused, rate };
  const before = Date.now();
  await lessons.getByTestId('lesson-run').click();
  const outcome = lessons.getByTestId('lesson-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'right', { timeout: 60_000 });
  await expect(outcome).toContainText('Right: Kafka did exactly that.');
  // The measured numbers are beside it.
  await expect(lessons.getByTestId('result-same-key')).toHaveAttribute('data-status', 'passed');
  await expect(lessons.getByTestId('lessons-done')).toContainText('1 of');
  await dash.shot('lesson-en');
  await expectCleanedUp(page, before - 5_000, producer);

  // The same step in Indonesian, predicted wrong this time.
  await page.getByTestId('language-switch').selectOption('id');
  await lessons.getByRole('button', { name: 'Mulai pelajaran dari awal' }).click();
  const stepId = lessons.getByTestId('lesson-step-same-key');
  await expect(stepId).toContainText('satu key tetap');
  await stepId.getByTestId('predict-1').check();
  const again = Date.now();
  await lessons.getByTestId('lesson-run').click();
  await expect(outcome).toHaveAttribute('data-outcome', 'wrong', { timeout: 60_000 });
  await expect(outcome).toContainText('Belum tepat: Kafka melakukan “Semua ke satu partition”.');
  await dash.shot('lesson-id');
  await expectCleanedUp(page, again - 5_000, producer);
  // Progress is kept in the browser.
  await page.reload();
  await expect(page.getByTestId('lessons').getByTestId('lesson-outcome')).toHaveAttribute(
    'data-outcome',
    'wrong',
  );
  await page.getByTestId('language-switch').selectOption('en');
});
