/**
 * A one-consumer async queue between a run and the transport that streams it.
 * `onTake` fires as the consumer takes each item, which is how a run learns
 * its consumer's pace; a consumer that stops iterating early (`return`) is
 * treated as gone.
 */
export class EventChannel<T> {
  private readonly items: T[] = [];
  private waiter: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | null = null;
  private closed: { error: unknown } | null = null;

  constructor(
    private readonly onTake: (item: T) => void,
    private readonly onAbandon: () => void,
  ) {}

  push(item: T): void {
    if (this.closed !== null) return;
    const w = this.waiter;
    if (w === null) {
      this.items.push(item);
      return;
    }
    this.waiter = null;
    this.onTake(item);
    w.resolve({ value: item, done: false });
  }

  /** No more items; the consumer finishes normally after taking what is queued. */
  end(): void {
    this.close({ error: null });
  }

  /** No more items; the consumer gets `error` after taking what is queued. */
  fail(error: unknown): void {
    this.close({ error });
  }

  private close(how: { error: unknown }): void {
    if (this.closed !== null) return;
    this.closed = how;
    const w = this.waiter;
    this.waiter = null;
    if (w !== null) {
      if (how.error === null) w.resolve({ value: undefined, done: true });
      else w.reject(how.error);
    }
  }

  private next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) {
      const item = this.items.shift()!;
      this.onTake(item);
      return Promise.resolve({ value: item, done: false });
    }
    if (this.closed !== null) return this.closed.error === null ? Promise.resolve({ value: undefined, done: true }) : Promise.reject(this.closed.error);
    if (this.waiter !== null) return Promise.reject(new Error('a training run has one consumer'));
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  iterator(): AsyncIterableIterator<T> {
    const it: AsyncIterableIterator<T> = {
      next: () => this.next(),
      return: async () => {
        if (this.closed === null) this.onAbandon();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }
}
