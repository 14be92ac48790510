import { ShapeError, TensorIndexError } from './errors.js';

export type Shape = readonly number[];

export function numel(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Row-major strides in elements. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `torch.Size([2, 3])`, as PyTorch prints shapes in its messages. */
export function formatSize(shape: Shape): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/** `[2, 3]`, as PyTorch prints sizes in op messages (`mat1 and mat2 shapes cannot be multiplied (2x4 and 3x8)`). */
export function formatList(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** The broadcast shape of two shapes, with PyTorch's message when they do not broadcast. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  // Right to left, as ATen checks, so a message names the same dimension PyTorch's does.
  for (let i = n - 1; i >= 0; i--) {
    const da = i < n - a.length ? 1 : a[i - (n - a.length)];
    const db = i < n - b.length ? 1 : b[i - (n - b.length)];
    if (da === db || db === 1) out[i] = da;
    else if (da === 1) out[i] = db;
    else
      throw new ShapeError(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}`,
      );
  }
  return out;
}

/** True when `from` broadcasts to exactly `to` (used for in-place ops and edits). */
export function broadcastsTo(from: Shape, to: Shape): boolean {
  if (from.length > to.length) {
    // leading ones may be dropped, as PyTorch allows for in-place ops
    for (let i = 0; i < from.length - to.length; i++) if (from[i] !== 1) return false;
    from = from.slice(from.length - to.length);
  }
  const off = to.length - from.length;
  for (let i = 0; i < from.length; i++) if (from[i] !== 1 && from[i] !== to[i + off]) return false;
  return true;
}

/** Normalises a possibly negative dim, with PyTorch's message when out of range. */
export function normalizeDim(dim: number, ndim: number): number {
  const rank = Math.max(ndim, 1);
  if (!Number.isInteger(dim) || dim < -rank || dim >= rank)
    throw new TensorIndexError(
      `Dimension out of range (expected to be in range of [${-rank}, ${rank - 1}], but got ${dim})`,
      'DIMENSION_OUT_OF_RANGE',
    );
  return dim < 0 ? dim + rank : dim;
}

/** Checks a shape given by a caller: non-negative integers. */
export function checkShape(shape: Shape, what = 'shape'): void {
  for (const d of shape)
    if (!Number.isInteger(d) || d < 0)
      throw new ShapeError(`${what} must be non-negative integers, got ${formatList(shape)}`);
}
