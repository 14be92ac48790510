import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../e2e/support/server.js';
import { GrpcClient, statusDetails } from '../e2e/support/grpc-client.js';
import { HttpClient } from '../e2e/support/http-client.js';
import { CallError, type Session } from '../e2e/support/client.js';
import { healthCheck, healthClient, rawCall } from './support.js';

/**
 * Hostile input over gRPC: bytes of the wrong wire types, oversized messages,
 * absurd shapes, unknown ids, malformed paths and index strings. Every time:
 * the right status with an ErrorInfo reason, the server still serving, and
 * the model exactly as it was.
 */

const LIMITS = { MAX_BODY_BYTES: String(256 * 1024), MAX_TENSOR_ELEMENTS: '10000' };
const net = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }] };

let server: TestServer;
let client: GrpcClient;
let rest: HttpClient;
let s: Session;
let health: any;
let snapshot: unknown;

const state = async () => ({ model: await client.getModel(s, 'net'), stateDict: (await client.getStateDict(s, 'net')).stateDict });

beforeAll(async () => {
  server = await startServer(LIMITS);
  client = new GrpcClient(server.grpcAddress);
  rest = new HttpClient(server.httpUrl);
  health = healthClient(server.grpcAddress);
  s = await client.createSession();
  await client.createModel(s, { name: 'net', architecture: net, seed: 0 });
  snapshot = await state();
});
afterAll(async () => {
  health?.close();
  client?.close();
  await server?.close();
});

async function failure(p: Promise<unknown>): Promise<CallError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CallError) return e;
    throw e;
  }
  throw new Error('the call succeeded');
}

/** After every hostile request: still serving, and the model untouched (values, version, structure). */
async function unharmed(): Promise<void> {
  expect(await healthCheck(health, '')).toBe('SERVING');
  expect(await state()).toEqual(snapshot);
}

// ---- hand-made protobuf ----
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
const str = (field: number, text: string) => len(field, [...Buffer.from(text, 'utf8')]);

function authorized(): grpc.Metadata {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${s.token}`);
  return m;
}

async function raw(path: string, bytes: number[]): Promise<{ status: number; reason: string | undefined; field: string | undefined }> {
  const { error } = await rawCall(server.grpcAddress, path, Buffer.from(bytes), authorized());
  if (error === null) throw new Error('the call succeeded');
  const info = statusDetails(error.metadata)?.errorInfo;
  return { status: error.code, reason: info?.reason, field: info?.metadata.field };
}

const ids = () => [...str(1, s.id), ...str(2, 'net')];

describe('bytes that decode to the wrong wire types', () => {
  it.each([
    ['Forward: session_id as a varint', '/paramserve.v1.ComputeService/Forward', () => [...tag(1, 0), 5, ...str(2, 'net')], 'session_id'],
    ['Forward: input as a 32-bit value', '/paramserve.v1.ComputeService/Forward', () => [...ids(), ...tag(3, 5), 0, 0, 0, 0], 'input'],
    ['PutParameter: data.shape as 32-bit values', '/paramserve.v1.ParameterService/PutParameter', () => [...ids(), ...str(3, '0.weight'), ...len(4, [...tag(1, 5), 8, 0, 0, 0])], 'data.shape'],
    ['PatchParameter: op as a string', '/paramserve.v1.ParameterService/PatchParameter', () => [...ids(), ...str(3, '0.weight'), ...str(5, 'EDIT_OP_SET'), ...tag(6, 1), 0, 0, 0, 0, 0, 0, 0, 0], 'op'],
    ['PatchParameter: scalar as a varint', '/paramserve.v1.ParameterService/PatchParameter', () => [...ids(), ...str(3, '0.weight'), ...tag(5, 0), 1, ...tag(6, 0), 42], 'scalar'],
    ['CreateModel: a keyword as a string', '/paramserve.v1.ModelService/CreateModel', () => [...str(1, s.id), ...str(2, 'x'), ...len(3, [...str(2, 'Sequential'), ...len(4, [...str(2, 'Linear'), ...str(10, '4')])])], 'architecture.layers[0].in_features'],
    ['ZeroGrad: set_to_none as a 64-bit value', '/paramserve.v1.ComputeService/ZeroGrad', () => [...ids(), ...tag(3, 1), 1, 0, 0, 0, 0, 0, 0, 0], 'set_to_none'],
  ])('%s: INVALID_ARGUMENT naming the field', async (_what, path, bytes, field) => {
    expect(await raw(path, bytes())).toEqual({ status: grpc.status.INVALID_ARGUMENT, reason: 'INVALID_ARGUMENT', field });
    await unharmed();
  });

  it.each([
    ['a length past the end', () => [...ids(), ...tag(3, 2), 100, 1]],
    ['a varint that never ends', () => [...ids(), ...tag(4, 0), 0xff, 0xff, 0xff]],
    ['invalid UTF-8 in the model name', () => [...str(1, 'x'), ...len(2, [0xff, 0xfe])]],
    ['a group', () => [...ids(), ...tag(9, 3)]],
  ])('%s: INVALID_ARGUMENT (INVALID_PROTOBUF)', async (_what, bytes) => {
    const r = await raw('/paramserve.v1.ComputeService/Forward', bytes());
    expect([r.status, r.reason]).toEqual([grpc.status.INVALID_ARGUMENT, 'INVALID_PROTOBUF']);
    await unharmed();
  });

  it('random bytes to every method never get INTERNAL, always a reason, and change nothing', async () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const methods = [
      '/paramserve.v1.ComputeService/Forward',
      '/paramserve.v1.ComputeService/Backward',
      '/paramserve.v1.ParameterService/PutParameter',
      '/paramserve.v1.ParameterService/PatchParameter',
      '/paramserve.v1.ParameterService/PutStateDict',
      '/paramserve.v1.ParameterService/Initialize',
      '/paramserve.v1.ModelService/CreateModel',
      '/paramserve.v1.ModelService/Tie',
    ];
    const seen = new Set<string>();
    for (let i = 0; i < 160; i++) {
      // The right ids first, so a payload that happens to decode reaches the model.
      const noise = Array.from({ length: 1 + (next() % 64) }, () => next() & 0xff);
      const r = await raw(methods[i % methods.length], [...ids(), ...noise]);
      expect([grpc.status.INVALID_ARGUMENT, grpc.status.NOT_FOUND, grpc.status.ALREADY_EXISTS]).toContain(r.status);
      expect(r.reason).toMatch(/^[A-Z_]+$/);
      seen.add(r.reason!);
    }
    expect(seen).toContain('INVALID_PROTOBUF');
    await unharmed();
  });
});

describe('oversized messages and absurd shapes', () => {
  it('a message over MAX_BODY_BYTES is RESOURCE_EXHAUSTED before anything runs', async () => {
    const e = await failure(client.call('parameters', 'PutParameter', { session_id: s.id, model: 'net', parameter: '0.weight', data: { shape: [8, 4], data: new Array(70_000).fill(1) } }, s));
    expect(e.status).toBe(grpc.status.RESOURCE_EXHAUSTED);
    await unharmed();
  });

  it.each([
    ['a shape of 1e9 x 1e9 with one value', { shape: [1e9, 1e9], data: [1] }, 'LIMIT_EXCEEDED', 'input'],
    ['more elements than MAX_TENSOR_ELEMENTS, under the message limit', { shape: [10001], data: new Array(10001).fill(0) }, 'LIMIT_EXCEEDED', 'input'],
    ['nine dimensions', { shape: [1, 1, 1, 1, 1, 1, 1, 1, 1], data: [1] }, 'LIMIT_EXCEEDED', 'input'],
    ['a negative dimension', { shape: [-1, 4], data: [1, 2, 3, 4] }, 'INVALID_ARGUMENT', 'input.shape'],
    ['a dimension beyond 2^53', { shape: ['4611686018427387904', 1], data: [1] }, 'INVALID_ARGUMENT', 'input.shape'],
    ['fewer values than the shape holds', { shape: [2, 4], data: [1, 2, 3, 4, 5, 6, 7] }, 'SHAPE_MISMATCH', 'input.data'],
    ['raw bytes that are not whole floats', { shape: [2, 4], raw: Buffer.alloc(31) }, 'SHAPE_MISMATCH', 'input.base64'],
    ['both packed floats and raw bytes', { shape: [1, 4], data: [1, 2, 3, 4], raw: Buffer.alloc(16) }, 'INVALID_ARGUMENT', 'input'],
  ])('Forward with %s: %s', async (_what, input, code, field) => {
    const e = await failure(client.call('compute', 'Forward', { session_id: s.id, model: 'net', input }, s));
    expect([e.status, e.code, (e.body as any).details.errorInfo.metadata.field]).toEqual([grpc.status.INVALID_ARGUMENT, code, field]);
    await unharmed();
  });

  it('PutParameter with an absurd shape or the wrong one changes nothing', async () => {
    for (const data of [{ shape: [1e9, 1e9], data: [1] }, { shape: [4, 8], data: new Array(32).fill(1) }, { shape: [], data: [1] }]) {
      const e = await failure(client.call('parameters', 'PutParameter', { session_id: s.id, model: 'net', parameter: '0.weight', data }, s));
      expect(e.status).toBe(grpc.status.INVALID_ARGUMENT);
      expect(['LIMIT_EXCEEDED', 'SHAPE_MISMATCH']).toContain(e.code);
    }
    await unharmed();
  });

  it('architectures nested too deep or too wide are refused before anything is built', async () => {
    let deep: any = { type: 'ReLU' };
    for (let i = 0; i < 40; i++) deep = { type: 'Sequential', layers: [deep] };
    const tooDeep = await failure(client.createModel(s, { name: 'deep', architecture: deep }));
    expect([tooDeep.code, (tooDeep.body as any).details.errorInfo.metadata.limit]).toEqual(['LIMIT_EXCEEDED', 'maxModelDepth']);

    // Deeper than protobuf's recursion limit (100): by hand, as protobufjs will not even encode it.
    let abyss = str(2, 'ReLU');
    for (let i = 0; i < 150; i++) abyss = [...str(2, 'Sequential'), ...len(4, abyss)];
    const r = await raw('/paramserve.v1.ModelService/CreateModel', [...str(1, s.id), ...str(2, 'abyss'), ...len(3, abyss)]);
    expect([r.status, r.reason]).toEqual([grpc.status.INVALID_ARGUMENT, 'INVALID_PROTOBUF']);

    const wide = await failure(client.createModel(s, { name: 'wide', architecture: { type: 'Sequential', layers: new Array(5000).fill({ type: 'ReLU' }) } }));
    expect(wide.code).toBe('LIMIT_EXCEEDED');
    const huge = await failure(client.createModel(s, { name: 'huge', architecture: { type: 'Linear', in_features: 1e9, out_features: 1e9 } }));
    expect([huge.code, (huge.body as any).details.errorInfo.metadata.limit]).toEqual(['LIMIT_EXCEEDED', 'maxModelParameters']);
    expect((await client.listModels(s)).models.map((m: { name: string }) => m.name)).toEqual(['net']);
    await unharmed();
  });
});

describe('unknown ids, malformed paths and index strings: the code REST gives, and no change', () => {
  const other = () => ({ id: '00000000-0000-4000-8000-000000000000', token: s.token });

  it.each([
    ['an unknown session', () => client.getModel(other(), 'net'), 'SESSION_NOT_FOUND'],
    ['a session id of 10000 characters', () => client.getModel({ id: 'x'.repeat(10_000), token: s.token }, 'net'), 'SESSION_NOT_FOUND'],
    ['an unknown model', () => client.forward(s, 'absent', { input: [[1, 2, 3, 4]] }), 'MODEL_NOT_FOUND'],
    ['an empty model name', () => client.getModel(s, ''), 'MODEL_NOT_FOUND'],
    ['an unknown loss', () => client.backward(s, 'net', { input: [[1, 2, 3, 4]], loss: 'hinge' }), 'UNKNOWN_LOSS'],
    ['a NaN initializer argument', () => client.initialize(s, 'net', { weight: { name: 'normal', std: NaN } }), 'INVALID_INITIALIZER'],
  ])('%s', async (_what, call, code) => {
    expect((await failure(call())).code).toBe(code);
    await unharmed();
  });

  const paths = ['0..weight', '.weight', 'weight.', '99.weight', '0.weight.extra', '', '-9.weight', '0.bias\u0000', 'é.weight', '0.'.repeat(500) + 'weight'];
  it.each(paths.map((p) => [JSON.stringify(p.length > 40 ? `${p.slice(0, 40)}…` : p), p]))('parameter path %s', async (_shown, path) => {
    const viaGrpc = await failure(client.patchParameter(s, 'net', path, { op: 'add', value: 1 }));
    const viaRest = await failure(rest.patchParameter(s, 'net', path, { op: 'add', value: 1 }));
    expect(viaGrpc.code).toBe(viaRest.code);
    expect([grpc.status.NOT_FOUND, grpc.status.INVALID_ARGUMENT]).toContain(viaGrpc.status);
    await unharmed();
  });

  const indexes = ['None', 'True', '0,,0', '1:2:3:4', '[0]', '0, 0, 0', '99', '-99, 0', '::0', '__import__("os")', '0; 1', '…', '0 0', '1'.repeat(400), ', '.repeat(3000)];
  it.each(indexes.map((i) => [JSON.stringify(i.length > 40 ? `${i.slice(0, 40)}…` : i), i]))('index string %s', async (_shown, index) => {
    const viaGrpc = await failure(client.patchParameter(s, 'net', '0.weight', { index, op: 'set', value: 0 }));
    const viaRest = await failure(rest.patchParameter(s, 'net', '0.weight', { index, op: 'set', value: 0 }));
    expect(viaGrpc.code).toBe(viaRest.code);
    expect(viaGrpc.status).toBe(grpc.status.INVALID_ARGUMENT);
    await unharmed();
  });
});
