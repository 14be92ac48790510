import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSafetensors,
  encodeSafetensors,
  toFloat32,
  toFloat64,
  type EncodableTensor,
} from '../../../src/engine/safetensors/index.js';

const shape = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 });
const count = (dims: number[]) => dims.reduce((a, b) => a * b, 1);

const f32Tensor = shape.chain((dims) =>
  fc.array(fc.float(), { minLength: count(dims), maxLength: count(dims) }).map((v) => ({ shape: dims, data: Float32Array.from(v) })),
);
const f64Tensor = shape.chain((dims) =>
  fc.array(fc.double(), { minLength: count(dims), maxLength: count(dims) }).map((v) => ({ shape: dims, data: Float64Array.from(v) })),
);
const rawTensor = fc
  .record({ dtype: fc.constantFrom('U8', 'I16', 'BF16', 'I32', 'I64', 'BOOL', 'F8_E4M3' as const), dims: shape })
  .chain(({ dtype, dims }) => {
    const width = { U8: 1, BOOL: 1, F8_E4M3: 1, I16: 2, BF16: 2, I32: 4, I64: 8 }[dtype];
    const n = count(dims) * width;
    return fc.uint8Array({ minLength: n, maxLength: n }).map((bytes) => ({ dtype, shape: dims, bytes }));
  });

const named = fc.uniqueArray(
  fc.tuple(fc.string({ unit: 'binary', maxLength: 6 }).filter((s) => s !== '__metadata__'), fc.oneof(f32Tensor, f64Tensor, rawTensor)),
  { selector: ([name]) => name, maxLength: 6 },
);
const metadata = fc.option(fc.dictionary(fc.string({ unit: 'binary', maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 8 })), {
  nil: undefined,
});

describe('encode -> decode round trip', () => {
  it('gives back every tensor bit for bit, the metadata, and a canonical file', () => {
    fc.assert(
      fc.property(named, metadata, (tensors, meta) => {
        const file = encodeSafetensors(tensors as [string, EncodableTensor][], meta);
        const decoded = decodeSafetensors(file);
        expect(decoded.metadata).toEqual(meta ?? null);
        expect(decoded.tensors.size).toBe(tensors.length);
        for (const [name, t] of tensors) {
          const entry = decoded.tensors.get(name)!;
          expect(entry.shape).toEqual(t.shape);
          if ('data' in t) {
            expect(entry.dtype).toBe(t.data instanceof Float64Array ? 'F64' : 'F32');
            const back = t.data instanceof Float64Array ? toFloat64(entry) : toFloat32(entry);
            expect(Buffer.from(back.buffer).equals(Buffer.from(t.data.buffer))).toBe(true);
          } else {
            expect(entry.dtype).toBe(t.dtype);
            expect(entry.bytes).toEqual(t.bytes);
          }
        }
        // Re-encoding what was read reproduces the file: the writer's layout is a function of the content.
        expect(encodeSafetensors(decoded.tensors, decoded.metadata ?? undefined)).toEqual(file);
      }),
      { numRuns: 300 },
    );
  });

  it('float32 values survive, including -0, subnormals, infinities and NaN payloads', () => {
    const data = new Float32Array([-0, 1e-45, -3.4028234663852886e38, Infinity, -Infinity, NaN]);
    new Uint32Array(data.buffer)[5] = 0x7fc00abc;
    const file = encodeSafetensors(new Map([['w', { shape: [2, 3], data }]]));
    const back = toFloat32(decodeSafetensors(file).tensors.get('w')!);
    expect(new Uint32Array(back.buffer)).toEqual(new Uint32Array(data.buffer));
  });
});
