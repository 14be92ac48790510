import type { Tensor } from '../../engine/index.js';
import { NnArgumentError } from '../errors.js';
import { pythonFloatRepr } from '../python-repr.js';

/**
 * What `torch.optim.Optimizer.__init__` checks of its parameters, in its
 * order and words; one parameter group. A parameter listed twice (PyTorch
 * only warns, then updates it twice per step) is kept once.
 */
export abstract class Optimizer {
  readonly params: readonly Tensor[];

  protected constructor(params: Iterable<Tensor>) {
    const list: Tensor[] = [];
    const seen = new Set<Tensor>();
    for (const p of params) {
      if (seen.has(p)) continue;
      seen.add(p);
      list.push(p);
    }
    if (list.length === 0) throw new NnArgumentError('optimizer got an empty parameter list', 'INVALID_ARGUMENT', { field: 'params' });
    for (const p of list) {
      if (!p.isLeaf) throw new NnArgumentError("can't optimize a non-leaf Tensor", 'INVALID_ARGUMENT', { field: 'params' });
      // The kernels emulate float32 arithmetic (fused multiply-adds included), the service's only dtype.
      if (p.dtype !== 'float32')
        throw new NnArgumentError(`optimizers here update float32 parameters only, got ${p.dtype}`, 'INVALID_ARGUMENT', { field: 'params' });
    }
    this.params = list;
  }

  /** The class name PyTorch prints (`SGD`, `Adam`, `AdamW`). */
  abstract get typeName(): string;

  /**
   * One update of every parameter that has a gradient and requires one;
   * a frozen parameter (requiresGrad false) or one whose grad is null never
   * moves and its state does not advance.
   */
  abstract step(): void;

  /** Clears gradients: to null (`setToNone`, PyTorch 2.x's default and the service's) or to zeros in place. */
  zeroGrad(setToNone = true): void {
    for (const p of this.params) {
      if (p.grad === null) continue;
      if (setToNone) p.grad = null;
      else p.grad.data.fill(0);
    }
  }
}

/**
 * A hyperparameter as `'{}'.format(v)` prints it in PyTorch's messages. A
 * JSON number is a Python float, so `-1` prints as `-1.0`, `1e-5` as `1e-05`.
 */
export function formatHyper(v: number): string {
  return pythonFloatRepr(v);
}

export function invalidHyper(field: string, message: string): NnArgumentError {
  return new NnArgumentError(message, 'INVALID_ARGUMENT', { field });
}

/** The float32 value a Python scalar becomes when an ATen float kernel reads it (`alpha`, `value`, a divisor). */
export const f32 = Math.fround;
