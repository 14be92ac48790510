/**
 * One FIFO queue per key: writes to one model run one at a time, in arrival
 * order, while different models proceed in parallel. Keys with nothing queued
 * are forgotten, so the map does not grow with the number of models ever seen.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** True while a task for `key` runs or waits. */
  isBusy(key: string): boolean {
    return this.tails.has(key);
  }

  /** Resolves once everything queued for `key` so far has finished. */
  async idle(key: string): Promise<void> {
    const tail = this.tails.get(key);
    if (tail !== undefined) await tail;
  }
}
