import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeSafetensors, SafetensorsError } from '../../../src/engine/safetensors/index.js';
import { fromBase64, malformedCases } from './fixture.js';

function refusal(bytes: Uint8Array, opts?: { maxHeaderBytes?: number }): SafetensorsError {
  try {
    decodeSafetensors(bytes, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(SafetensorsError);
    return e as SafetensorsError;
  }
  throw new Error('decodeSafetensors accepted the file');
}

function file(header: string, dataBytes = 0): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + dataBytes);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 8);
  return out;
}

describe('decodeSafetensors: every spec 7.4 failure', () => {
  it('covers each error kind', () => {
    expect(new Set(malformedCases.map((c) => c.kind))).toEqual(
      new Set([
        'HeaderTooSmall', 'HeaderTooLarge', 'InvalidHeaderLength', 'InvalidHeader', 'InvalidHeaderDeserialization',
        'InvalidOffset', 'TensorInvalidInfo', 'MisalignedSlice', 'MetadataIncompleteBuffer', 'ValidationOverflow',
      ]),
    );
  });

  it.each(malformedCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const e = refusal(fromBase64(c.file));
    expect(e.kind).toBe(c.kind);
    expect(e.message.startsWith(`${c.kind}: `)).toBe(true);
    if (c.message !== null) expect(e.message).toContain(c.message);
    expect(e).toMatchObject({ category: 'MALFORMED', code: 'INVALID_SAFETENSORS', details: { kind: c.kind } });
  });

  it('names the tensor in offset errors the way the crate does', () => {
    const gap = malformedCases.find((c) => c.name === 'gap')!;
    const e = refusal(fromBase64(gap.file));
    expect(e.message).toBe('InvalidOffset: invalid offset for tensor `b`');
    expect(e.details).toMatchObject({ tensor: 'b' });
  });

  it('refuses a leading byte-order mark, as serde_json does', () => {
    const e = refusal(file('\uFEFF{}      '));
    expect(e.kind).toBe('InvalidHeaderDeserialization');
  });

  it('honours maxHeaderBytes', () => {
    const ok = file('{}      ');
    expect(decodeSafetensors(ok, { maxHeaderBytes: 8 }).tensors.size).toBe(0);
    expect(refusal(ok, { maxHeaderBytes: 7 }).kind).toBe('HeaderTooLarge');
  });
});

describe('decodeSafetensors: hostile headers allocate nothing', () => {
  const constructors = ['ArrayBuffer', 'SharedArrayBuffer', 'Array', 'Uint8Array', 'Float32Array', 'Float64Array', 'BigInt64Array'] as const;

  /** Wraps the global constructors the decoder could size from a header and records every length asked for. */
  function recordAllocations(run: () => void): number[] {
    const sizes: number[] = [];
    for (const name of constructors) {
      const original = globalThis[name] as unknown as new (...args: unknown[]) => object;
      vi.stubGlobal(
        name,
        new Proxy(original, {
          construct(target, args, newTarget) {
            if (typeof args[0] === 'number') sizes.push(args[0]);
            return Reflect.construct(target, args, newTarget) as object;
          },
          apply(target, thisArg, args) {
            if (typeof args[0] === 'number') sizes.push(args[0]);
            return Reflect.apply(target as unknown as (...a: unknown[]) => unknown, thisArg, args) as object;
          },
        }),
      );
    }
    try {
      run();
    } finally {
      vi.unstubAllGlobals();
    }
    return sizes;
  }

  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['offsets that match the shape', '{"w":{"dtype":"F32","shape":[1099511627776],"data_offsets":[0,4398046511104]}}', 0, 'MetadataIncompleteBuffer'],
    ['offsets that fit the file', '{"w":{"dtype":"F32","shape":[1099511627776],"data_offsets":[0,4]}}', 4, 'TensorInvalidInfo'],
    ['2^40 elements as [2^20, 2^20] F64', '{"w":{"dtype":"F64","shape":[1048576,1048576],"data_offsets":[0,8796093022208]}}', 0, 'MetadataIncompleteBuffer'],
  ] as const)('a 100-byte file claiming a 2^40-element tensor (%s)', (_label, header, dataBytes, kind) => {
    const bytes = file(header.padEnd(100 - 8 - dataBytes, ' '), dataBytes);
    expect(bytes.length).toBe(100);
    let error: unknown;
    const sizes = recordAllocations(() => {
      try {
        decodeSafetensors(bytes);
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(SafetensorsError);
    expect((error as SafetensorsError).kind).toBe(kind);
    expect(sizes.every((n) => n <= bytes.length)).toBe(true);
  });

  it('the recorder does see the decoder allocate for a valid file', () => {
    const bytes = file('{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,12]}}', 12);
    const sizes = recordAllocations(() => decodeSafetensors(bytes));
    expect(sizes).toContain(12);
  });

  it('a header length of 2^64 - 1 is refused from the prefix alone', () => {
    const bytes = new Uint8Array(16).fill(0xff);
    const sizes = recordAllocations(() => expect(() => decodeSafetensors(bytes)).toThrow(/^HeaderTooLarge/));
    expect(sizes.every((n) => n <= 16)).toBe(true);
  });
});
