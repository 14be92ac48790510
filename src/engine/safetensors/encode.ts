import { EngineArgumentError } from '../errors.js';
import { dtypeBits, dtypeRank, isSafetensorsDType, type SafetensorsDType } from './dtypes.js';
import { LITTLE_ENDIAN } from './endian.js';
import { compareNames, isWellFormed } from './names.js';

/**
 * What the writer takes: engine storage (Float32Array → F32, Float64Array → F64;
 * a `Tensor` fits) or an already-encoded entry of any dtype.
 */
export type EncodableTensor =
  | { readonly shape: readonly number[]; readonly data: Float32Array | Float64Array }
  | { readonly dtype: SafetensorsDType; readonly shape: readonly number[]; readonly bytes: Uint8Array };

interface Prepared {
  name: string;
  dtype: SafetensorsDType;
  shape: readonly number[];
  bytes: Uint8Array;
}

/**
 * Serialises tensors exactly as the crate's `serialize` does: dtype descending
 * then name ascending, packed without gaps; compact JSON with `__metadata__`
 * first and fields `dtype, shape, data_offsets`; the header padded with spaces
 * to a multiple of 8 so that the data starts 8-aligned.
 */
export function encodeSafetensors(
  tensors: Iterable<readonly [string, EncodableTensor]>,
  metadata?: Record<string, string>,
): Uint8Array {
  const prepared = collect(tensors);
  prepared.sort((a, b) => dtypeRank(b.dtype) - dtypeRank(a.dtype) || compareNames(a.name, b.name));

  const parts: string[] = [];
  if (metadata !== undefined) parts.push(`"__metadata__":${metadataJson(metadata)}`);
  let offset = 0;
  for (const t of prepared) {
    const end = offset + t.bytes.length;
    parts.push(`${JSON.stringify(t.name)}:{"dtype":"${t.dtype}","shape":[${t.shape.join(',')}],"data_offsets":[${offset},${end}]}`);
    offset = end;
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  const n = Math.ceil(json.length / 8) * 8;

  const out = new Uint8Array(8 + n + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, n % 2 ** 32, true);
  view.setUint32(4, Math.floor(n / 2 ** 32), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + n);
  let at = 8 + n;
  for (const t of prepared) {
    out.set(t.bytes, at);
    at += t.bytes.length;
  }
  return out;
}

function collect(tensors: Iterable<readonly [string, EncodableTensor]>): Prepared[] {
  const seen = new Set<string>();
  const out: Prepared[] = [];
  for (const [name, tensor] of tensors) {
    if (typeof name !== 'string' || !isWellFormed(name)) {
      throw new EngineArgumentError(`safetensors tensor name ${JSON.stringify(name)} is not a valid UTF-8 string`);
    }
    // The reader would take a tensor so named for the metadata map.
    if (name === '__metadata__') throw new EngineArgumentError('"__metadata__" is reserved and cannot name a tensor');
    if (seen.has(name)) throw new EngineArgumentError(`duplicate safetensors tensor name "${name}"`);
    seen.add(name);
    out.push(prepare(name, tensor));
  }
  return out;
}

function prepare(name: string, tensor: EncodableTensor): Prepared {
  const shape = [...tensor.shape];
  let count = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new EngineArgumentError(`tensor "${name}": shape [${shape.join(', ')}] has an entry that is not a non-negative integer`);
    }
    count *= d;
  }
  if ('data' in tensor) {
    const { data } = tensor;
    if (!(data instanceof Float32Array || data instanceof Float64Array)) {
      throw new EngineArgumentError(`tensor "${name}": data must be a Float32Array or Float64Array`);
    }
    const dtype: SafetensorsDType = data instanceof Float64Array ? 'F64' : 'F32';
    if (data.length !== count) {
      throw new EngineArgumentError(`tensor "${name}": shape [${shape.join(', ')}] is invalid for input of size ${data.length}`);
    }
    return { name, dtype, shape, bytes: littleEndianBytes(data) };
  }
  if (!isSafetensorsDType(tensor.dtype)) throw new EngineArgumentError(`tensor "${name}": unknown safetensors dtype ${String(tensor.dtype)}`);
  const bits = count * dtypeBits(tensor.dtype);
  if (bits % 8 !== 0 || tensor.bytes.length !== bits / 8) {
    throw new EngineArgumentError(
      `tensor "${name}": ${tensor.dtype} [${shape.join(', ')}] needs ${bits / 8} bytes, got ${tensor.bytes.length}`,
    );
  }
  return { name, dtype: tensor.dtype, shape, bytes: tensor.bytes };
}

/** The crate writes a HashMap in arbitrary order; sorting keys keeps our output reproducible. */
function metadataJson(metadata: Record<string, string>): string {
  const keys = Object.keys(metadata).sort(compareNames);
  const fields = keys.map((key) => {
    const value = metadata[key];
    if (typeof value !== 'string' || !isWellFormed(key) || !isWellFormed(value)) {
      throw new EngineArgumentError(`safetensors metadata "${key}" must map to a valid UTF-8 string`);
    }
    return `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  });
  return `{${fields.join(',')}}`;
}

/** A view of the storage when the host is little-endian, else a byte-swapped copy. */
function littleEndianBytes(data: Float32Array | Float64Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(data.byteLength);
  const view = new DataView(out.buffer);
  if (data instanceof Float64Array) data.forEach((v, i) => view.setFloat64(8 * i, v, true));
  else data.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return out;
}
