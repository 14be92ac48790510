import { InvalidArgumentError } from '../../../core/index.js';
import type { Tensor, Tensor__Output } from '../generated/paramserve/v1/Tensor.js';
import type { TensorEncoding__Output } from '../generated/paramserve/v1/TensorEncoding.js';

/**
 * Tensors between protobuf and the core's JSON forms. In: `{shape, data}`
 * (packed floats, flat) or `{shape, base64}` (raw bytes), which the core
 * checks exactly as REST's (limits from the shape before any allocation).
 * Out: the core's nested arrays (non-finite values as "NaN"/"Infinity"
 * strings) flattened back to float32, as packed floats or raw bytes.
 */

export type Encoding = 'floats' | 'raw';

/** The reply encoding a request asks for; an enum value this server does not know is refused. */
export function encodingOf(value: TensorEncoding__Output | number): Encoding {
  switch (value) {
    case 'TENSOR_ENCODING_UNSPECIFIED':
    case 'TENSOR_ENCODING_FLOATS':
      return 'floats';
    case 'TENSOR_ENCODING_RAW':
      return 'raw';
    default:
      throw new InvalidArgumentError('encoding', `encoding must be TENSOR_ENCODING_FLOATS or TENSOR_ENCODING_RAW, got ${String(value)}`);
  }
}

/** A request tensor as the core's JSON, or undefined when the field is not set (the core then says it is required). */
export function tensorIn(t: Tensor__Output | null | undefined, field: string): unknown {
  if (t === null || t === undefined) return undefined;
  if (t.raw.length > 0) {
    if (t.data.length > 0) throw new InvalidArgumentError(field, `${field}: set data (packed floats) or raw (bytes), not both`);
    return { shape: t.shape, base64: t.raw.toString('base64') };
  }
  return { shape: t.shape, data: t.data };
}

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** The core's JSON value (nested arrays, or a number for a scalar) as float32, row-major. */
function flatten(json: unknown): Float32Array {
  const flat = Array.isArray(json) ? json.flat(Infinity) : [json];
  const out = new Float32Array(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    out[i] = typeof v === 'number' ? v : NON_FINITE[v as string];
  }
  return out;
}

export function tensorOut(json: unknown, shape: readonly number[], encoding: Encoding): Tensor {
  const values = flatten(json);
  if (encoding === 'raw') return { shape: shape.slice(), raw: Buffer.from(values.buffer, values.byteOffset, values.byteLength), dtype: 'float32' };
  return { shape: shape.slice(), data: Array.from(values), dtype: 'float32' };
}
