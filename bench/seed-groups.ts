import { JvmObserver } from '../server/jvm/jvm-observer';
import { produceRaw } from '../server/kafka/test-support/external-client';

const GROUPS_PER_TOPIC = 100;

/**
 * `count` outside groups, each with committed offsets on 2 partitions of one of the `scale-N`
 * topics (100 groups a topic), as someone else's applications would leave them. The first group
 * is named `first`.
 */
export async function seedOutsideGroups(
  brokers: string[],
  count: number,
  first = 'bench-target-group',
): Promise<{ topics: string[]; groupIds: string[]; seconds: number }> {
  const startedAt = Date.now();
  const admin = new JvmObserver({ rootDir: process.cwd(), brokers });
  const topics = Array.from(
    { length: Math.ceil(count / GROUPS_PER_TOPIC) },
    (_, i) => `scale-${i}`,
  );
  try {
    for (const topic of topics) {
      await admin.createTopic(topic, 2, 1);
      await produceRaw(brokers, topic, 400);
    }
    const groupIds = Array.from({ length: count }, (_, i) =>
      i === 0 ? first : `bench-group-${i}`,
    );
    for (let i = 0; i < groupIds.length; i += 50) {
      await Promise.all(
        groupIds.slice(i, i + 50).map((groupId, j) =>
          admin.setOffsets(groupId, topics[Math.floor((i + j) / GROUPS_PER_TOPIC)] as string, [
            { partition: 0, offset: 10 },
            { partition: 1, offset: 20 },
          ]),
        ),
      );
    }
    return { topics, groupIds, seconds: (Date.now() - startedAt) / 1000 };
  } finally {
    await admin.close();
  }
}
