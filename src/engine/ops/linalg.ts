import { Tensor } from '../tensor.js';
import { allocate, allocateLike, promote } from '../dtype.js';
import { broadcastShapes, formatList, numel, sameShape, type Shape } from '../shape.js';
import { gemm } from '../kernels/matmul.js';
import { broadcastIndex, isTrailingTile } from '../kernels/broadcast.js';
import { record } from '../autograd/record.js';
import { reduceGrad } from './arithmetic.js';
import { expandedShape } from './shape-ops.js';
import { ShapeError } from '../errors.js';
import { tensorOf } from './tensor-of.js';

function cannotMultiply(a: Shape, b: Shape): ShapeError {
  return new ShapeError(`mat1 and mat2 shapes cannot be multiplied (${a.join('x')} and ${b.join('x')})`);
}

/** dA = dC·Bᵀ (m×k) or dB = Aᵀ·dC (k×n), read in place through the kernel's transpose flags. */
function matrixGrad(g: Tensor, other: Tensor, rows: number, cols: number, inner: number, which: 'a' | 'b'): Tensor {
  const out = allocateLike(g.data, rows * cols);
  if (which === 'a') gemm({ m: rows, n: cols, k: inner, a: g.data, b: other.data, transB: true, c: out });
  else gemm({ m: rows, n: cols, k: inner, a: other.data, transA: true, b: g.data, c: out });
  return tensorOf(out, [rows, cols]);
}

/** `a @ b` for matrices (MmBackward0). */
export function mm(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2) throw new ShapeError('self must be a matrix');
  if (b.ndim !== 2) throw new ShapeError('mat2 must be a matrix');
  const [m, k] = a.shape;
  const [k2, n] = b.shape;
  if (k !== k2) throw cannotMultiply(a.shape, b.shape);
  const c = allocate(promote(a.dtype, b.dtype), m * n);
  gemm({ m, n, k, a: a.data, b: b.data, c });
  return record(tensorOf(c, [m, n]), 'MmBackward0', [a, b], (g) => [
    a.requiresGrad ? matrixGrad(g, b, m, k, n, 'a') : null,
    b.requiresGrad ? matrixGrad(g, a, k, n, m, 'b') : null,
  ]);
}

/** Fills `c` (rows × cols) with `bias` broadcast to that shape. */
function fillBias(c: Tensor['data'], bias: Tensor, target: readonly number[]): void {
  const bd = bias.data;
  const cols = target[target.length - 1];
  if (bias.numel === 1) c.fill(bd[0]);
  else if (bias.ndim === 1 && bias.shape[0] === cols) for (let r = 0; r < c.length; r += cols) c.set(bd, r);
  else if (isTrailingTile(bias.shape, target)) for (let r = 0; r < c.length; r += bias.numel) c.set(bd, r);
  else {
    const bi = broadcastIndex(bias.shape, target);
    for (let i = 0; i < c.length; i++) c[i] = bd[bi[i]];
  }
}

/** `bias + a @ b` (AddmmBackward0); bias expands to the product's shape. */
export function addmm(bias: Tensor, a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2) throw new ShapeError(`mat1 must be a matrix, got ${a.ndim}-D tensor`);
  if (b.ndim !== 2) throw new ShapeError(`mat2 must be a matrix, got ${b.ndim}-D tensor`);
  const [m, k] = a.shape;
  const [k2, n] = b.shape;
  if (k !== k2) throw cannotMultiply(a.shape, b.shape);
  expandedShape(bias.shape, [m, n], bias.dtype);
  const c = allocate(promote(a.dtype, b.dtype), m * n);
  fillBias(c, bias, [m, n]);
  gemm({ m, n, k, a: a.data, b: b.data, c, accumulate: true });
  return record(tensorOf(c, [m, n]), 'AddmmBackward0', [bias, a, b], (g) => [
    bias.requiresGrad ? reduceGrad(g.data, [m, n], bias.shape) : null,
    a.requiresGrad ? matrixGrad(g, b, m, k, n, 'a') : null,
    b.requiresGrad ? matrixGrad(g, a, k, n, m, 'b') : null,
  ]);
}

/** The grad_fn PyTorch 1.13's `at::linear` leaves for an input rank, with and without bias. */
function linearName(ndim: number, hasBias: boolean): string {
  if (hasBias) return ndim === 2 ? 'AddmmBackward0' : ndim === 3 ? 'ViewBackward0' : 'AddBackward0';
  return ndim === 2 ? 'MmBackward0' : ndim === 1 ? 'SqueezeBackward3' : 'UnsafeViewBackward0';
}

/**
 * PyTorch's bias check for `at::linear`: 2-D and 3-D inputs go through addmm
 * (bias expands to [rows, out]), the others through an in-place add.
 */
function checkLinearBias(bias: Tensor, ndim: number, rows: number, outShape: readonly number[]): readonly number[] {
  if (ndim === 2 || ndim === 3) {
    const target = [rows, outShape[outShape.length - 1]];
    expandedShape(bias.shape, target, bias.dtype);
    return target;
  }
  const b = broadcastShapes(outShape, bias.shape);
  if (!sameShape(b, outShape))
    throw new ShapeError(`output with shape ${formatList(outShape)} doesn't match the broadcast shape ${formatList(b)}`);
  return outShape;
}

/**
 * `F.linear(x, W, b) = x Wᵀ + b` as one fused op. Leading dims of x fold into
 * rows, so the product is one gemm with W read transposed in place, and the
 * backward is `dX = dY W`, `dW = dYᵀ X`, `db = Σ dY`. The node carries the
 * name PyTorch 1.13's `at::linear` gives for that input rank and bias.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  if (x.ndim === 0) throw new ShapeError(`both arguments to matmul need to be at least 1D, but they are 0D and ${weight.ndim}D`);
  if (weight.ndim !== 2) throw new ShapeError(`mat2 must be a matrix, got ${weight.ndim}-D tensor`);
  const outF = weight.shape[0];
  const inF = weight.shape[1];
  const lastDim = x.shape[x.ndim - 1];
  let m = 1;
  for (let i = 0; i < x.ndim - 1; i++) m *= x.shape[i];
  if (lastDim !== inF) throw cannotMultiply([m, lastDim], [inF, outF]);
  const outShape = [...x.shape];
  outShape[x.ndim - 1] = outF;
  // The usual [out_features] bias needs no broadcast check: it tiles every row.
  const rowBias = bias !== null && bias.ndim === 1 && bias.shape[0] === outF;
  const biasTarget = bias === null || rowBias ? null : checkLinearBias(bias, x.ndim, m, outShape);
  const y = allocateLike(x.data instanceof Float64Array ? x.data : weight.data, m * outF);
  if (rowBias) for (let r = 0; r < y.length; r += outF) y.set(bias!.data, r);
  else if (bias !== null) fillBias(y, bias, biasTarget!);
  gemm({ m, n: outF, k: inF, a: x.data, b: weight.data, transB: true, c: y, accumulate: bias !== null });
  const inputs = bias === null ? [x, weight] : [x, weight, bias];
  return record(new Tensor(y, outShape), linearName(x.ndim, bias !== null), inputs, (g) => {
    const gd = g.data;
    let gx: Tensor | null = null;
    let gw: Tensor | null = null;
    if (x.requiresGrad) {
      const d = allocateLike(gd, m * inF);
      gemm({ m, n: inF, k: outF, a: gd, b: weight.data, c: d });
      gx = tensorOf(d, x.shape);
    }
    if (weight.requiresGrad) {
      const d = allocateLike(gd, outF * inF);
      gemm({ m: outF, n: inF, k: m, a: gd, transA: true, b: x.data, c: d });
      gw = tensorOf(d, weight.shape);
    }
    if (bias === null) return [gx, gw];
    return [gx, gw, bias.requiresGrad ? reduceGrad(gd, biasTarget ?? [m, outF], bias.shape) : null];
  });
}

/**
 * `torch.matmul` with PyTorch's rank rules: dot, matrix-vector, matrix-matrix,
 * and batched products whose batch dims broadcast. Names and messages follow
 * the path PyTorch 1.13 takes for each rank pair.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0)
    throw new ShapeError(`both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  const [m, k] = a.ndim === 1 ? [1, a.shape[0]] : a.shape.slice(-2);
  const [k2, n] = b.ndim === 1 ? [b.shape[0], 1] : b.shape.slice(-2);
  const aBatch = a.ndim > 2 ? a.shape.slice(0, -2) : [];
  const bBatch = b.ndim > 2 ? b.shape.slice(0, -2) : [];
  let name: string;
  if (a.ndim === 1 && b.ndim === 1) {
    if (k !== k2)
      throw new ShapeError(
        `inconsistent tensor size, expected tensor [${k}] and src [${k2}] to have the same number of elements, but got ${k} and ${k2} elements respectively`,
      );
    name = 'DotBackward0';
  } else if (b.ndim === 1 && a.ndim >= 2) {
    // matrix-vector, or a batch folded into the rows of one matrix-vector product
    const rows = numel(aBatch) * m;
    if (k !== k2) throw new ShapeError(`size mismatch, got ${rows}, ${rows}x${k},${k2}`);
    name = a.ndim === 2 ? 'MvBackward0' : 'UnsafeViewBackward0';
  } else if (a.ndim === 1 && b.ndim === 2) {
    if (k !== k2) throw cannotMultiply([1, k], [k2, n]);
    name = 'SqueezeBackward3';
  } else if (b.ndim <= 2) {
    if (k !== k2) throw cannotMultiply([numel(aBatch) * m, k], [k2, n]);
    name = 'UnsafeViewBackward0';
  } else if (a.ndim <= 2) {
    // PyTorch computes (bᵀ aᵀ)ᵀ here: folded as bᵀ's rows times aᵀ, then transposed back.
    const rows = numel(bBatch) * n;
    if (k !== k2) throw a.ndim === 1 ? new ShapeError(`size mismatch, got ${rows}, ${rows}x${k2},${k}`) : cannotMultiply([rows, k2], [k, m]);
    // The transposed result is already contiguous when a dim is 1 (or it is empty), so no clone follows.
    name = a.ndim === 1 ? 'UnsafeViewBackward0' : m === 1 || n === 1 || rows * m === 0 ? 'TransposeBackward0' : 'CloneBackward0';
  } else {
    const nb = numel(broadcastShapes(aBatch, bBatch));
    if (k !== k2) throw new ShapeError(`Expected size for first two dimensions of batch2 tensor to be: [${nb}, ${k}] but got: [${nb}, ${k2}].`);
    name = 'UnsafeViewBackward0';
  }
  return batched(a, b, m, k, n, aBatch, bBatch, name);
}

/** One gemm per entry of the broadcast batch; vectors act as 1-row / 1-column matrices. */
function batched(a: Tensor, b: Tensor, m: number, k: number, n: number, aBatch: Shape, bBatch: Shape, name: string): Tensor {
  const batch = broadcastShapes(aBatch, bBatch);
  const nb = numel(batch);
  const ai = broadcastIndex(aBatch, batch);
  const bi = broadcastIndex(bBatch, batch);
  const c = allocate(promote(a.dtype, b.dtype), nb * m * n);
  for (let t = 0; t < nb; t++)
    gemm({ m, n, k, a: a.data, aOffset: ai[t] * m * k, b: b.data, bOffset: bi[t] * k * n, c, cOffset: t * m * n });
  const outShape = [...batch, ...(a.ndim === 1 ? [] : [m]), ...(b.ndim === 1 ? [] : [n])];
  return record(tensorOf(c, outShape), name, [a, b], (g) => {
    const gd = g.data;
    let ga: Tensor | null = null;
    let gb: Tensor | null = null;
    if (a.requiresGrad) {
      const d = allocateLike(g.data, a.numel);
      for (let t = 0; t < nb; t++)
        gemm({ m, n: k, k: n, a: gd, aOffset: t * m * n, b: b.data, bOffset: bi[t] * k * n, transB: true, c: d, cOffset: ai[t] * m * k, accumulate: true });
      ga = tensorOf(d, a.shape);
    }
    if (b.requiresGrad) {
      const d = allocateLike(g.data, b.numel);
      for (let t = 0; t < nb; t++)
        gemm({ m: k, n, k: m, a: a.data, aOffset: ai[t] * m * k, transA: true, b: gd, bOffset: t * m * n, c: d, cOffset: bi[t] * k * n, accumulate: true });
      gb = tensorOf(d, b.shape);
    }
    return [ga, gb];
  });
}
