import { describe, expect, it } from 'vitest';
import { encodeSafetensors, type EncodableTensor } from '../../../src/engine/safetensors/index.js';
import { fromBase64, validCase, validCases, type ValidCase } from './fixture.js';

function rawEntries(c: ValidCase): [string, EncodableTensor][] {
  return c.tensors.map((t) => [t.name, { dtype: t.dtype, shape: t.shape, bytes: fromBase64(t.bytes) }]);
}

function headerOf(file: Uint8Array): string {
  const n = Number(new DataView(file.buffer, file.byteOffset).getBigUint64(0, true));
  return new TextDecoder().decode(file.subarray(8, 8 + n));
}

describe('encodeSafetensors: reference writer bytes', () => {
  const writerCases = validCases.filter((c) => c.writer);

  it('has the writer fixtures', () => {
    expect(writerCases.map((c) => c.name)).toEqual(
      expect.arrayContaining(['reference_mixed', 'crate_empty', 'crate_empty_metadata', 'crate_forced_alignment', 'sequential', 'dtypes']),
    );
  });

  it.each(writerCases.map((c) => [c.name, c] as const))('%s: raw entries give the reference file', (_name, c) => {
    const out = encodeSafetensors(rawEntries(c), c.metadata ?? undefined);
    expect(Buffer.from(out).toString('base64')).toBe(c.file);
  });

  it('reproduces the spec 7.2 header, N = 328, and pads with spaces', () => {
    const c = validCase('reference_mixed');
    const out = encodeSafetensors(rawEntries(c), { format: 'pt' });
    expect(Number(new DataView(out.buffer).getBigUint64(0, true))).toBe(328);
    const header = headerOf(out);
    expect(header.trimEnd()).toBe(
      '{"__metadata__":{"format":"pt"},"step":{"dtype":"I64","shape":[],"data_offsets":[0,8]},' +
        '"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[8,16]},"0.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[16,40]},' +
        '"e":{"dtype":"F32","shape":[0,3],"data_offsets":[40,40]},"h":{"dtype":"F16","shape":[3],"data_offsets":[40,46]}}',
    );
    expect(header.length - header.trimEnd().length).toBe(6);
  });

  it('encodes Float32Array storage exactly like torch (the Sequential state_dict)', () => {
    const c = validCase('sequential');
    const input = new Map<string, EncodableTensor>(
      c.tensors.map((t) => [t.name, { shape: t.shape, data: new Float32Array(fromBase64(t.bytes).buffer) }]),
    );
    expect(Buffer.from(encodeSafetensors(input, { format: 'pt' })).toString('base64')).toBe(c.file);
  });

  it('writes a Float64Array as F64 and a subarray view without its neighbours', () => {
    const backing = new Float64Array([9, 1.5, -2, 9]);
    const out = encodeSafetensors([['x', { shape: [2], data: backing.subarray(1, 3) }]]);
    expect(headerOf(out).trimEnd()).toBe('{"x":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}');
    expect(Array.from(new Float64Array(out.slice(out.length - 16).buffer))).toEqual([1.5, -2]);
  });

  it('orders by dtype descending, then by name in code point (UTF-8) order', () => {
    const f32 = (v: number) => ({ shape: [1], data: new Float32Array([v]) });
    const out = encodeSafetensors([
      ['b', f32(1)],
      ['\u{1F600}', f32(2)], // astral: after U+FFFD in UTF-8 order, before it in UTF-16 order
      ['\uFFFD', f32(3)],
      ['a', { shape: [1], data: new Float64Array([4]) }],
      ['A', f32(5)],
    ]);
    const names = Object.keys(JSON.parse(headerOf(out)) as object);
    expect(names).toEqual(['a', 'A', 'b', '\uFFFD', '\u{1F600}']);
  });

  it('writes metadata first with sorted keys, escaped as serde_json does', () => {
    const out = encodeSafetensors([], { z: 'last', a: 'tab\there "q" \\ \u0001 é' });
    expect(headerOf(out).trimEnd()).toBe('{"__metadata__":{"a":"tab\\there \\"q\\" \\\\ \\u0001 é","z":"last"}}');
  });

  it('omits __metadata__ when none is given and keeps an empty map when one is', () => {
    expect(headerOf(encodeSafetensors([])).trimEnd()).toBe('{}');
    expect(headerOf(encodeSafetensors([], {})).trimEnd()).toBe('{"__metadata__":{}}');
  });

  it('pads every header to a multiple of 8 so data starts 8-aligned', () => {
    for (let len = 0; len < 16; len++) {
      const out = encodeSafetensors([['n'.repeat(len + 1), { shape: [], data: new Float32Array([len]) }]]);
      const n = Number(new DataView(out.buffer).getBigUint64(0, true));
      expect(n % 8).toBe(0);
      expect(out.length).toBe(8 + n + 4);
      expect(headerOf(out)).toMatch(/^\{.*\} *$/);
    }
  });
});

describe('encodeSafetensors: refused input', () => {
  const one = { shape: [1], data: new Float32Array([1]) };

  it('rejects duplicate names', () => {
    expect(() => encodeSafetensors([['w', one], ['w', one]])).toThrow(/duplicate safetensors tensor name "w"/);
  });

  it('rejects the reserved __metadata__ name', () => {
    expect(() => encodeSafetensors([['__metadata__', one]])).toThrow(/reserved/);
  });

  it('rejects names that are not valid UTF-8 (lone surrogates)', () => {
    expect(() => encodeSafetensors([['\uD800', one]])).toThrow(/not a valid UTF-8 string/);
  });

  it('rejects data whose length does not match the shape', () => {
    expect(() => encodeSafetensors([['w', { shape: [2, 2], data: new Float32Array(3) }]])).toThrow(
      /shape \[2, 2\] is invalid for input of size 3/,
    );
  });

  it('rejects negative or fractional dimensions', () => {
    expect(() => encodeSafetensors([['w', { shape: [-1], data: new Float32Array(0) }]])).toThrow(/non-negative integer/);
    expect(() => encodeSafetensors([['w', { shape: [0.5], data: new Float32Array(0) }]])).toThrow(/non-negative integer/);
  });

  it('rejects raw bytes that do not fit the dtype and shape', () => {
    expect(() => encodeSafetensors([['w', { dtype: 'F16', shape: [3], bytes: new Uint8Array(5) }]])).toThrow(/needs 6 bytes, got 5/);
    expect(() => encodeSafetensors([['w', { dtype: 'F4', shape: [3], bytes: new Uint8Array(2) }]])).toThrow(/needs/);
  });

  it('rejects non-string metadata values', () => {
    expect(() => encodeSafetensors([], { x: 1 as unknown as string })).toThrow(/metadata "x"/);
  });

  it('is an AppError of category INVALID', () => {
    try {
      encodeSafetensors([['w', one], ['w', one]]);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ category: 'INVALID', code: 'INVALID_ARGUMENT' });
    }
  });
});
