import { Tensor, type NestedNumbers } from '../tensor.js';
import { allocate, type DType, allocateLike } from '../dtype.js';
import { checkShape, formatList, numel, type Shape } from '../shape.js';
import { EngineArgumentError, ShapeError } from '../errors.js';

export interface CreateOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

/** `torch.tensor(nested)`: infers the shape from nested arrays; ragged input is refused. */
export function tensor(values: NestedNumbers, options: CreateOptions = {}): Tensor {
  const shape: number[] = [];
  let probe: NestedNumbers = values;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  const data = allocate(options.dtype ?? 'float32', numel(shape));
  let k = 0;
  const fill = (v: NestedNumbers, dim: number): void => {
    if (dim === shape.length) {
      if (typeof v !== 'number') throw new ShapeError(`expected a number at depth ${dim}, got ${Array.isArray(v) ? 'an array' : typeof v}`);
      data[k++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim])
      throw new ShapeError(`expected sequence of length ${shape[dim]} at dim ${dim} (got ${Array.isArray(v) ? v.length : typeof v})`);
    for (const x of v) fill(x, dim + 1);
  };
  fill(values, 0);
  return new Tensor(data, shape, options.requiresGrad ?? false);
}

/** A tensor over existing storage (not copied). */
export function fromArray(data: Float32Array | Float64Array, shape: Shape, requiresGrad = false): Tensor {
  return new Tensor(data, shape, requiresGrad);
}

export function full(shape: Shape, value: number, options: CreateOptions = {}): Tensor {
  for (const d of shape)
    if (d < 0) throw new ShapeError(`Trying to create tensor with negative dimension ${d}: ${formatList(shape)}`);
  checkShape(shape);
  const data = allocate(options.dtype ?? 'float32', numel(shape));
  if (value !== 0) data.fill(value);
  return new Tensor(data, shape, options.requiresGrad ?? false);
}

export function zeros(shape: Shape, options: CreateOptions = {}): Tensor {
  return full(shape, 0, options);
}

export function ones(shape: Shape, options: CreateOptions = {}): Tensor {
  return full(shape, 1, options);
}

export function zerosLike(t: Tensor): Tensor {
  return full(t.shape, 0, { dtype: t.dtype });
}

export function onesLike(t: Tensor): Tensor {
  return full(t.shape, 1, { dtype: t.dtype });
}

export function fullLike(t: Tensor, value: number): Tensor {
  return full(t.shape, value, { dtype: t.dtype });
}

/** A 0-d tensor holding `value`. */
export function scalar(value: number, dtype: DType = 'float32'): Tensor {
  return full([], value, { dtype });
}

/** `torch.arange(start, end, step)` as floats. */
export function arange(start: number, end?: number, step = 1, dtype: DType = 'float32'): Tensor {
  if (end === undefined) {
    end = start;
    start = 0;
  }
  if (step === 0) throw new EngineArgumentError('step must be nonzero');
  if ((end - start) * step < 0) throw new EngineArgumentError('upper bound and larger bound inconsistent with step sign');
  const n = Math.ceil((end - start) / step);
  const data = allocate(dtype, n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new Tensor(data, [n]);
}

/** `torch.eye(n, m)`: ones on the leading diagonal, rectangular allowed. */
export function eye(n: number, m = n, dtype: DType = 'float32'): Tensor {
  const data = allocate(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return new Tensor(data, [n, m]);
}

/** A copy with fresh storage, outside the graph. */
export function cloneData(t: Tensor): Tensor {
  const data = allocateLike(t.data, t.numel);
  data.set(t.data);
  return new Tensor(data, t.shape);
}
