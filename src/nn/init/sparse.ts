import { noGrad, normal_ as fillNormal, randperm, type Generator as RandomGenerator, type Shape, type Tensor } from '../../engine/index.js';
import { InvalidInitializerError } from './errors.js';

export function checkSparse(shape: Shape): void {
  if (shape.length !== 2) throw new InvalidInitializerError('Only tensors with 2 dimensions are supported');
}

/**
 * `nn.init.sparse_(t, sparsity, std)`: N(0, std²) everywhere, then in each
 * column, left to right, the rows `randperm(rows)[:ceil(sparsity·rows)]`
 * are zeroed (one randperm per column, after all the normal draws).
 */
export function sparse_(t: Tensor, sparsity: number, std: number, generator: RandomGenerator): Tensor {
  checkSparse(t.shape);
  const [rows, cols] = t.shape;
  const count = Math.ceil(sparsity * rows);
  // Python's slice [:count]: a negative count keeps all but the last |count| rows
  const zeros = count >= 0 ? Math.min(count, rows) : Math.max(0, rows + count);
  noGrad(() => {
    fillNormal(t.data, 0, std, generator);
    for (let col = 0; col < cols; col++) {
      const perm = randperm(rows, generator);
      for (let k = 0; k < zeros; k++) t.data[perm[k] * cols + col] = 0;
    }
  });
  return t;
}
