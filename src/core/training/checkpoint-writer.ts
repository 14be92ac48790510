import type { Snapshot } from './training-loop.js';

/**
 * Writes a run's checkpoints one at a time while the run goes on. When the
 * store is slower than the run, a checkpoint waiting to be written is
 * replaced by a newer one: only the latest state matters. The first failure
 * stops all further writes and is reported once.
 */
export class CheckpointWriter {
  private writing: Promise<void> | null = null;
  private waiting: Snapshot | null = null;
  private failed = false;

  constructor(
    private readonly commit: (s: Snapshot) => Promise<void>,
    private readonly onFailure: (e: unknown) => void,
  ) {}

  offer(snapshot: Snapshot): void {
    if (this.failed) return;
    this.waiting = snapshot;
    this.writing ??= this.drain();
  }

  private async drain(): Promise<void> {
    while (this.waiting !== null && !this.failed) {
      const s = this.waiting;
      this.waiting = null;
      try {
        await this.commit(s);
      } catch (e) {
        this.failed = true;
        this.onFailure(e);
      }
    }
    this.writing = null;
  }

  /** Drops a waiting checkpoint (the run's final state supersedes it) and waits for the write in flight. */
  async settle(): Promise<void> {
    this.waiting = null;
    while (this.writing !== null) await this.writing;
  }
}
