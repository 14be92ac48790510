import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/index.js';
import { loadApiDefinition } from '../../src/transports/grpc/proto-files.js';
import { MessageSchemas } from '../../src/transports/grpc/wire/message-schemas.js';
import { checkWire } from '../../src/transports/grpc/wire/wire-check.js';

const api = loadApiDefinition();
const schemas = new MessageSchemas(api);
const serialize = (service: string, method: string, value: unknown): Buffer => (api[`paramserve.v1.${service}`] as any)[method].requestSerialize(value);

// Hand-made protobuf, to send what no serializer would.
const varint = (n: number): number[] => {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
};
const tag = (field: number, wire: number) => varint(field * 8 + wire);
const len = (field: number, bytes: number[]) => [...tag(field, 2), ...varint(bytes.length), ...bytes];
const str = (field: number, s: string) => len(field, [...Buffer.from(s, 'utf8')]);
const f32 = (v: number) => [...Buffer.from(new Float32Array([v]).buffer)];

function check(type: string, bytes: number[] | Buffer, maxDepth = 100): AppError | null {
  try {
    checkWire(Uint8Array.from(bytes), schemas, `paramserve.v1.${type}`, maxDepth);
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

describe('the wire check of requests', () => {
  it('passes what the loader serializes, non-finite floats included', () => {
    const bytes = serialize('ComputeService', 'Forward', { session_id: 's', model: 'net', input: { shape: [2, 2], data: [1, NaN, Infinity, -0] }, seed: -3 });
    expect(check('ForwardRequest', bytes)).toBeNull();
    const create = serialize('ModelService', 'CreateModel', {
      session_id: 's',
      name: 'tied',
      architecture: { type: 'Sequential', shared: [{ name: 'x', module: { type: 'Linear', in_features: 8, out_features: 8 } }], layers: [{ ref: 'x' }, { type: 'ReLU' }] },
    });
    expect(check('CreateModelRequest', create)).toBeNull();
  });

  it('accepts a repeated number packed or one by one, as protobuf allows', () => {
    const packed = [...str(1, 's'), ...len(3, [...len(1, [2]), ...len(2, [...f32(1), ...f32(2)])])];
    const unpacked = [...str(1, 's'), ...len(3, [...tag(1, 0), 2, ...tag(2, 5), ...f32(1), ...tag(2, 5), ...f32(2)])];
    expect(check('ForwardRequest', packed)).toBeNull();
    expect(check('ForwardRequest', unpacked)).toBeNull();
  });

  it('skips fields it does not know, whatever their wire type', () => {
    expect(check('ForwardRequest', [...str(1, 's'), ...tag(99, 0), 5, ...tag(98, 1), 0, 0, 0, 0, 0, 0, 0, 0, ...len(97, [1, 2, 3]), ...tag(96, 5), 0, 0, 0, 0])).toBeNull();
  });

  it.each([
    ['a string sent as a varint', 'ForwardRequest', [...tag(1, 0), 7], 'session_id'],
    ['a message sent as a 32-bit value', 'ForwardRequest', [...tag(3, 5), 0, 0, 0, 0], 'input'],
    ['an int64 list sent as 64-bit values', 'ForwardRequest', len(3, [...tag(1, 1), 0, 0, 0, 0, 0, 0, 0, 0]), 'input.shape'],
    ['a float list sent as varints', 'ForwardRequest', len(3, [...tag(2, 0), 1]), 'input.data'],
    ['a bool sent as a string', 'ZeroGradRequest', str(3, 'yes'), 'set_to_none'],
    ['an enum sent as a string', 'PatchParameterRequest', str(5, 'add'), 'op'],
    ['a double sent as a varint', 'PatchParameterRequest', [...tag(6, 0), 1], 'scalar'],
    ['a keyword deep in an architecture', 'CreateModelRequest', len(3, [...str(2, 'Sequential'), ...len(4, str(2, 'ReLU')), ...len(4, str(10, '4'))]), 'architecture.layers[1].in_features'],
  ])('refuses %s as INVALID_ARGUMENT naming the field', (_what, type, bytes, field) => {
    const e = check(type as string, bytes as number[]);
    expect(e?.code).toBe('INVALID_ARGUMENT');
    expect(e?.category).toBe('MALFORMED');
    expect(e?.details.field).toBe(field);
  });

  it.each([
    ['a length past the end', [...tag(1, 2), 10, 65]],
    ['a varint that never ends', [...tag(4, 0), 0x80, 0x80]],
    ['a varint of 11 bytes', [...tag(4, 0), ...Array(10).fill(0xff), 1]],
    ['a fixed-width value cut short', [...tag(99, 1), 0, 0]],
    ['a packed float run of 5 bytes', len(3, len(2, [0, 0, 0, 0, 0]))],
    ['invalid UTF-8 in a string', len(2, [0xc3, 0x28])],
    ['a group', [...tag(99, 3), ...tag(99, 4)]],
    ['wire type 7', [...tag(99, 7)]],
    ['field number 0', [0, 1]],
    ['a nested message longer than its parent', len(3, [...tag(1, 2), 50, 1])],
  ])('refuses %s as INVALID_PROTOBUF', (_what, bytes) => {
    const e = check('ForwardRequest', bytes);
    expect(e?.code).toBe('INVALID_PROTOBUF');
    expect(e?.category).toBe('MALFORMED');
  });

  it('bounds how deep messages nest', () => {
    let module: number[] = str(2, 'ReLU');
    for (let i = 0; i < 30; i++) module = [...str(2, 'Sequential'), ...len(4, module)];
    const bytes = [...str(1, 's'), ...len(3, module)];
    expect(check('CreateModelRequest', bytes, 100)).toBeNull();
    const e = check('CreateModelRequest', bytes, 20);
    expect(e?.code).toBe('INVALID_PROTOBUF');
    expect(e?.message).toContain('deeper than 20');
  });
});
