import { describe, expect, it } from 'vitest';
import { SafetensorsError, toFloat32, toFloat64, type SafetensorsEntry } from '../../../src/engine/safetensors/index.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const all256 = () => Uint8Array.from({ length: 256 }, (_, i) => i);

describe('toFloat32 / toFloat64', () => {
  it('copies F32 into a fresh aligned array even from an unaligned view', () => {
    const backing = new Uint8Array(9);
    backing.set([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0], 1); // 1, -2
    const entry: SafetensorsEntry = { dtype: 'F32', shape: [2], bytes: backing.subarray(1, 9) };
    const out = toFloat32(entry);
    expect(Array.from(out)).toEqual([1, -2]);
    expect(out.buffer).not.toBe(backing.buffer);
    expect(Array.from(toFloat64(entry))).toEqual([1, -2]);
  });

  it('rounds F64 to float32 to nearest even, as torch does', () => {
    const f64 = new Float64Array([0.1, 16777217, 3.4028235677973366e38, 1e-46]);
    const out = toFloat32({ dtype: 'F64', shape: [4], bytes: new Uint8Array(f64.buffer) });
    expect(Array.from(out)).toEqual([Math.fround(0.1), 16777216, Infinity, 0]);
  });

  it('rounds 64-bit integers once (no double rounding through float64)', () => {
    const v = new BigInt64Array([2n ** 60n + 2n ** 36n + 1n, -(2n ** 60n + 2n ** 36n + 1n), 2n ** 60n + 2n ** 36n]);
    const out = toFloat32({ dtype: 'I64', shape: [3], bytes: new Uint8Array(v.buffer) });
    expect(Array.from(out)).toEqual([2 ** 60 + 2 ** 37, -(2 ** 60 + 2 ** 37), 2 ** 60]);
    expect(Array.from(toFloat64({ dtype: 'I64', shape: [3], bytes: new Uint8Array(v.buffer) }))).toEqual(
      Array.from(v, (x) => Number(x)),
    );
  });

  it('maps BOOL bytes to 0/1', () => {
    expect(Array.from(toFloat32({ dtype: 'BOOL', shape: [3], bytes: bytes(0, 1, 2) }))).toEqual([0, 1, 1]);
  });

  it('decodes F8_E4M3 (e4m3fn: bias 7, max 448, NaN only at S.1111.111)', () => {
    const out = toFloat32({ dtype: 'F8_E4M3', shape: [256], bytes: all256() });
    expect([out[0x00], out[0x01], out[0x07], out[0x08], out[0x38], out[0x7e], out[0x80], out[0xfe]]).toEqual([
      0, 2 ** -9, 7 * 2 ** -9, 2 ** -6, 1, 448, -0, -448,
    ]);
    expect(Object.is(out[0x80], -0)).toBe(true);
    expect([...out].filter(Number.isNaN).length).toBe(2);
    expect(Number.isNaN(out[0x7f]) && Number.isNaN(out[0xff])).toBe(true);
  });

  it('decodes F8_E5M2 (IEEE-like: bias 15, max 57344, infinities)', () => {
    const out = toFloat32({ dtype: 'F8_E5M2', shape: [256], bytes: all256() });
    expect([out[0x01], out[0x04], out[0x3c], out[0x7b], out[0x7c], out[0xfc]]).toEqual([
      2 ** -16, 2 ** -14, 1, 57344, Infinity, -Infinity,
    ]);
    expect([...out].filter(Number.isNaN).length).toBe(6);
  });

  it('decodes the FNUZ formats (no infinities, no -0, NaN at 0x80)', () => {
    const e4 = toFloat32({ dtype: 'F8_E4M3FNUZ', shape: [256], bytes: all256() });
    expect([e4[0x01], e4[0x08], e4[0x40], e4[0x7f], e4[0xff]]).toEqual([2 ** -10, 2 ** -7, 1, 240, -240]);
    expect([...e4].filter(Number.isNaN).length).toBe(1);
    expect(Number.isNaN(e4[0x80])).toBe(true);
    const e5 = toFloat32({ dtype: 'F8_E5M2FNUZ', shape: [256], bytes: all256() });
    expect([e5[0x01], e5[0x40], e5[0x7f]]).toEqual([2 ** -17, 1, 57344]);
    expect([...e5].filter(Number.isNaN).length).toBe(1);
  });

  it('decodes F8_E8M0 as powers of two with 0xFF as NaN', () => {
    const out = toFloat64({ dtype: 'F8_E8M0', shape: [4], bytes: bytes(0, 127, 254, 255) });
    expect(Array.from(out)).toEqual([2 ** -127, 1, 2 ** 127, NaN]);
    expect(toFloat32({ dtype: 'F8_E8M0', shape: [1], bytes: bytes(0) })[0]).toBe(2 ** -127);
  });

  it('refuses dtypes with no real-float meaning here (F4, F6, C64)', () => {
    expect(() => toFloat32({ dtype: 'F4', shape: [2], bytes: bytes(0) })).toThrow(/F4 cannot be converted/);
    expect(() => toFloat32({ dtype: 'C64', shape: [1], bytes: new Uint8Array(8) })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_DTYPE', category: 'INVALID' }),
    );
  });

  it('refuses an entry whose bytes do not match its shape, before allocating', () => {
    const e = (() => {
      try {
        toFloat32({ dtype: 'F32', shape: [2 ** 40], bytes: new Uint8Array(4) });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(SafetensorsError);
    expect((e as SafetensorsError).kind).toBe('TensorInvalidInfo');
    expect(() => toFloat32({ dtype: 'F32', shape: [-1], bytes: new Uint8Array(0) })).toThrow(SafetensorsError);
  });
});
