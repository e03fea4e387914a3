/**
 * A rebalance storm from start to end on a real broker: a consumer crash-loops until the storm
 * verdict names it, then the group is left alone until the verdict clears (its rebalances leave
 * the 2-minute window). Prints both times. Too long for the test suite (the window is 2 minutes);
 * storm.test.ts covers the rule itself. Run: npx tsx bench/storm-clear.ts
 */

import { startLabForTest } from '../server/test-support/in-process-lab';
import { crashLoopUntilStorm, stableLabGroup } from '../server/test-support/lab-groups';
import { startTestBroker } from '../server/test-support/test-broker';
import { waitFor } from '../server/test-support/wait-for';

const broker = await startTestBroker();
const { app, client } = await startLabForTest(broker.brokers, 'empty', {
  topic: 'storm-bench',
  partitions: 2,
  rate: 20,
});
try {
  const { groupId, consumerIds } = await stableLabGroup(
    client,
    'storm-bench',
    { consumers: 2, sessionTimeoutMs: 3000 },
    'storm',
  );
  const victim = consumerIds[1] ?? '';
  console.log(`${groupId} stable; crash-looping ${victim}…`);
  const startedAt = Date.now();
  const { storm, crashes } = await crashLoopUntilStorm(client, groupId, victim, 2, 120_000);
  if (!storm) throw new Error(`no storm after ${crashes} crashes`);
  const stormAfterS = (Date.now() - startedAt) / 1000;
  console.log(
    `storm after ${stormAfterS.toFixed(1)} s and ${crashes} crashes; waiting for it to clear…`,
  );
  const calmFrom = Date.now();
  await waitFor('the storm to clear', async () => !(await client.group(groupId))?.storm, 180_000);
  const clearedAfterS = (Date.now() - calmFrom) / 1000;
  console.log(
    `storm after ${stormAfterS.toFixed(1)} s and ${crashes} crashes, naming ${storm.members.join(', ')}; cleared ${clearedAfterS.toFixed(1)} s after the last crash (window ${storm.windowMs / 1000} s)`,
  );
} finally {
  await app.close();
  await broker.stop();
}
