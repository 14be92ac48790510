import { broadcastShapes, numel, sameShape, stridesOf, type Shape } from '../shape.js';

/**
 * How two operands map onto the broadcast result. The op-specific loops stay
 * tiny and monomorphic: `same` and `scalar` need no index arithmetic, `tile`
 * covers a trailing-dims operand such as a bias row, and `general` precomputes
 * one index per output element.
 */
export type BroadcastPlan =
  | { kind: 'same'; shape: number[]; n: number }
  | { kind: 'scalarA' | 'scalarB'; shape: number[]; n: number }
  | { kind: 'tileA' | 'tileB'; shape: number[]; n: number; period: number }
  | { kind: 'general'; shape: number[]; n: number; ai: Int32Array; bi: Int32Array };

export function planBinary(aShape: Shape, bShape: Shape): BroadcastPlan {
  if (sameShape(aShape, bShape)) return { kind: 'same', shape: aShape.slice(), n: numel(aShape) };
  const shape = broadcastShapes(aShape, bShape);
  const n = numel(shape);
  const na = numel(aShape);
  const nb = numel(bShape);
  if (nb === 1 && sameShape(shape, aShape)) return { kind: 'scalarB', shape, n };
  if (na === 1 && sameShape(shape, bShape)) return { kind: 'scalarA', shape, n };
  if (sameShape(shape, aShape) && isTrailingTile(bShape, shape)) return { kind: 'tileB', shape, n, period: nb };
  if (sameShape(shape, bShape) && isTrailingTile(aShape, shape)) return { kind: 'tileA', shape, n, period: na };
  return { kind: 'general', shape, n, ai: broadcastIndex(aShape, shape), bi: broadcastIndex(bShape, shape) };
}

/** `small`, left-padded with ones, is ones followed by exactly the trailing dims of `full`. */
function isTrailingTile(small: Shape, full: Shape): boolean {
  const off = full.length - small.length;
  let i = 0;
  while (i < small.length && small[i] === 1 && full[i + off] !== 1) i++;
  for (; i < small.length; i++) if (small[i] !== full[i + off]) return false;
  return true;
}

/** For each element of `to` (row-major), the index of the element of `from` it reads. */
export function broadcastIndex(from: Shape, to: Shape): Int32Array {
  const n = numel(to);
  const out = new Int32Array(n);
  const nd = to.length;
  const off = nd - from.length;
  const fromStrides = stridesOf(from);
  const stride = new Array<number>(nd).fill(0);
  for (let d = 0; d < from.length; d++) stride[d + off] = from[d] === 1 ? 0 : fromStrides[d];
  const counter = new Array<number>(nd).fill(0);
  let idx = 0;
  for (let i = 0; i < n; i++) {
    out[i] = idx;
    for (let d = nd - 1; d >= 0; d--) {
      counter[d]++;
      idx += stride[d];
      if (counter[d] < to[d]) break;
      idx -= stride[d] * counter[d];
      counter[d] = 0;
    }
  }
  return out;
}

/** out[i] = f(x[ia(i)], y[ib(i)]) over a plan; the generic fallback for ops without a hand loop. */
export function mapBinary(
  plan: BroadcastPlan,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  out: { [i: number]: number; length: number },
  f: (a: number, b: number) => number,
): void {
  const n = plan.n;
  switch (plan.kind) {
    case 'same':
      for (let i = 0; i < n; i++) out[i] = f(x[i], y[i]);
      return;
    case 'scalarB': {
      const b = y[0];
      for (let i = 0; i < n; i++) out[i] = f(x[i], b);
      return;
    }
    case 'scalarA': {
      const a = x[0];
      for (let i = 0; i < n; i++) out[i] = f(a, y[i]);
      return;
    }
    case 'tileB': {
      const p = plan.period;
      for (let i = 0, j = 0; i < n; i++, j = j + 1 === p ? 0 : j + 1) out[i] = f(x[i], y[j]);
      return;
    }
    case 'tileA': {
      const p = plan.period;
      for (let i = 0, j = 0; i < n; i++, j = j + 1 === p ? 0 : j + 1) out[i] = f(x[j], y[i]);
      return;
    }
    case 'general': {
      const { ai, bi } = plan;
      for (let i = 0; i < n; i++) out[i] = f(x[ai[i]], y[bi[i]]);
      return;
    }
  }
}

/**
 * Sums `data` (of shape `from`) down to `to`, the inverse of broadcasting:
 * the gradient of a broadcast operand.
 */
export function sumToShape(data: ArrayLike<number>, from: Shape, to: Shape, out: { [i: number]: number; length: number }): void {
  const n = numel(from);
  if (sameShape(from, to)) {
    for (let i = 0; i < n; i++) out[i] = data[i];
    return;
  }
  for (let i = 0; i < out.length; i++) out[i] = 0;
  const m = numel(to);
  if (m === 1) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i];
    out[0] = s;
    return;
  }
  if (isTrailingTile(to, from)) {
    // Accumulate in double per slot, then store once, to stay close to PyTorch's pairwise sums.
    const acc = new Float64Array(m);
    for (let i = 0, j = 0; i < n; i++, j = j + 1 === m ? 0 : j + 1) acc[j] += data[i];
    for (let j = 0; j < m; j++) out[j] = acc[j];
    return;
  }
  const idx = broadcastIndex(to, from);
  const acc = new Float64Array(m);
  for (let i = 0; i < n; i++) acc[idx[i]] += data[i];
  for (let j = 0; j < m; j++) out[j] = acc[j];
}
