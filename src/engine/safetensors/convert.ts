import { EngineArgumentError } from '../errors.js';
import { dtypeBits, isSafetensorsDType, type SafetensorsDType, type SafetensorsEntry } from './dtypes.js';
import { LITTLE_ENDIAN } from './endian.js';
import { SafetensorsError } from './errors.js';
import {
  FLOAT16,
  FLOAT8_E4M3FN,
  FLOAT8_E4M3FNUZ,
  FLOAT8_E5M2,
  FLOAT8_E5M2FNUZ,
  byteTable,
  decodeE8M0,
  decodeMinifloat,
} from './minifloat.js';

/**
 * The entry's values as float32, rounded as PyTorch's `.to(torch.float32)`
 * rounds (once, to nearest even, also for 64-bit integers). BOOL gives 0/1.
 * Always a fresh, aligned array.
 */
export function toFloat32(entry: SafetensorsEntry): Float32Array {
  const out = new Float32Array(elementCount(entry));
  if (entry.dtype === 'F32' && LITTLE_ENDIAN) new Uint8Array(out.buffer).set(entry.bytes);
  else fill(entry, out, 24);
  return out;
}

/** The entry's values as float64 (`.to(torch.float64)`), for the engine's float64 storage. */
export function toFloat64(entry: SafetensorsEntry): Float64Array {
  const out = new Float64Array(elementCount(entry));
  if (entry.dtype === 'F64' && LITTLE_ENDIAN) new Uint8Array(out.buffer).set(entry.bytes);
  else fill(entry, out, 53);
  return out;
}

/** Checks a (possibly hand-built) entry before sizing anything from its shape. */
function elementCount(entry: SafetensorsEntry): number {
  const { dtype, shape, bytes } = entry;
  if (!isSafetensorsDType(dtype)) throw new EngineArgumentError(`unknown safetensors dtype ${String(dtype)}`);
  let count = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw invalidEntry(entry);
    count *= d;
  }
  if (!Number.isSafeInteger(count * dtypeBits(dtype)) || count * dtypeBits(dtype) !== 8 * bytes.length) {
    throw invalidEntry(entry);
  }
  return count;
}

function invalidEntry({ dtype, shape, bytes }: SafetensorsEntry): SafetensorsError {
  return new SafetensorsError(
    'TensorInvalidInfo',
    `invalid shape, data type, or offset for tensor (${dtype} [${shape.join(', ')}] with ${bytes.length} bytes)`,
  );
}

function fill(entry: SafetensorsEntry, out: Float32Array | Float64Array, significandBits: number): void {
  const { bytes } = entry;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = out.length;
  switch (entry.dtype) {
    case 'BOOL':
      for (let i = 0; i < n; i++) out[i] = bytes[i] === 0 ? 0 : 1;
      return;
    case 'U8':
      for (let i = 0; i < n; i++) out[i] = bytes[i];
      return;
    case 'I8':
      for (let i = 0; i < n; i++) out[i] = view.getInt8(i);
      return;
    case 'I16':
      for (let i = 0; i < n; i++) out[i] = view.getInt16(2 * i, true);
      return;
    case 'U16':
      for (let i = 0; i < n; i++) out[i] = view.getUint16(2 * i, true);
      return;
    case 'I32':
      for (let i = 0; i < n; i++) out[i] = view.getInt32(4 * i, true);
      return;
    case 'U32':
      for (let i = 0; i < n; i++) out[i] = view.getUint32(4 * i, true);
      return;
    case 'F16': {
      const table = float16Table();
      for (let i = 0; i < n; i++) out[i] = table[view.getUint16(2 * i, true)];
      return;
    }
    case 'BF16':
      for (let i = 0; i < n; i++) out[i] = bfloat16(view.getUint16(2 * i, true));
      return;
    case 'F32':
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(4 * i, true);
      return;
    case 'F64':
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(8 * i, true);
      return;
    case 'I64':
      for (let i = 0; i < n; i++) out[i] = roundBigInt(view.getBigInt64(8 * i, true), significandBits);
      return;
    case 'U64':
      for (let i = 0; i < n; i++) out[i] = roundBigInt(view.getBigUint64(8 * i, true), significandBits);
      return;
    case 'F8_E5M2':
    case 'F8_E4M3':
    case 'F8_E8M0':
    case 'F8_E4M3FNUZ':
    case 'F8_E5M2FNUZ': {
      const table = float8Table(entry.dtype);
      for (let i = 0; i < n; i++) out[i] = table[bytes[i]];
      return;
    }
    default:
      // F4/F6 packing order within a byte is not pinned down by the spec, and C64 is complex.
      throw new EngineArgumentError(`safetensors ${entry.dtype} cannot be converted to real floats`, 'UNSUPPORTED_DTYPE');
  }
}

const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

/** bfloat16 is the top half of a float32. */
function bfloat16(bits: number): number {
  scratchBits[0] = bits << 16;
  return scratch[0];
}

const EXACT_LIMIT = 2n ** 53n;

/**
 * A 64-bit integer rounded once to `significandBits` bits, nearest-even. Going
 * through a double first would round twice: 2^60 + 2^36 + 1 would become 2^60
 * in float32 instead of PyTorch's 2^60 + 2^37.
 */
function roundBigInt(v: bigint, significandBits: number): number {
  const magnitude = v < 0n ? -v : v;
  // Number(bigint) rounds to nearest even, so it is exact below 2^53 and correct for float64.
  if (magnitude <= EXACT_LIMIT || significandBits >= 53) return Number(v);
  const shift = BigInt(magnitude.toString(2).length - significandBits);
  let significand = magnitude >> shift;
  const rest = magnitude & ((1n << shift) - 1n);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (significand & 1n) === 1n)) significand += 1n;
  const rounded = Number(significand) * 2 ** Number(shift);
  return v < 0n ? -rounded : rounded;
}

let f16: Float32Array | undefined;

/** Every float16 is exactly a float32, so the table is 256 KiB of float32s. */
function float16Table(): Float32Array {
  if (f16 === undefined) {
    f16 = new Float32Array(65536);
    for (let b = 0; b < 65536; b++) f16[b] = decodeMinifloat(b, FLOAT16);
  }
  return f16;
}

const f8 = new Map<SafetensorsDType, Float64Array>();

function float8Table(dtype: SafetensorsDType): Float64Array {
  let table = f8.get(dtype);
  if (table === undefined) {
    switch (dtype) {
      case 'F8_E5M2': table = byteTable((b) => decodeMinifloat(b, FLOAT8_E5M2)); break;
      case 'F8_E4M3': table = byteTable((b) => decodeMinifloat(b, FLOAT8_E4M3FN)); break;
      case 'F8_E4M3FNUZ': table = byteTable((b) => decodeMinifloat(b, FLOAT8_E4M3FNUZ)); break;
      case 'F8_E5M2FNUZ': table = byteTable((b) => decodeMinifloat(b, FLOAT8_E5M2FNUZ)); break;
      default: table = byteTable(decodeE8M0);
    }
    f8.set(dtype, table);
  }
  return table;
}
