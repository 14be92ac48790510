import type { Tensor } from '../tensor.js';

/** Local derivative of one op: gradient of the output in, gradients of the inputs out (null = none). */
export type BackwardFn = (gradOutput: Tensor) => readonly (Tensor | null)[];

/**
 * One recorded op in the graph (PyTorch's `grad_fn`). `inputs[i]` is null when
 * that input needs no gradient, so backward never follows it.
 */
export class GradNode {
  private backwardFn: BackwardFn | null;

  constructor(
    /** The name PyTorch shows, e.g. `AddmmBackward0`. */
    readonly name: string,
    readonly inputs: readonly (Tensor | null)[],
    backwardFn: BackwardFn,
  ) {
    this.backwardFn = backwardFn;
  }

  get released(): boolean {
    return this.backwardFn === null;
  }

  apply(gradOutput: Tensor): readonly (Tensor | null)[] {
    if (this.backwardFn === null) throw new Error('GradNode.apply after release');
    return this.backwardFn(gradOutput);
  }

  /** Drops the saved tensors (held by the closure), as PyTorch frees a graph after backward. */
  release(): void {
    this.backwardFn = null;
  }

  toString(): string {
    return `<${this.name}>`;
  }
}
