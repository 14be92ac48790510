import { Tensor } from '../tensor.js';
import { allocate, promote } from '../dtype.js';
import { broadcastShapes, formatList, numel, type Shape } from '../shape.js';
import { gemm } from '../kernels/matmul.js';
import { record } from '../autograd/record.js';
import { reduceGrad } from './arithmetic.js';
import { ShapeError } from '../errors.js';
import { broadcastIndex } from '../kernels/broadcast.js';

function dims2(t: Tensor, what: string): [number, number] {
  if (t.ndim !== 2) throw new ShapeError(`${what} must be a matrix, got ${t.ndim}-D tensor`);
  return [t.shape[0], t.shape[1]];
}

function cannotMultiply(a: Shape, b: Shape): ShapeError {
  return new ShapeError(`mat1 and mat2 shapes cannot be multiplied (${a.join('x')} and ${b.join('x')})`);
}

/** `a @ b` for matrices (MmBackward0). */
export function mm(a: Tensor, b: Tensor): Tensor {
  const [m, k] = dims2(a, 'self');
  const [k2, n] = dims2(b, 'mat2');
  if (k !== k2) throw cannotMultiply(a.shape, b.shape);
  const c = allocate(promote(a.dtype, b.dtype), m * n);
  gemm({ m, n, k, a: a.data, b: b.data, c });
  return record(new Tensor(c, [m, n]), 'MmBackward0', [a, b], (g) => [
    a.requiresGrad ? matrixGrad(g, b, m, k, n, 'a') : null,
    b.requiresGrad ? matrixGrad(g, a, k, n, m, 'b') : null,
  ]);
}

/** dA = dC·Bᵀ (m×k) or dB = Aᵀ·dC (k×n), read in place through the kernel's transpose flags. */
function matrixGrad(g: Tensor, other: Tensor, rows: number, cols: number, inner: number, which: 'a' | 'b'): Tensor {
  const out = allocate(g.dtype, rows * cols);
  if (which === 'a') gemm({ m: rows, n: cols, k: inner, a: g.data, b: other.data, transB: true, c: out });
  else gemm({ m: rows, n: cols, k: inner, a: other.data, transA: true, b: g.data, c: out });
  return new Tensor(out, [rows, cols]);
}

/** `bias + a @ b` (AddmmBackward0); bias broadcasts to the product's shape. */
export function addmm(bias: Tensor, a: Tensor, b: Tensor): Tensor {
  const [m, k] = dims2(a, 'mat1');
  const [k2, n] = dims2(b, 'mat2');
  if (k !== k2) throw cannotMultiply(a.shape, b.shape);
  const outShape = broadcastShapes(bias.shape, [m, n]);
  if (outShape[0] !== m || outShape[1] !== n)
    throw new ShapeError(`The expanded size of the tensor (${n}) must match the existing size (${bias.shape[bias.ndim - 1]}) at non-singleton dimension 1.  Target sizes: [${m}, ${n}].  Tensor sizes: ${formatList(bias.shape)}`);
  const c = allocate(promote(a.dtype, b.dtype), m * n);
  const bi = broadcastIndex(bias.shape, [m, n]);
  for (let i = 0; i < c.length; i++) c[i] = bias.data[bi[i]];
  gemm({ m, n, k, a: a.data, b: b.data, c, accumulate: true });
  return record(new Tensor(c, [m, n]), 'AddmmBackward0', [bias, a, b], (g) => [
    bias.requiresGrad ? reduceGrad(g.data, [m, n], bias.shape) : null,
    a.requiresGrad ? matrixGrad(g, b, m, k, n, 'a') : null,
    b.requiresGrad ? matrixGrad(g, a, k, n, m, 'b') : null,
  ]);
}

/**
 * `F.linear(x, W, b) = x Wᵀ + b` as one fused op. Leading dims of x fold into
 * rows, so the product is one gemm with W read transposed in place, and the
 * backward is `dX = dY W`, `dW = dYᵀ X`, `db = Σ dY`. The node carries the
 * name PyTorch 1.13's `at::linear` gives for that input rank and bias.
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const [outF, inF] = dims2(weight, 'weight');
  if (x.ndim === 0) throw new ShapeError('both arguments to linear need to be at least 1D, but they are 0D and 2D');
  const lastDim = x.shape[x.ndim - 1];
  if (lastDim !== inF) {
    const rows = x.ndim === 1 ? 1 : numel(x.shape) / lastDim;
    throw cannotMultiply(x.ndim === 1 ? [1, lastDim] : [rows, lastDim], [inF, outF]);
  }
  if (bias !== null && (bias.ndim !== 1 || bias.shape[0] !== outF) && !(bias.ndim === 0))
    throw new ShapeError(`bias of shape ${formatList(bias.shape)} does not match out_features=${outF}`);
  const m = lastDim === 0 ? 0 : numel(x.shape) / lastDim;
  const outShape = [...x.shape.slice(0, -1), outF];
  const y = allocate(promote(x.dtype, weight.dtype), m * outF);
  if (bias !== null) {
    const bd = bias.data;
    if (bias.ndim === 0) y.fill(bd[0]);
    else for (let r = 0; r < m; r++) y.set(bd, r * outF);
  }
  gemm({ m, n: outF, k: inF, a: x.data, b: weight.data, transB: true, c: y, accumulate: bias !== null });
  const name = bias === null ? (x.ndim === 2 ? 'MmBackward0' : x.ndim === 1 ? 'SqueezeBackward4' : 'UnsafeViewBackward0')
    : x.ndim === 2 ? 'AddmmBackward0' : x.ndim === 3 ? 'ViewBackward0' : 'AddBackward0';
  const inputs = bias === null ? [x, weight] : [x, weight, bias];
  return record(new Tensor(y, outShape), name, inputs, (g) => {
    const gd = g.data;
    let gx: Tensor | null = null;
    let gw: Tensor | null = null;
    let gb: Tensor | null = null;
    if (x.requiresGrad) {
      const d = allocate(g.dtype, m * inF);
      gemm({ m, n: inF, k: outF, a: gd, b: weight.data, c: d });
      gx = new Tensor(d, x.shape);
    }
    if (weight.requiresGrad) {
      const d = allocate(g.dtype, outF * inF);
      gemm({ m: outF, n: inF, k: m, a: gd, transA: true, b: x.data, c: d });
      gw = new Tensor(d, weight.shape);
    }
    if (bias !== null && bias.requiresGrad) gb = reduceGrad(gd, [m, outF], bias.shape);
    return bias === null ? [gx, gw] : [gx, gw, gb];
  });
}

/**
 * `torch.matmul` with PyTorch's rank rules: dot, matrix-vector, matrix-matrix,
 * and batched products whose batch dims broadcast.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0)
    throw new ShapeError(`both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  if (a.ndim === 1 && b.ndim === 1) {
    if (a.shape[0] !== b.shape[0])
      throw new ShapeError(`inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`);
    return batched(a, b, 'DotBackward0');
  }
  return batched(a, b, a.ndim === 2 && b.ndim === 1 ? 'MvBackward0' : a.ndim === 1 && b.ndim === 2 ? 'SqueezeBackward1' : b.ndim === 2 ? 'UnsafeViewBackward0' : a.ndim === 3 && b.ndim === 3 && a.shape[0] === b.shape[0] ? 'BmmBackward0' : 'UnsafeViewBackward0');
}

/** The general case: vectors become 1-row / 1-column matrices, batch dims broadcast, one gemm per batch entry. */
function batched(a: Tensor, b: Tensor, name: string): Tensor {
  const aMat = a.ndim === 1 ? [1, a.shape[0]] : a.shape.slice(-2);
  const bMat = b.ndim === 1 ? [b.shape[0], 1] : b.shape.slice(-2);
  const [m, k] = aMat;
  const [k2, n] = bMat;
  if (k !== k2)
    throw a.ndim === 1 || b.ndim === 1
      ? new ShapeError(`size mismatch, got ${m}, ${m}x${k},${k2}`)
      : cannotMultiply(a.shape.length > 2 ? [numel(a.shape.slice(0, -1)), k] : aMat, bMat);
  const aBatch = a.ndim > 2 ? a.shape.slice(0, -2) : [];
  const bBatch = b.ndim > 2 ? b.shape.slice(0, -2) : [];
  const batch = broadcastShapes(aBatch, bBatch);
  const nb = numel(batch);
  const ai = broadcastIndex(aBatch, batch);
  const bi = broadcastIndex(bBatch, batch);
  const c = allocate(promote(a.dtype, b.dtype), nb * m * n);
  for (let t = 0; t < nb; t++)
    gemm({ m, n, k, a: a.data, aOffset: ai[t] * m * k, b: b.data, bOffset: bi[t] * k * n, c, cOffset: t * m * n });
  const outShape = [...batch, ...(a.ndim === 1 ? [] : [m]), ...(b.ndim === 1 ? [] : [n])];
  return record(new Tensor(c, outShape), name, [a, b], (g) => {
    const gd = g.data;
    let ga: Tensor | null = null;
    let gb: Tensor | null = null;
    if (a.requiresGrad) {
      const d = allocate(g.dtype, a.numel);
      for (let t = 0; t < nb; t++)
        gemm({ m, n: k, k: n, a: gd, aOffset: t * m * n, b: b.data, bOffset: bi[t] * k * n, transB: true, c: d, cOffset: ai[t] * m * k, accumulate: true });
      ga = new Tensor(d, a.shape);
    }
    if (b.requiresGrad) {
      const d = allocate(g.dtype, b.numel);
      for (let t = 0; t < nb; t++)
        gemm({ m: k, n, k: m, a: a.data, aOffset: ai[t] * m * k, transA: true, b: gd, bOffset: t * m * n, c: d, cOffset: bi[t] * k * n, accumulate: true });
      gb = new Tensor(d, b.shape);
    }
    return [ga, gb];
  });
}
