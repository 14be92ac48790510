import { broadcastShapes, numel, sameShape, stridesOf, type Shape } from '../shape.js';
import { allocateLike, type FloatArray } from '../dtype.js';

/**
 * How an operand is read at output element i: `full` (element i), `scalar`
 * (element 0), `tile` (element i mod period: a trailing-dims operand such as a
 * bias row) or `indexed` (a precomputed index per output element).
 */
export type ReadMode = 'full' | 'scalar' | 'tile' | 'indexed';

/**
 * How two operands map onto their broadcast result. One class with every field,
 * so the op loops see a single hidden class; building one for same-shape
 * operands costs a shape compare and nothing else.
 */
export class BroadcastPlan {
  constructor(
    readonly shape: Shape,
    readonly n: number,
    readonly modeA: ReadMode,
    readonly modeB: ReadMode,
    /** Tile length of the operand read in `tile` mode. */
    readonly period: number,
    readonly ai: Int32Array | null,
    readonly bi: Int32Array | null,
  ) {}

  get same(): boolean {
    return this.modeA === 'full' && this.modeB === 'full';
  }
}

export function planBinary(aShape: Shape, bShape: Shape): BroadcastPlan {
  if (sameShape(aShape, bShape)) return new BroadcastPlan(aShape, numel(aShape), 'full', 'full', 0, null, null);
  const shape = broadcastShapes(aShape, bShape);
  const n = numel(shape);
  const aFull = sameShape(shape, aShape);
  const bFull = sameShape(shape, bShape);
  if (aFull) {
    const nb = numel(bShape);
    if (nb === 1) return new BroadcastPlan(shape, n, 'full', 'scalar', 0, null, null);
    if (isTrailingTile(bShape, shape)) return new BroadcastPlan(shape, n, 'full', 'tile', nb, null, null);
    return new BroadcastPlan(shape, n, 'full', 'indexed', 0, null, broadcastIndex(bShape, shape));
  }
  if (bFull) {
    const na = numel(aShape);
    if (na === 1) return new BroadcastPlan(shape, n, 'scalar', 'full', 0, null, null);
    if (isTrailingTile(aShape, shape)) return new BroadcastPlan(shape, n, 'tile', 'full', na, null, null);
    return new BroadcastPlan(shape, n, 'indexed', 'full', 0, broadcastIndex(aShape, shape), null);
  }
  return new BroadcastPlan(shape, n, 'indexed', 'indexed', 0, broadcastIndex(aShape, shape), broadcastIndex(bShape, shape));
}

/** `small`, left-padded with ones, is ones followed by exactly the trailing dims of `full`. */
export function isTrailingTile(small: Shape, full: Shape): boolean {
  const off = full.length - small.length;
  if (off < 0) return false;
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

type Writable = { [i: number]: number; length: number };

/**
 * Operand `which` (0 = a, 1 = b) spread to the plan's full shape, in its own
 * dtype. Returns the operand itself when it is already full, so only
 * broadcasting allocates.
 */
export function expandOperand(plan: BroadcastPlan, x: FloatArray, which: 0 | 1): FloatArray {
  const mode = which === 0 ? plan.modeA : plan.modeB;
  if (mode === 'full') return x;
  const n = plan.n;
  const out = allocateLike(x, n);
  if (mode === 'scalar') out.fill(x[0]);
  else if (mode === 'tile') {
    const p = plan.period;
    for (let r = 0; r < n; r += p) for (let j = 0; j < p; j++) out[r + j] = x[j];
  } else {
    const idx = (which === 0 ? plan.ai : plan.bi)!;
    for (let i = 0; i < n; i++) out[i] = x[idx[i]];
  }
  return out;
}

/** out[i] = f(a[i], b[i]) over a plan; the generic loop for ops off the hot path (comparisons). */
export function mapBinary(
  plan: BroadcastPlan,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  out: Writable,
  f: (a: number, b: number) => number,
): void {
  const n = plan.n;
  const ai = plan.modeA === 'indexed' ? plan.ai : null;
  const bi = plan.modeB === 'indexed' ? plan.bi : null;
  const pa = plan.modeA === 'tile' ? plan.period : 0;
  const pb = plan.modeB === 'tile' ? plan.period : 0;
  const sa = plan.modeA === 'scalar';
  const sb = plan.modeB === 'scalar';
  for (let i = 0; i < n; i++) {
    const a = sa ? x[0] : ai !== null ? x[ai[i]] : pa > 0 ? x[i % pa] : x[i];
    const b = sb ? y[0] : bi !== null ? y[bi[i]] : pb > 0 ? y[i % pb] : y[i];
    out[i] = f(a, b);
  }
}

/** Tiles larger than this are summed through a row buffer instead of column by column. */
const COLUMN_SUM_LIMIT = 4096;

/**
 * Sums `data` (of shape `from`) down to `to`, the inverse of broadcasting:
 * the gradient of a broadcast operand. Sums run in double and are stored once.
 */
export function sumToShape(data: ArrayLike<number>, from: Shape, to: Shape, out: Writable): void {
  const n = numel(from);
  if (sameShape(from, to)) {
    for (let i = 0; i < n; i++) out[i] = data[i];
    return;
  }
  const m = numel(to);
  if (m === 0) return;
  if (m === 1) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i];
    out[0] = s;
    return;
  }
  if (isTrailingTile(to, from)) {
    if (n <= COLUMN_SUM_LIMIT) {
      // Column sums straight into the output: no scratch buffer for a bias-sized gradient.
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let i = j; i < n; i += m) s += data[i];
        out[j] = s;
      }
      return;
    }
    const acc = new Float64Array(m);
    for (let r = 0; r < n; r += m) for (let j = 0; j < m; j++) acc[j] += data[r + j];
    for (let j = 0; j < m; j++) out[j] = acc[j];
    return;
  }
  const idx = broadcastIndex(to, from);
  const acc = new Float64Array(m);
  for (let i = 0; i < n; i++) acc[idx[i]] += data[i];
  for (let j = 0; j < m; j++) out[j] = acc[j];
}
