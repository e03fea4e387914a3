import { GroupAudit, type SeqSet } from '../domain/seq-set';
import { OutputReader, type OutputReaderOptions } from '../jvm/output-reader';
import type { OutputAuditSummary } from '../state/types';

/** A reader that died on its own is started again after this long, and reads everything again. */
const RESTART_AFTER_MS = 2000;

type ReaderSettings = Omit<OutputReaderOptions, 'onMessage' | 'onExit'>;

/**
 * The delivery audit of exactly-once groups, counted where it matters: on `<topic>.out` as a
 * read_committed reader sees it, not on what the consumers processed (a crashed transaction's
 * work is processed twice, but must be in the output once). One GroupAudit per output topic,
 * fed by one OutputReader JVM, started when the first such topic is watched.
 */
export class OutputAudits {
  private readonly audits = new Map<string, GroupAudit>();
  private reader: OutputReader | null = null;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly settings: ReaderSettings | null,
    private readonly onError: (message: string) => void,
  ) {}

  watch(topic: string): void {
    if (!this.settings || this.audits.has(topic)) return;
    this.audits.set(topic, new GroupAudit());
    this.readerOrStart().watch(topic);
  }

  unwatch(topic: string): void {
    if (!this.audits.delete(topic)) return;
    this.reader?.unwatch(topic);
  }

  /** The audit of `topic` against what the producer had acked on the input topic. */
  summary(topic: string, acked: SeqSet): OutputAuditSummary | null {
    const audit = this.audits.get(topic);
    return audit ? { topic, ...audit.summary(acked) } : null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.reader?.close();
  }

  private readerOrStart(): OutputReader {
    if (this.reader?.alive) return this.reader;
    const settings = this.settings as ReaderSettings;
    const reader: OutputReader = new OutputReader({
      ...settings,
      onMessage: (m) => {
        if (m.type === 'seqs') this.audits.get(m.topic)?.record(m.seqs);
        else if (m.type === 'error') this.onError(`output reader: ${m.message}`);
      },
      onExit: (code, signal) => {
        if (this.reader !== reader || this.stopped) return;
        this.reader = null;
        this.onError(`output reader exited (${signal ?? `code ${code}`}); starting it again`);
        this.restartTimer = setTimeout(() => this.restart(), RESTART_AFTER_MS);
      },
    });
    this.reader = reader;
    return reader;
  }

  /** A new reader reads every watched topic from the beginning: the counts start over. */
  private restart(): void {
    if (this.stopped || this.audits.size === 0) return;
    const topics = [...this.audits.keys()];
    for (const topic of topics) this.audits.set(topic, new GroupAudit());
    const reader = this.readerOrStart();
    for (const topic of topics) reader.watch(topic);
  }
}
