import { describe, expect, it } from 'vitest';
import { decodeSafetensors, toFloat32, toFloat64 } from '../../../src/engine/safetensors/index.js';
import { fromBase64, jsonFloats, validCase, validCases } from './fixture.js';

/** The same bytes placed at `shift` inside a larger buffer, so views start unaligned. */
function shifted(file: Uint8Array, shift: number): Uint8Array {
  const backing = new Uint8Array(file.length + shift + 3);
  backing.set(file, shift);
  return backing.subarray(shift, shift + file.length);
}

function sameFloats(actual: Float32Array | Float64Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  // Object.is tells -0 from 0 and matches NaN with NaN.
  expect(Array.from(actual).map((v, i) => Object.is(v, expected[i]) || [i, v, expected[i]])).toEqual(expected.map(() => true));
}

describe('decodeSafetensors: golden files', () => {
  it.each(validCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { metadata, tensors } = decodeSafetensors(fromBase64(c.file));
    expect(metadata).toEqual(c.metadata);
    // Fixture tensors are listed in UTF-8 name order, the order decode keys the map in.
    expect([...tensors.keys()]).toEqual(c.tensors.map((t) => t.name));
    for (const t of c.tensors) {
      const entry = tensors.get(t.name)!;
      expect(entry.dtype).toBe(t.dtype);
      expect(entry.shape).toEqual(t.shape);
      expect(Buffer.from(entry.bytes).toString('base64')).toBe(t.bytes);
      sameFloats(toFloat32(entry), jsonFloats(t.float32));
      sameFloats(toFloat64(entry), jsonFloats(t.float64));
    }
  });

  it('reads the spec example: I64 0-d step, F32 weights, an empty [0,3] tensor and F16', () => {
    const { metadata, tensors } = decodeSafetensors(fromBase64(validCase('reference_mixed').file));
    expect(metadata).toEqual({ format: 'pt' });
    expect([...tensors.keys()]).toEqual(['0.bias', '0.weight', 'e', 'h', 'step']);
    expect(tensors.get('step')).toMatchObject({ dtype: 'I64', shape: [] });
    expect(Array.from(toFloat32(tensors.get('step')!))).toEqual([7]);
    expect(tensors.get('e')).toMatchObject({ dtype: 'F32', shape: [0, 3] });
    expect(tensors.get('e')!.bytes.length).toBe(0);
    expect(Array.from(toFloat32(tensors.get('h')!))).toEqual([0.5, -2, 65504]);
  });

  it('does not need the input to be aligned and returns aligned copies', () => {
    const file = fromBase64(validCase('dtypes').file);
    const expected = decodeSafetensors(file);
    for (const shift of [1, 2, 3, 5]) {
      const input = shifted(file, shift);
      const { tensors } = decodeSafetensors(input);
      for (const [name, entry] of tensors) {
        expect(entry.bytes.byteOffset).toBe(0);
        expect(entry.bytes.buffer).not.toBe(input.buffer);
        expect(entry.bytes).toEqual(expected.tensors.get(name)!.bytes);
        expect(toFloat32(entry)).toEqual(toFloat32(expected.tensors.get(name)!));
      }
    }
  });

  it('accepts a Node Buffer (a view into a shared pool)', () => {
    const c = validCase('sequential');
    const { tensors } = decodeSafetensors(Buffer.from(c.file, 'base64'));
    expect([...tensors.keys()]).toEqual(['0.bias', '0.weight', '2.bias', '2.weight']);
  });

  it('entries do not alias the input', () => {
    const file = fromBase64(validCase('sequential').file);
    const { tensors } = decodeSafetensors(file);
    const before = toFloat32(tensors.get('2.bias')!);
    file.fill(0xff);
    expect(toFloat32(tensors.get('2.bias')!)).toEqual(before);
  });

  it('has the reader-tolerance fixtures (unpadded, leading spaces, any offset order, null metadata)', () => {
    const names = validCases.filter((c) => !c.writer).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['unpadded', 'leading_spaces', 'whitespace_everywhere', 'offsets_out_of_header_order', 'metadata_null']),
    );
  });
});

describe('decodeSafetensors: headers built here', () => {
  function file(header: string, data: number[] = []): Uint8Array {
    const json = new TextEncoder().encode(header);
    const out = new Uint8Array(8 + json.length + data.length);
    new DataView(out.buffer).setUint32(0, json.length, true);
    out.set(json, 8);
    out.set(data, 8 + json.length);
    return out;
  }
  const one = [0, 0, 0x80, 0x3f]; // 1.0f

  it.each([0, 1, 3, 7, 9])('accepts an unpadded header of any length (%i extra key bytes)', (k) => {
    const header = `{"${'k'.repeat(k + 1)}":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`;
    const { tensors } = decodeSafetensors(file(header, one));
    expect(Array.from(toFloat32(tensors.get('k'.repeat(k + 1))!))).toEqual([1]);
  });

  it('accepts leading and trailing spaces, and ignores unknown entry fields', () => {
    const { tensors, metadata } = decodeSafetensors(
      file('     {"w":{"shape":[],"data_offsets":[0,4],"dtype":"F32","extra":[1,{}]}}     ', one),
    );
    expect(metadata).toBeNull();
    expect(tensors.get('w')).toMatchObject({ dtype: 'F32', shape: [] });
  });

  it('keeps a "__proto__" tensor name and metadata key as plain data', () => {
    const { tensors, metadata } = decodeSafetensors(
      file('{"__metadata__":{"__proto__":"x"},"__proto__":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', one),
    );
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.hasOwn(metadata!, '__proto__')).toBe(true);
    expect(metadata!['__proto__']).toBe('x');
    expect([...tensors.keys()]).toEqual(['__proto__']);
  });

  it('allows zero-size tensors to share an offset', () => {
    const { tensors } = decodeSafetensors(
      file(
        '{"a":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},"b":{"dtype":"I64","shape":[3,0],"data_offsets":[0,0]},' +
          '"c":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}',
        one,
      ),
    );
    expect([...tensors.keys()]).toEqual(['a', 'b', 'c']);
  });
});
