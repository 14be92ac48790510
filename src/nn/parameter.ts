import { Tensor, type FloatArray, type Shape } from '../engine/index.js';

/**
 * A leaf tensor a module owns (PyTorch's `nn.Parameter`). Tying two modules'
 * weights means both hold this same object; edits and gradients then show
 * through every path that reaches it.
 */
export class Parameter extends Tensor {
  constructor(data: FloatArray, shape: Shape, requiresGrad = true) {
    super(data, shape, requiresGrad);
  }
}

export function isParameter(t: unknown): t is Parameter {
  return t instanceof Parameter;
}
