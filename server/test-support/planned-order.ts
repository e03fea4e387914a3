import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The integration files that take longest (serial seconds on 2 cores, 2026-12-07), in the order
 * two workers should start them: long ones first so no long file starts last, and the files that
 * start brokers of their own (replication, secure-cluster, broker-lifecycle) apart, so two JVM
 * start-ups do not share the cores. Files not listed follow in Vitest's own order.
 */
const PLANNED = [
  'server/lab/replication.int.test.ts', // 82 s, four JVMs
  'server/lab/commit-modes.int.test.ts', // 73 s
  'server/lab/lag-time.int.test.ts', // 54 s
  'server/client-config/secure-cluster.int.test.ts', // 55 s, its own brokers
  'server/lab/groups.int.test.ts', // 52 s
  'server/broker/broker-lifecycle.int.test.ts', // 53 s, a server and broker per test
  'server/lab/experiments/kafka4.int.test.ts', // 40 s
  'server/lab/lab-engine.int.test.ts', // 37 s
  'server/lab/crash-storm.int.test.ts', // 36 s
  'server/jvm/java-consumer-commits.int.test.ts', // 35 s
];

/** Fresh clones have no duration cache, so Vitest would start the files in glob order. */
export class PlannedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = PLANNED.findIndex((p) => spec.moduleId.endsWith(p));
      return i === -1 ? PLANNED.length : i;
    };
    const byDefault = await super.sort(files);
    return [...byDefault].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        rank(a) - rank(b),
    );
  }
}
