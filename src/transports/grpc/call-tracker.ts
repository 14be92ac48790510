/**
 * Counts the calls in flight, so a shutdown can wait for them to finish and
 * then end what never finishes by itself (health Watch streams).
 */
export class CallTracker {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  get active(): number {
    return this.inFlight;
  }

  begin(): void {
    this.inFlight++;
  }

  end(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves once no call is in flight (at once if none is). */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
