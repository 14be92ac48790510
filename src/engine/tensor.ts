import { allocate, dtypeOf, type DType, type FloatArray } from './dtype.js';
import { numel, type Shape } from './shape.js';
import { ShapeError } from './errors.js';
import type { GradNode } from './autograd/grad-node.js';
import { runBackward } from './autograd/backward.js';

/**
 * A dense, contiguous, row-major float tensor and its autograd state.
 * Ops live in `ops/` as functions (`add(a, b)`), named and ordered as PyTorch's.
 */
export class Tensor {
  /** Row-major storage; reshapes share it. */
  data: FloatArray;
  readonly shape: Shape;
  requiresGrad: boolean;
  /** Null until a backward has reached this leaf (PyTorch's `.grad is None`). */
  grad: Tensor | null = null;
  /** The op that produced this tensor; null for leaves and for results computed without grad. */
  gradFn: GradNode | null = null;

  constructor(data: FloatArray, shape: Shape, requiresGrad = false) {
    if (data.length !== numel(shape))
      throw new ShapeError(`shape [${shape.join(', ')}] is invalid for input of size ${data.length}`);
    this.data = data;
    // A private copy; `readonly` stops mutation at compile time (freezing costs ~1 us per op).
    this.shape = [...shape];
    this.requiresGrad = requiresGrad;
  }

  get dtype(): DType {
    return dtypeOf(this.data);
  }

  get ndim(): number {
    return this.shape.length;
  }

  get numel(): number {
    return this.data.length;
  }

  /** A leaf is a tensor no recorded op produced: user-created tensors and parameters. */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** The value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1)
      throw new ShapeError(`a Tensor with ${this.data.length} elements cannot be converted to Scalar`);
    return this.data[0];
  }

  /** Nested arrays, like `tensor.tolist()`; a 0-d tensor gives a number. */
  tolist(): NestedNumbers {
    return toNested(this.data, this.shape);
  }

  /** A tensor sharing storage but outside the graph (PyTorch's `.detach()` / `.data`). */
  detach(): Tensor {
    return new Tensor(this.data, this.shape, false);
  }

  /** Sets `requiresGrad` in place and returns this (PyTorch's `requires_grad_`). */
  requiresGrad_(flag = true): this {
    this.requiresGrad = flag;
    return this;
  }

  /** Reverse-mode autodiff from this tensor; gradients accumulate into leaves' `.grad`. */
  backward(gradient?: Tensor, options: { retainGraph?: boolean } = {}): void {
    runBackward(this, gradient, options.retainGraph ?? false);
  }

  /** A fresh tensor of this shape and dtype, zero-filled. */
  static zeros(shape: Shape, dtype: DType = 'float32'): Tensor {
    return new Tensor(allocate(dtype, numel(shape)), shape);
  }
}

export type NestedNumbers = number | NestedNumbers[];

function toNested(data: FloatArray, shape: Shape): NestedNumbers {
  if (shape.length === 0) return data[0];
  const walk = (dim: number, offset: number, stride: number): NestedNumbers[] => {
    const n = shape[dim];
    const inner = stride / n;
    const out = new Array<NestedNumbers>(n);
    if (dim === shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = data[offset + i];
    } else {
      for (let i = 0; i < n; i++) out[i] = walk(dim + 1, offset + i * inner, inner);
    }
    return out;
  };
  return walk(0, 0, data.length === 0 ? shape.reduce((a, b) => a * (b || 1), 1) : data.length);
}
