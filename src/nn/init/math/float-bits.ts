/** Bit-level views of float32 values, as C's `asuint` / `asfloat` unions give them. */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function asUint(x: number): number {
  f32[0] = x;
  return u32[0];
}

export function asFloat(bits: number): number {
  u32[0] = bits;
  return f32[0];
}
