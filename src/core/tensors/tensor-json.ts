import { Tensor, type NestedNumbers } from '../../engine/index.js';
import { InvalidArgumentError, InvalidRequestError, LimitExceededError } from '../errors.js';

/**
 * Tensors on the wire as JSON: nested arrays like `tensor.tolist()`, a scalar
 * as a number; non-finite values as the strings "NaN", "Infinity",
 * "-Infinity" (protobuf's JSON convention). Large tensors may come as
 * `{shape, base64}` with raw little-endian float32 bytes.
 */

export interface TensorLimits {
  maxElements: number;
  maxDims: number;
}

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function leaf(v: unknown, field: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v in NON_FINITE) return NON_FINITE[v];
  throw new InvalidArgumentError(field, `${field} must hold numbers (non-finite as "NaN", "Infinity", "-Infinity"), got ${describe(v)}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Parses a JSON tensor, checking dims and element count from the shape alone
 * before anything is allocated, then every element while filling.
 */
export function tensorFromJson(value: unknown, field: string, limits: TensorLimits): Tensor {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return fromObject(value as Record<string, unknown>, field, limits);
  const shape: number[] = [];
  let probe: unknown = value;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (shape.length > limits.maxDims)
      throw new LimitExceededError('maxTensorDims', limits.maxDims, `${field} has more than ${limits.maxDims} dimensions`, { field });
    if (probe.length === 0) break;
    probe = probe[0];
  }
  let total = 1;
  for (const d of shape) total *= d;
  if (total > limits.maxElements)
    throw new LimitExceededError('maxTensorElements', limits.maxElements, `${field} has ${total} elements, more than the limit of ${limits.maxElements}`, { field });
  const data = new Float32Array(total);
  if (shape.length === 0) {
    data[0] = leaf(value, field);
    return new Tensor(data, shape);
  }
  let k = 0;
  // Iterative walk (arrays may be deeply nested within maxDims, but never recursive in JS).
  const stack: { arr: unknown[]; dim: number; i: number }[] = [{ arr: value as unknown[], dim: 0, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i === 0 && top.arr.length !== shape[top.dim])
      throw new InvalidRequestError(field, `${field} is a ragged nested array: expected length ${shape[top.dim]} at depth ${top.dim}, got ${top.arr.length}`, 'SHAPE_MISMATCH');
    if (top.i === top.arr.length) {
      stack.pop();
      continue;
    }
    const item = top.arr[top.i++];
    if (top.dim === shape.length - 1) {
      if (Array.isArray(item))
        throw new InvalidRequestError(field, `${field} is a ragged nested array: unexpected array at depth ${top.dim + 1}`, 'SHAPE_MISMATCH');
      data[k++] = leaf(item, field);
    } else {
      if (!Array.isArray(item))
        throw new InvalidRequestError(field, `${field} is a ragged nested array: expected an array at depth ${top.dim + 1}, got ${describe(item)}`, 'SHAPE_MISMATCH');
      stack.push({ arr: item, dim: top.dim + 1, i: 0 });
    }
  }
  return new Tensor(data, shape);
}

/** `{shape, data}` (data flat or nested) or `{shape, base64}`. */
function fromObject(obj: Record<string, unknown>, field: string, limits: TensorLimits): Tensor {
  const shape = obj.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0))
    throw new InvalidArgumentError(`${field}.shape`, `${field}.shape must be an array of non-negative integers`);
  if (shape.length > limits.maxDims)
    throw new LimitExceededError('maxTensorDims', limits.maxDims, `${field} has more than ${limits.maxDims} dimensions`, { field });
  let total = 1;
  for (const d of shape as number[]) total *= d;
  if (total > limits.maxElements)
    throw new LimitExceededError('maxTensorElements', limits.maxElements, `${field} has ${total} elements, more than the limit of ${limits.maxElements}`, { field });
  if (typeof obj.base64 === 'string') {
    const bytes = Buffer.from(obj.base64, 'base64');
    if (bytes.byteLength !== total * 4)
      throw new InvalidRequestError(`${field}.base64`, `${field}.base64 holds ${bytes.byteLength} bytes; shape [${shape.join(', ')}] needs ${total * 4} (float32, little-endian)`, 'SHAPE_MISMATCH');
    const data = new Float32Array(total);
    new Uint8Array(data.buffer).set(bytes);
    return new Tensor(data, shape as number[]);
  }
  if (!('data' in obj)) throw new InvalidArgumentError(field, `${field} must be a nested array, a number, or {shape, data} / {shape, base64}`);
  const inner = tensorFromJson(obj.data, `${field}.data`, limits);
  if (inner.numel !== total)
    throw new InvalidRequestError(`${field}.data`, `${field}.data has ${inner.numel} elements; shape [${shape.join(', ')}] needs ${total}`, 'SHAPE_MISMATCH');
  return new Tensor(inner.data, shape as number[]);
}

/** A tensor as nested arrays, non-finite values as strings. */
export function tensorToJson(t: Tensor): NestedNumbers | string | (string | NestedNumbers)[] {
  const data = t.data;
  let finite = true;
  for (let i = 0; i < data.length; i++)
    if (!Number.isFinite(data[i])) {
      finite = false;
      break;
    }
  if (finite) return t.tolist();
  const fix = (v: NestedNumbers): unknown =>
    Array.isArray(v) ? v.map(fix) : Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  return fix(t.tolist()) as (string | NestedNumbers)[];
}
