import { z } from 'zod';
import { JvmChild, SMALL_JVM_ARGS } from './jvm-child';

const OUTPUT_READER_MAIN_CLASS = 'offsetlab.OutputReader';

const readerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Trades of this server run read from `topic` since the last message (records: all of them). */
  z.object({
    type: z.literal('seqs'),
    topic: z.string(),
    seqs: z.array(z.number()),
    records: z.number(),
    at: z.number(),
  }),
  z.object({ type: z.literal('error'), message: z.string(), at: z.number() }),
]);
export type ReaderMessage = z.infer<typeof readerMessageSchema>;

export interface OutputReaderOptions {
  classpath: string;
  brokers: string[];
  /** Security settings in Kafka's names; travel on stdin, never in argv. */
  clientProperties: Record<string, string>;
  runId: string;
  onMessage: (message: ReaderMessage) => void;
  onExit: (code: number | null, signal: string | null) => void;
}

/**
 * Kafka's own client reading output topics with isolation.level=read_committed (OutputReader.java),
 * in one small JVM for all of them. Outside any consumer group: it commits nothing.
 */
export class OutputReader {
  private readonly child: JvmChild<ReaderMessage>;

  constructor(options: OutputReaderOptions) {
    this.child = new JvmChild({
      classpath: options.classpath,
      mainClass: OUTPUT_READER_MAIN_CLASS,
      jvmArgs: [...SMALL_JVM_ARGS, '-Xms8m'],
      schema: readerMessageSchema,
      onMessage: options.onMessage,
      onExit: options.onExit,
      onStderr: (line) => process.stderr.write(`[output-reader] ${line}\n`),
      onInvalid: (_line, error) =>
        options.onMessage({
          type: 'error',
          message: `invalid line from the output reader: ${error.slice(0, 200)}`,
          at: Date.now(),
        }),
    });
    this.child.send({
      type: 'start',
      bootstrap: options.brokers.join(','),
      clientProperties: options.clientProperties,
      runId: options.runId,
    });
  }

  get alive(): boolean {
    return this.child.alive;
  }

  watch(topic: string): void {
    this.child.send({ type: 'watch', topic });
  }

  unwatch(topic: string): void {
    this.child.send({ type: 'unwatch', topic });
  }

  close(): Promise<void> {
    return this.child.close(5000);
  }
}
