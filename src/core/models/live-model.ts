import { randomUUID } from 'node:crypto';
import type { Module } from '../../nn/index.js';

/**
 * A model as this process holds it: the module tree plus what the store keeps
 * beside it. `version` is the stored version this instance reflects; the
 * cached texts are derived once per structure change, not per request.
 */
export class LiveModel {
  private summaryText: string | null = null;
  private parameterElements: number | null = null;
  /** Unique to this in-memory instance: a deleted and re-created model never matches a worker's copy. */
  readonly instanceId = randomUUID();

  constructor(
    readonly sessionId: string,
    readonly name: string,
    public version: number,
    readonly root: Module,
    /** The architecture spec as JSON text (changes only with ties). */
    public architecture: string,
  ) {}

  /** `print(model)`. */
  get summary(): string {
    this.summaryText ??= this.root.toString();
    return this.summaryText;
  }

  /** Elements of the parameters, tied ones counted once (changes only with the structure). */
  get parameterCount(): number {
    if (this.parameterElements === null) {
      let n = 0;
      for (const [, p] of this.root.namedParameters()) n += p.numel;
      this.parameterElements = n;
    }
    return this.parameterElements;
  }

  /** Call after a change of structure (a tie) so derived texts are rebuilt. */
  structureChanged(architecture: string): void {
    this.architecture = architecture;
    this.summaryText = null;
    this.parameterElements = null;
  }
}
