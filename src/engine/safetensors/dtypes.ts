/**
 * The safetensors dtype tags in the Rust `Dtype` enum's order (ascending). The
 * order is part of the format: the writer lays tensors out by dtype descending.
 */
export const SAFETENSORS_DTYPES = [
  'BOOL', 'F4', 'F6_E2M3', 'F6_E3M2', 'U8', 'I8',
  'F8_E5M2', 'F8_E4M3', 'F8_E8M0', 'F8_E4M3FNUZ', 'F8_E5M2FNUZ',
  'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32', 'C64', 'F64', 'I64', 'U64',
] as const;

export type SafetensorsDType = (typeof SAFETENSORS_DTYPES)[number];

/** One tensor as stored: raw little-endian, row-major bytes. */
export interface SafetensorsEntry {
  dtype: SafetensorsDType;
  shape: number[];
  bytes: Uint8Array;
}

const BITS: Readonly<Record<SafetensorsDType, number>> = {
  BOOL: 8, F4: 4, F6_E2M3: 6, F6_E3M2: 6, U8: 8, I8: 8,
  F8_E5M2: 8, F8_E4M3: 8, F8_E8M0: 8, F8_E4M3FNUZ: 8, F8_E5M2FNUZ: 8,
  I16: 16, U16: 16, F16: 16, BF16: 16, I32: 32, U32: 32, F32: 32, C64: 64, F64: 64, I64: 64, U64: 64,
};

const RANK = new Map<string, number>(SAFETENSORS_DTYPES.map((tag, i) => [tag, i]));

export function isSafetensorsDType(tag: unknown): tag is SafetensorsDType {
  return typeof tag === 'string' && RANK.has(tag);
}

/** Bits per element; sub-byte tags (F4, F6_*) are why this is not bytes. */
export function dtypeBits(dtype: SafetensorsDType): number {
  return BITS[dtype];
}

/** Position in the Rust enum, which orders the writer's layout. */
export function dtypeRank(dtype: SafetensorsDType): number {
  return RANK.get(dtype)!;
}
