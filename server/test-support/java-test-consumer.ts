import { z } from 'zod';
import { jvmClasspath } from '../jvm/compile';
import { JvmChild, SMALL_JVM_ARGS } from '../jvm/jvm-child';

const messageSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('ready') }),
  z.object({
    event: z.literal('assigned'),
    partitions: z.array(z.object({ topic: z.string(), partition: z.number() })),
  }),
  z.object({ event: z.literal('committed'), count: z.number() }),
  z.object({
    event: z.literal('holding'),
    topic: z.string(),
    partition: z.number(),
    offset: z.number(),
    deliveryCount: z.number(),
  }),
]);
type Holding = Extract<z.infer<typeof messageSchema>, { event: 'holding' }>;

/** `share-hold`: a share consumer that acquires one record and keeps it locked, unacknowledged. */
export type JavaConsumerMode = 'classic' | 'consumer' | 'share' | 'share-hold';

export interface JavaTestConsumer {
  pid: number | null;
  /** Records polled (and committed or acknowledged) so far. */
  consumed: () => number;
  /** share-hold: the record it acquired and holds, once it has one. */
  held: () => Holding | null;
  /** Leaves the group (stdin closed) and waits for the JVM to exit. */
  stop: () => Promise<void>;
}

/** Someone else's Java consumer (offsetlab.ObserverTestConsumer): subscribe, poll, commit. */
export async function startJavaConsumer(
  brokers: string[],
  groupId: string,
  topic: string,
  mode: JavaConsumerMode,
  clientId = `java-${mode}-consumer`,
  /** Group configs the application sets before it joins (Admin incrementalAlterConfigs). */
  groupConfigs: Record<string, string> = {},
): Promise<JavaTestConsumer> {
  const classpath = await jvmClasspath(process.cwd());
  let consumed = 0;
  let held: Holding | null = null;
  const child = new JvmChild({
    classpath,
    mainClass: 'offsetlab.ObserverTestConsumer',
    jvmArgs: SMALL_JVM_ARGS,
    schema: messageSchema,
    onMessage: (m) => {
      if (m.event === 'committed') consumed += m.count;
      if (m.event === 'holding') held = m;
    },
    onExit: () => undefined,
  });
  child.send({
    type: 'start',
    bootstrap: brokers.join(','),
    groupId,
    topic,
    mode,
    clientId,
    groupConfigs,
  });
  return {
    pid: child.pid,
    consumed: () => consumed,
    held: () => held,
    stop: () => child.close(15_000),
  };
}
