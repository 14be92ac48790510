import { allocate, type DType } from '../dtype.js';
import { EngineArgumentError } from '../errors.js';
import { numel, type Shape } from '../shape.js';
import { Tensor } from '../tensor.js';
import type { Generator } from './generator.js';
import { normal_ } from './normal.js';
import { uniform_ } from './uniform.js';

function checkShape(shape: Shape): void {
  for (const d of shape) {
    if (!Number.isInteger(d)) throw new EngineArgumentError(`size must be a list of integers, got ${d}`);
    if (d < 0)
      throw new EngineArgumentError(`Trying to create tensor with negative dimension ${d}: [${shape.join(', ')}]`);
  }
}

/** `torch.rand(shape, generator=gen)`: `empty(shape).uniform_(0, 1)`. */
export function rand(shape: Shape, gen: Generator, dtype: DType = 'float32'): Tensor {
  checkShape(shape);
  return new Tensor(uniform_(allocate(dtype, numel(shape)), 0, 1, gen), shape);
}

/** `torch.randn(shape, generator=gen)`: `empty(shape).normal_(0, 1)`. */
export function randn(shape: Shape, gen: Generator, dtype: DType = 'float32'): Tensor {
  checkShape(shape);
  return new Tensor(normal_(allocate(dtype, numel(shape)), 0, 1, gen), shape);
}
