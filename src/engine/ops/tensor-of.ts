import { Tensor } from '../tensor.js';
import type { FloatArray } from '../dtype.js';
import type { Shape } from '../shape.js';

/**
 * `new Tensor(data, shape)` for op results. The constructor copies the shape
 * with `slice`, which V8 runs on a slow path for frozen arrays, and every
 * tensor's shape is frozen; spreading first (fast on frozen arrays) makes that
 * copy cheap. On tiny tensors this was most of an op's cost, so every op
 * builds its results through here.
 */
export function tensorOf(data: FloatArray, shape: Shape): Tensor {
  return new Tensor(data, [...shape]);
}
