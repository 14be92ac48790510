import { noGrad, stridesOf, type Shape, type Tensor } from '../../engine/index.js';
import { InvalidInitializerError } from './errors.js';

export function checkEye(shape: Shape): void {
  if (shape.length !== 2) throw new InvalidInitializerError('Only tensors with 2 dimensions are supported');
}

/** `nn.init.eye_(t)`: `torch.eye(rows, cols)`, ones on the leading diagonal of a rectangle too. */
export function eye_(t: Tensor): Tensor {
  checkEye(t.shape);
  const [rows, cols] = t.shape;
  noGrad(() => {
    t.data.fill(0);
    for (let i = 0; i < Math.min(rows, cols); i++) t.data[i * cols + i] = 1;
  });
  return t;
}

/** `dirac_`'s checks in PyTorch's order: dimensions, then divisibility by `groups`. */
export function checkDirac(shape: Shape, groups: number): void {
  if (shape.length < 3 || shape.length > 5) throw new InvalidInitializerError('Only tensors with 3, 4, or 5 dimensions are supported');
  if (!Number.isInteger(groups) || groups < 1) throw new InvalidInitializerError(`groups must be a positive integer, got ${groups}`);
  if (shape[0] % groups !== 0) throw new InvalidInitializerError('dim 0 must be divisible by groups');
  // The centre index 0 of an empty spatial dimension is out of range once any 1 is written.
  if (Math.min(shape[0] / groups, shape[1]) > 0) {
    const empty = shape.findIndex((size, k) => k >= 2 && size === 0);
    if (empty !== -1) throw new InvalidInitializerError(`index 0 is out of bounds for dimension ${empty} with size 0`);
  }
}

/**
 * `nn.init.dirac_(t, groups)`: zeros, then `t[g·oc + d, d, centre...] = 1`
 * for `d < min(oc, size(1))` in each group, `oc = size(0) / groups` and the
 * centre of each spatial dimension `size(k) // 2`.
 */
export function dirac_(t: Tensor, groups = 1): Tensor {
  checkDirac(t.shape, groups);
  const shape = t.shape;
  const strides = stridesOf(shape);
  const outPerGroup = shape[0] / groups;
  const minDim = Math.min(outPerGroup, shape[1]);
  let centre = 0;
  for (let k = 2; k < shape.length; k++) centre += Math.floor(shape[k] / 2) * strides[k];
  noGrad(() => {
    t.data.fill(0);
    for (let g = 0; g < groups; g++)
      for (let d = 0; d < minDim; d++) t.data[(g * outPerGroup + d) * strides[0] + d * strides[1] + centre] = 1;
  });
  return t;
}
