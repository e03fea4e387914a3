/**
 * At most `concurrency` tasks at a time, at most `queueLength` more waiting; beyond that a task is
 * refused at once (null), so a burst of callers cannot pile work onto a shared resource.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queueLength: number,
  ) {}

  get inFlight(): number {
    return this.running + this.waiting.length;
  }

  /** Runs `task` when a slot is free; null (without running it) when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLength) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return { value: await task() };
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` never dips below the limit.
      if (next) next();
      else this.running--;
    }
  }
}
