import type { Tensor } from '../tensor.js';

/** Local derivative of one op: gradient of the output in, gradients of the inputs out (null = none). */
export type BackwardFn = (gradOutput: Tensor) => readonly (Tensor | null)[];

/**
 * One recorded op in the graph (PyTorch's `grad_fn`). `inputs[i]` is null when
 * that input needs no gradient, so backward never follows it.
 */
export class GradNode {
  private backwardFn: BackwardFn | null;

  /**
   * Scratch owned by `runBackward`: the traversal that last reached this node,
   * the edges whose gradient has yet to arrive, and the gradient summed so far.
   * Kept on the node so a backward pass needs no hash maps.
   */
  visit = 0;
  pending = 0;
  gradSum: Tensor | null = null;

  constructor(
    /** The name PyTorch shows, e.g. `AddmmBackward0`. */
    readonly name: string,
    readonly inputs: readonly (Tensor | null)[],
    backwardFn: BackwardFn,
    /**
     * Whether the op keeps tensors for its backward. PyTorch frees only those,
     * so a second backward through `sum`, `add`, `view`, ... still works while
     * one through `mul` or `relu` fails.
     */
    readonly savesTensors = true,
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
    if (this.savesTensors) this.backwardFn = null;
  }

  toString(): string {
    return `<${this.name}>`;
  }
}
