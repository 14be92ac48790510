import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, Metrics, systemClock, type ParamService, type Store } from '../../src/core/index.js';
import { buildGrpcServer, SERVICE_NAMES, type GrpcTransport } from '../../src/transports/grpc/index.js';
import { startServer, type TestServer } from '../e2e/support/server.js';
import { GrpcClient, statusDetails } from '../e2e/support/grpc-client.js';
import { CallError, type Session } from '../e2e/support/client.js';
import { decodeFileDescriptor, healthCheck, healthClient, memoryLogger, reflect } from './support.js';

/** The gRPC transport against the real core on 127.0.0.1: what REST's own tests check, in gRPC's terms. */

const net = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }] };
const X = [
  [0.1, 0.2, 0.3, 0.4],
  [0.5, 0.6, 0.7, 0.8],
];

async function failure(p: Promise<unknown>): Promise<CallError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CallError) return e;
    throw e;
  }
  throw new Error('the call succeeded');
}

let server: TestServer;
let client: GrpcClient;
let s: Session;

beforeAll(async () => {
  server = await startServer();
  client = new GrpcClient(server.grpcAddress);
  s = await client.createSession();
  await client.createModel(s, { name: 'net', architecture: net, seed: 0 });
});
afterAll(async () => {
  client?.close();
  await server?.close();
});

describe('auth through the authorization metadata', () => {
  it('no token is UNAUTHENTICATED, a token that is not the session\'s is NOT_FOUND, as for an unknown session', async () => {
    const none = await failure(client.withToken(null).getModel(s, 'net'));
    expect([none.status, none.code]).toEqual([grpc.status.UNAUTHENTICATED, 'UNAUTHENTICATED']);
    const other = await client.createSession();
    const wrong = await failure(client.withToken(other.token).getModel(s, 'net'));
    expect([wrong.status, wrong.code]).toEqual([grpc.status.NOT_FOUND, 'SESSION_NOT_FOUND']);
    const unknown = await failure(client.getModel({ id: '00000000-0000-4000-8000-000000000000', token: s.token }, 'net'));
    expect([unknown.status, unknown.code, unknown.message]).toEqual([grpc.status.NOT_FOUND, 'SESSION_NOT_FOUND', wrong.message]);
  });

  it('a credential that is not a bearer token is UNAUTHENTICATED', async () => {
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Basic ${s.token}`);
    const stub = new (grpc.makeGenericClientConstructor({}, 'x'))(server.grpcAddress, grpc.credentials.createInsecure());
    const identity = (b: Buffer) => b;
    const err = await new Promise<grpc.ServiceError>((resolve) =>
      stub.makeUnaryRequest('/paramserve.v1.SessionService/GetSession', identity, identity, Buffer.alloc(0), metadata, (e: grpc.ServiceError | null) => resolve(e!)),
    );
    stub.close();
    expect(err.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(statusDetails(err.metadata)?.errorInfo?.reason).toBe('UNAUTHENTICATED');
  });
});

describe('errors carry google.rpc.Status with ErrorInfo', () => {
  it('reason is the REST code, domain paramserve.dev, metadata the details with proto field names', async () => {
    const e = await failure(client.putParameter(s, 'net', '0.weight', { data: [[1, 2]] }));
    expect(e.status).toBe(grpc.status.INVALID_ARGUMENT);
    const details = (e.body as any).details;
    expect(details.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(details.errorInfo).toEqual({ reason: 'SHAPE_MISMATCH', domain: 'paramserve.dev', metadata: { field: 'data' } });
    const g = await failure(client.backward(s, 'net', { input: X, gradOutput: [[1]] }));
    expect([g.code, (g.body as any).details.errorInfo.metadata.field]).toEqual(['SHAPE_MISMATCH', 'grad_output']);
  });

  it('an if_match that does not match is ABORTED with VERSION_MISMATCH and the current version; nothing changes', async () => {
    const before = await client.getParameter(s, 'net', '2.bias');
    const e = await failure(client.patchParameter(s, 'net', '2.bias', { op: 'add', value: 1 }, { ifMatch: `"${before.version + 7}"` }));
    expect([e.status, e.code]).toEqual([grpc.status.ABORTED, 'VERSION_MISMATCH']);
    expect((e.body as any).details.errorInfo.metadata.currentVersion).toBe(String(before.version));
    expect(await client.getParameter(s, 'net', '2.bias')).toEqual(before);
    const ok = await client.patchParameter(s, 'net', '2.bias', { op: 'add', value: 0 }, { ifMatch: `"${before.version}"` });
    expect(ok.version).toBe(before.version + 1);
    const bad = await failure(client.zeroGrad(s, 'net', {}, { ifMatch: 'five' }));
    expect([bad.code, (bad.body as any).details.errorInfo.metadata.field]).toEqual(['INVALID_ARGUMENT', 'if_match']);
  });

  it('anything that is not an AppError is INTERNAL, without internals, logged with its stack', async () => {
    const { logger, lines } = memoryLogger();
    const broken = { config: loadConfig({}), createSession: async () => Promise.reject(new TypeError('secret internals')) } as unknown as ParamService;
    const transport = buildGrpcServer({ service: broken, metrics: new Metrics({} as Store, systemClock), logger });
    const port = await transport.listen('127.0.0.1', 0);
    const c = new GrpcClient(`127.0.0.1:${port}`);
    try {
      const e = await failure(c.createSession());
      expect([e.status, e.code]).toEqual([grpc.status.INTERNAL, 'INTERNAL']);
      expect(e.message).not.toContain('secret');
      const logged = lines.find((l) => l.msg === 'unhandled error');
      expect(logged.err.message).toBe('secret internals');
      expect(logged.err.stack).toContain('TypeError');
      expect(e.message).toContain(logged.reqId);
    } finally {
      c.close();
      await transport.close();
    }
  });
});

describe('tensors', () => {
  it('travel as raw little-endian float32 bytes when asked, both ways', async () => {
    await client.createModel(s, { name: 'raw', architecture: net, seed: 3 });
    const floats = await client.call('parameters', 'GetParameter', { session_id: s.id, model: 'raw', parameter: '0.weight' }, s);
    const raw = await client.call('parameters', 'GetParameter', { session_id: s.id, model: 'raw', parameter: '0.weight', encoding: 'TENSOR_ENCODING_RAW' }, s);
    expect(raw.data.data).toEqual([]);
    expect(raw.data.raw.length).toBe(32 * 4);
    expect(Array.from(new Float32Array(Uint8Array.from(raw.data.raw).buffer))).toEqual(floats.data.data);

    const values = new Float32Array(32).map((_, i) => i / 8 - 2);
    const put = await client.call('parameters', 'PutParameter', { session_id: s.id, model: 'raw', parameter: '0.weight', data: { shape: [8, 4], raw: Buffer.from(values.buffer) } }, s);
    expect(put.data.data).toEqual(Array.from(values));

    const input = Buffer.from(new Float32Array(X.flat()).buffer);
    const viaRaw = await client.call('compute', 'Forward', { session_id: s.id, model: 'raw', input: { shape: [2, 4], raw: input }, encoding: 'TENSOR_ENCODING_RAW' }, s);
    const viaFloats = await client.forward(s, 'raw', { input: X });
    expect(Array.from(new Float32Array(Uint8Array.from(viaRaw.output.raw).buffer))).toEqual((viaFloats.output as number[][]).flat());
  });

  it('non-finite values travel natively', async () => {
    await client.createModel(s, { name: 'nan', architecture: { type: 'Linear', in_features: 2, out_features: 2 }, seed: 1 });
    const put = await client.call('parameters', 'PutParameter', { session_id: s.id, model: 'nan', parameter: 'weight', data: { shape: [2, 2], data: [NaN, Infinity, -Infinity, 1] } }, s);
    expect(put.data.data).toEqual([NaN, Infinity, -Infinity, 1]);
    expect((await client.getParameter(s, 'nan', 'weight')).data).toEqual([['NaN', 'Infinity'], ['-Infinity', 1]]);
  });

  it('a shape with a raw byte count that does not match is SHAPE_MISMATCH; an enum value the server does not know is refused', async () => {
    const e = await failure(client.call('compute', 'Forward', { session_id: s.id, model: 'net', input: { shape: [2, 4], raw: Buffer.alloc(12) } }, s));
    expect(e.code).toBe('SHAPE_MISMATCH');
    const enc = await failure(client.call('compute', 'Forward', { session_id: s.id, model: 'net', input: { shape: [1, 4], data: [1, 2, 3, 4] }, encoding: 7 }, s));
    expect([enc.code, (enc.body as any).details.errorInfo.metadata.field]).toEqual(['INVALID_ARGUMENT', 'encoding']);
  });
});

describe('state dicts as safetensors', () => {
  it('a file written by one model loads into another, which then holds the same tensors', async () => {
    await client.createModel(s, { name: 'src', architecture: net, seed: 11 });
    await client.createModel(s, { name: 'dst', architecture: net, seed: 12 });
    const file = await client.call('parameters', 'GetStateDictSafetensors', { session_id: s.id, model: 'src' }, s);
    expect(file.safetensors.subarray(8, 9).toString()).toBe('{');
    const loaded = await client.call('parameters', 'PutStateDictSafetensors', { session_id: s.id, model: 'dst', safetensors: file.safetensors }, s);
    expect(loaded.missing_keys).toEqual([]);
    expect((await client.getStateDict(s, 'dst')).stateDict).toEqual((await client.getStateDict(s, 'src')).stateDict);
  });
});

describe('operations', () => {
  it('requests are counted in /metrics by service/method and status, beside REST', async () => {
    await client.forward(s, 'net', { input: X });
    await failure(client.getModel(s, 'absent'));
    const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(text).toMatch(/paramserve_request_duration_seconds_count\{transport="grpc",route="paramserve\.v1\.ComputeService\/Forward",method="POST",status="OK"\} [1-9]/);
    expect(text).toMatch(/paramserve_request_duration_seconds_count\{transport="grpc",route="paramserve\.v1\.ModelService\/GetModel",method="POST",status="NOT_FOUND"\} [1-9]/);
  });

  it('every call is logged once with its method, status and request id, never with the token', async () => {
    const { logger, lines } = memoryLogger();
    const transport = buildGrpcServer({ service: server.service, metrics: new Metrics(server.service.store, systemClock), logger });
    const port = await transport.listen('127.0.0.1', 0);
    const c = new GrpcClient(`127.0.0.1:${port}`);
    try {
      const mine = await c.createSession();
      await c.getSession(mine);
      const completed = lines.filter((l) => l.msg === 'rpc completed');
      expect(completed.map((l) => [l.rpc, l.code])).toEqual([
        ['paramserve.v1.SessionService/CreateSession', 'OK'],
        ['paramserve.v1.SessionService/GetSession', 'OK'],
      ]);
      expect(completed.every((l) => typeof l.reqId === 'string' && l.transport === 'grpc')).toBe(true);
      expect(JSON.stringify(lines)).not.toContain(mine.token);
    } finally {
      c.close();
      await transport.close();
    }
  });

  it('answers a request id in the response headers: the one given, or a new one', async () => {
    const stub = new (grpc.makeGenericClientConstructor({}, 'x'))(server.grpcAddress, grpc.credentials.createInsecure());
    const identity = (b: Buffer) => b;
    const headerOf = (metadata: grpc.Metadata) =>
      new Promise<string>((resolve) => {
        const call = stub.makeUnaryRequest('/paramserve.v1.SessionService/CreateSession', identity, identity, Buffer.alloc(0), metadata, () => undefined);
        call.on('metadata', (m: grpc.Metadata) => resolve(String(m.get('x-request-id')[0])));
      });
    const given = new grpc.Metadata();
    given.set('x-request-id', 'trace-42');
    expect(await headerOf(given)).toBe('trace-42');
    expect(await headerOf(new grpc.Metadata())).toMatch(/^[0-9a-f-]{36}$/);
    stub.close();
  });

  it('grpc.health.v1.Health answers SERVING for the server and each service, NOT_SERVING while draining', async () => {
    const health = healthClient(server.grpcAddress);
    try {
      for (const name of ['', ...SERVICE_NAMES]) expect(await healthCheck(health, name)).toBe('SERVING');
      server.grpc.setServing(false);
      expect(await healthCheck(health, '')).toBe('NOT_SERVING');
      expect(await healthCheck(health, 'paramserve.v1.ComputeService')).toBe('NOT_SERVING');
    } finally {
      server.grpc.setServing(true);
      health.close();
    }
    expect(await healthCheck(healthClient(server.grpcAddress), '')).toBe('SERVING');
  });

  it('server reflection lists the services and describes them so that every type resolves, as grpcurl needs', async () => {
    const list = await reflect(server.grpcAddress, { list_services: '' });
    const names = list.list_services_response.service.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining([...SERVICE_NAMES, 'grpc.health.v1.Health']));
    for (const symbol of [...SERVICE_NAMES, 'grpc.health.v1.Health', 'google.rpc.ErrorInfo']) {
      const described = await reflect(server.grpcAddress, { file_containing_symbol: symbol });
      const files = described.file_descriptor_response.file_descriptor_proto.map(decodeFileDescriptor);
      expect(unresolvedTypes(files[0], files), symbol).toEqual([]);
    }
    const compute = await reflect(server.grpcAddress, { file_containing_symbol: 'paramserve.v1.ComputeService' });
    const file = decodeFileDescriptor(compute.file_descriptor_response.file_descriptor_proto[0]);
    expect(file.package).toBe('paramserve.v1');
    expect(file.service.find((x: any) => x.name === 'ComputeService').method.map((m: any) => m.name)).toEqual(['Forward', 'Backward', 'ZeroGrad', 'Train', 'GetTrainingRun']);
    expect(file.messageType.map((m: any) => m.name)).toEqual(expect.arrayContaining(['Tensor', 'Module', 'Initializer', 'ForwardRequest']));
  });
});

/**
 * The message and enum types a file refers to that neither it nor the files it declares as
 * dependencies define: what makes grpcurl fail with "cannot resolve type" (grpc-node #3034).
 */
function unresolvedTypes(file: any, all: any[]): string[] {
  const defined = new Set<string>();
  const collect = (scope: string, messages: any[], enums: any[]) => {
    for (const e of enums) defined.add(`${scope}.${e.name}`);
    for (const m of messages) {
      defined.add(`${scope}.${m.name}`);
      collect(`${scope}.${m.name}`, m.nestedType, m.enumType);
    }
  };
  for (const f of [file, ...all.filter((x) => file.dependency.includes(x.name))]) collect(f.package, f.messageType, f.enumType);
  const missing: string[] = [];
  const resolve = (name: string, scope: string) => {
    if (name.startsWith('.')) return defined.has(name.slice(1));
    const parts = scope.split('.');
    for (let n = parts.length; n >= 0; n--) if (defined.has([...parts.slice(0, n), name].join('.'))) return true;
    return false;
  };
  const walk = (scope: string, messages: any[]) => {
    for (const m of messages) {
      for (const f of m.field) if (f.typeName !== '' && !resolve(f.typeName, `${scope}.${m.name}`)) missing.push(`${scope}.${m.name}.${f.name}: ${f.typeName}`);
      walk(`${scope}.${m.name}`, m.nestedType);
    }
  };
  walk(file.package, file.messageType);
  for (const svc of file.service)
    for (const m of svc.method) for (const t of [m.inputType, m.outputType]) if (!resolve(t, file.package)) missing.push(`${svc.name}.${m.name}: ${t}`);
  return missing;
}

describe('shutdown', () => {
  let transport: GrpcTransport;
  let address: string;

  /** A core whose forward waits until the test lets it go, to hold a call in flight. */
  let entered: () => void;
  let release: () => void;
  const inFlight = new Promise<void>((r) => (entered = r));
  const gate = new Promise<void>((r) => (release = r));

  beforeAll(async () => {
    const stub = {
      config: loadConfig({}),
      forward: async () => {
        entered();
        await gate;
        return { output: [[1]], shape: [1, 1], gradFn: null, repr: 'tensor([[1.]])', version: 1 };
      },
    } as unknown as ParamService;
    transport = buildGrpcServer({ service: stub, metrics: new Metrics({} as Store, systemClock), logger: false });
    address = `127.0.0.1:${await transport.listen('127.0.0.1', 0)}`;
  });

  it('lets a call in flight finish, tells Watch streams NOT_SERVING, then ends them and refuses new calls', async () => {
    const c = new GrpcClient(address);
    const watcher = healthClient(address);
    const seen: string[] = [];
    const watch = watcher.Watch({ service: '' });
    const watched = new Promise<void>((resolve) => {
      watch.on('data', (r: { status: string }) => {
        seen.push(r.status);
        if (r.status === 'NOT_SERVING') resolve();
      });
      watch.on('error', () => resolve());
    });
    const reply = c.forward({ id: 'x', token: 't' }, 'm', { input: [[1]] });
    await inFlight;

    let closed = false;
    const closing = transport.close().then(() => (closed = true));
    await watched;
    expect(seen).toEqual(['SERVING', 'NOT_SERVING']);
    const lateClient = new GrpcClient(address);
    const late = await failure(lateClient.createSession());
    lateClient.close();
    expect(late.status).toBe(grpc.status.UNAVAILABLE);
    expect(closed).toBe(false);

    release();
    expect((await reply).output).toEqual([[1]]);
    await closing;
    expect(closed).toBe(true);
    c.close();
    watcher.close();
  });
});
