import type { Tensor } from '../tensor.js';
import type { FloatArray } from '../dtype.js';
import { broadcastShapes, formatList, normalizeDim, sameShape, stridesOf, type Shape } from '../shape.js';
import { broadcastIndex } from '../kernels/broadcast.js';
import { EngineArgumentError, ShapeError, TensorIndexError } from '../errors.js';
import { expandedShape } from './shape-ops.js';

/** One entry of a basic index, as in `t[1, 2:5, ...]`. Omitted slice bounds mean Python's None. */
export type IndexSelector =
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start?: number | null; stop?: number | null; step?: number | null }
  | { kind: 'ellipsis' };

/** The elements a basic index selects: the result's shape and, row-major over it, each element's flat offset in the source. */
export interface Region {
  readonly shape: number[];
  readonly offsets: Int32Array;
  /** The grad_fn PyTorch 1.13 gives the indexed tensor: its last view op, or an alias when none ran. */
  readonly gradFn: 'SelectBackward0' | 'SliceBackward0' | 'AliasBackward0';
}

export interface RegionOptions {
  /**
   * Whether the index was a tuple (`t[1:3,]`) rather than one item (`t[1:3]`).
   * Defaults to "more than one selector". PyTorch always slices for a lone
   * slice, but skips a tuple's slice that covers the whole dim exactly (`0:n`).
   */
  tuple?: boolean;
}

const INT_MAX = Number.MAX_SAFE_INTEGER;

function checkInteger(v: number): void {
  if (!Number.isInteger(v))
    throw new EngineArgumentError(
      `only integers, slices (\`:\`), ellipsis (\`...\`), None and long or byte Variables are valid indices (got ${typeof v === 'number' ? 'float' : typeof v})`,
      'INVALID_INDEX',
    );
}

function sliceBound(v: number | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (!Number.isInteger(v)) throw new EngineArgumentError('slice indices must be integers or None or have an __index__ method', 'INVALID_INDEX');
  return v;
}

/** A slice's step as Python validates it, then as PyTorch's indexing does. */
function sliceStep(v: number | null | undefined): number {
  const step = sliceBound(v) ?? 1;
  if (step === 0) throw new EngineArgumentError('slice step cannot be zero', 'INVALID_SLICE_STEP');
  if (step < 0) throw new EngineArgumentError('step must be greater than zero', 'INVALID_SLICE_STEP');
  return step;
}

/** at::slice's clamping of Python bounds to [0, size], giving [start, count]. */
export function clampSlice(start: number | null, stop: number | null, step: number, size: number): [number, number] {
  let s = start ?? 0;
  let e = stop ?? INT_MAX;
  if (s < 0) s += size;
  if (e < 0) e += size;
  if (s < 0) s = 0;
  else if (s > size) s = size;
  if (e < s) e = s;
  else if (e > size) e = size;
  return [s, Math.ceil((e - s) / step)];
}

/**
 * Resolves a basic index against a shape the way PyTorch 1.13's `applySlicing`
 * does, selector by selector: an integer selects (the dim disappears), a slice
 * narrows a dim, an ellipsis skips the dims no other selector names. Errors
 * carry PyTorch's messages, including its habit of naming the selector's
 * position in the index as the dimension.
 */
export function basicIndexRegion(shape: Shape, selectors: readonly IndexSelector[], options: RegionOptions = {}): Region {
  const ndim = shape.length;
  const tuple = options.tuple ?? selectors.length !== 1;
  // Per source dim: first element, step and count along it; `kept` lists the source dims still in the result, in order.
  const start = new Array<number>(ndim).fill(0);
  const step = new Array<number>(ndim).fill(1);
  const count = shape.slice();
  const kept: number[] = shape.map((_, i) => i);
  let fixed = 0;
  const strides = stridesOf(shape);
  let last: Region['gradFn'] | null = null;

  if (!tuple) {
    const sel = selectors[0];
    if (sel.kind === 'index' && ndim === 0)
      throw new TensorIndexError(
        'invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number',
        'INVALID_INDEX',
      );
    if (sel.kind === 'slice' && ndim === 0) throw new TensorIndexError('slice() cannot be applied to a 0-dim tensor.', 'INVALID_INDEX');
  }
  let specified = 0;
  for (const sel of selectors) if (sel.kind !== 'ellipsis') specified++;
  if (specified > ndim) throw new TensorIndexError(`too many indices for tensor of dimension ${ndim}`, 'TOO_MANY_INDICES');

  let dim = 0;
  for (let i = 0; i < selectors.length; i++) {
    const sel = selectors[i];
    if (sel.kind === 'ellipsis') {
      dim += ndim - specified;
      continue;
    }
    const src = kept[normalizeDim(dim, kept.length)];
    const size = count[src];
    if (sel.kind === 'index') {
      checkInteger(sel.index);
      if (sel.index < -size || sel.index >= size)
        throw new TensorIndexError(`index ${sel.index} is out of bounds for dimension ${i} with size ${size}`, 'INDEX_OUT_OF_RANGE');
      const k = sel.index < 0 ? sel.index + size : sel.index;
      fixed += (start[src] + k * step[src]) * strides[src];
      kept.splice(dim, 1);
      last = 'SelectBackward0';
      continue;
    }
    const st = sliceStep(sel.step);
    const lo = sliceBound(sel.start);
    const hi = sliceBound(sel.stop);
    dim++;
    // PyTorch returns the tensor itself for a tuple's slice that is exactly 0:size:1; a lone slice always slices.
    if (tuple && (lo ?? 0) === 0 && hi === size && st === 1) continue;
    const [s, c] = clampSlice(lo, hi, st, size);
    start[src] += s * step[src];
    step[src] *= st;
    count[src] = c;
    last = 'SliceBackward0';
  }
  return { shape: kept.map((d) => count[d]), offsets: offsetsOf(kept, start, step, count, strides, fixed), gradFn: last ?? 'AliasBackward0' };
}

/** Flat offsets of the region, row-major, by an odometer over the kept dims. */
function offsetsOf(kept: number[], start: number[], step: number[], count: number[], strides: number[], fixed: number): Int32Array {
  const nd = kept.length;
  let n = 1;
  let base = fixed;
  const jump = new Array<number>(nd);
  const size = new Array<number>(nd);
  for (let i = 0; i < nd; i++) {
    const d = kept[i];
    n *= count[d];
    base += start[d] * strides[d];
    jump[i] = step[d] * strides[d];
    size[i] = count[d];
  }
  const out = new Int32Array(n);
  const counter = new Array<number>(nd).fill(0);
  let at = base;
  for (let k = 0; k < n; k++) {
    out[k] = at;
    for (let i = nd - 1; i >= 0; i--) {
      counter[i]++;
      at += jump[i];
      if (counter[i] < size[i]) break;
      at -= jump[i] * counter[i];
      counter[i] = 0;
    }
  }
  return out;
}

export type RegionOp = 'set' | 'add' | 'sub' | 'mul' | 'div';

/**
 * Writes into a region in place: `t[idx] = v`, `t[idx] += v`, ... . The value
 * broadcasts to the region's shape under PyTorch's rules (setitem drops the
 * value's leading size-1 dims; the arithmetic forms are in-place ops, whose
 * result may not outgrow the region) and is cast to the target's dtype first.
 * Raw storage in, no autograd: callers decide whether the write is allowed.
 */
export function regionApply(data: FloatArray, region: Pick<Region, 'shape' | 'offsets'>, value: Tensor | number, op: RegionOp): void {
  const { shape, offsets } = region;
  const n = offsets.length;
  let scalar: number | null = null;
  let values: ArrayLike<number> = [];
  if (typeof value === 'number') scalar = data instanceof Float32Array ? Math.fround(value) : value;
  else {
    const from = op === 'set' ? dropLeadingOnes(value.shape) : value.shape;
    if (op === 'set') expandedShape(from, shape, value.dtype);
    else {
      const b = broadcastShapes(shape, from);
      if (!sameShape(b, shape))
        throw new ShapeError(`output with shape ${formatList(shape)} doesn't match the broadcast shape ${formatList(b)}`);
    }
    // Cast (and copy, should the value share the target's storage) before any element is written.
    const cast = data instanceof Float32Array ? new Float32Array(value.numel) : new Float64Array(value.numel);
    cast.set(value.data);
    if (value.numel === 1) scalar = cast[0];
    else if (sameShape(from, shape)) values = cast;
    else {
      const idx = broadcastIndex(from, shape);
      const spread = new Float64Array(n);
      for (let i = 0; i < n; i++) spread[i] = cast[idx[i]];
      values = spread;
    }
  }
  if (scalar !== null) {
    const c = scalar;
    if (op === 'set') for (let i = 0; i < n; i++) data[offsets[i]] = c;
    else if (op === 'add') for (let i = 0; i < n; i++) data[offsets[i]] += c;
    else if (op === 'sub') for (let i = 0; i < n; i++) data[offsets[i]] -= c;
    else if (op === 'mul') for (let i = 0; i < n; i++) data[offsets[i]] *= c;
    else for (let i = 0; i < n; i++) data[offsets[i]] /= c;
    return;
  }
  const v = values;
  if (op === 'set') for (let i = 0; i < n; i++) data[offsets[i]] = v[i];
  else if (op === 'add') for (let i = 0; i < n; i++) data[offsets[i]] += v[i];
  else if (op === 'sub') for (let i = 0; i < n; i++) data[offsets[i]] -= v[i];
  else if (op === 'mul') for (let i = 0; i < n; i++) data[offsets[i]] *= v[i];
  else for (let i = 0; i < n; i++) data[offsets[i]] /= v[i];
}

function dropLeadingOnes(shape: Shape): Shape {
  let i = 0;
  while (i < shape.length && shape[i] === 1) i++;
  return i === 0 ? shape : shape.slice(i);
}
