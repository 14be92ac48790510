import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import { fileURLToPath } from 'node:url';
import { CallError, type ParamClient, type Session, type WriteOpts } from './client.js';

/**
 * The gRPC client: what another service would write against the committed
 * protos, with @grpc/grpc-js and the loader. It speaks REST's JSON shapes to
 * the scenario tables (client.ts) and maps them to and from protobuf itself,
 * without the server's mapping code, so the two transports are compared
 * through independent code paths. Failures become CallError(status = the gRPC
 * code, code = google.rpc.ErrorInfo.reason from `grpc-status-details-bin`).
 */

const PROTO_DIR = fileURLToPath(new URL('../../../proto/', import.meta.url));
const FILES = ['paramserve/v1/sessions.proto', 'paramserve/v1/models.proto', 'paramserve/v1/parameters.proto', 'paramserve/v1/compute.proto'];

const definition = loadSync(FILES, { includeDirs: [PROTO_DIR], keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, arrays: true });
const api = (grpc.loadPackageDefinition(definition) as any).paramserve.v1;

/** google.rpc.Status and ErrorInfo, decoded with protobufjs from the committed googleapis protos. */
const rpcRoot = new protobuf.Root().loadSync([`${PROTO_DIR}google/rpc/status.proto`, `${PROTO_DIR}google/rpc/error_details.proto`], { keepCase: true });
const StatusType = rpcRoot.lookupType('google.rpc.Status');
const ErrorInfoType = rpcRoot.lookupType('google.rpc.ErrorInfo');

export interface DecodedStatus {
  code: number;
  message: string;
  errorInfo: { reason: string; domain: string; metadata: Record<string, string> } | null;
}

/** The `grpc-status-details-bin` trailer of a failed call, decoded; null when absent. */
export function statusDetails(metadata: grpc.Metadata | undefined): DecodedStatus | null {
  const raw = metadata?.get('grpc-status-details-bin')[0];
  if (!Buffer.isBuffer(raw)) return null;
  const status = StatusType.toObject(StatusType.decode(raw), { defaults: true }) as { code: number; message: string; details: { type_url: string; value: Uint8Array }[] };
  const any = status.details.find((d) => d.type_url === 'type.googleapis.com/google.rpc.ErrorInfo');
  const errorInfo = any === undefined ? null : (ErrorInfoType.toObject(ErrorInfoType.decode(any.value), { defaults: true, objects: true }) as DecodedStatus['errorInfo']);
  return { code: status.code, message: status.message, errorInfo };
}

// ---- REST JSON → protobuf ----

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
const num = (v: unknown): number => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : (v as number));

function shapeOf(nested: unknown): number[] {
  const shape: number[] = [];
  for (let v = nested; Array.isArray(v); v = v[0]) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  return shape;
}

/** A REST tensor (nested arrays, a number, {shape, data} or {shape, base64}) as paramserve.v1.Tensor. */
export function tensorOf(json: unknown): any {
  if (json === undefined || json === null) return undefined;
  if (typeof json === 'object' && !Array.isArray(json)) {
    const t = json as { shape: number[]; data?: unknown; base64?: string };
    if (typeof t.base64 === 'string') return { shape: t.shape, raw: Buffer.from(t.base64, 'base64') };
    return { shape: t.shape, data: (Array.isArray(t.data) ? t.data.flat(Infinity) : [t.data]).map(num) };
  }
  return { shape: shapeOf(json), data: (Array.isArray(json) ? json.flat(Infinity) : [json]).map(num) };
}

/** An architecture spec as paramserve.v1.Module: the same keys, `shared` as an ordered list. */
export function moduleOf(json: any): any {
  const out: any = { ...json };
  if (Array.isArray(json.layers)) out.layers = json.layers.map(moduleOf);
  if (json.shared !== undefined) out.shared = Object.entries(json.shared).map(([name, m]) => ({ name, module: moduleOf(m) }));
  return out;
}

function initializerOf(json: any): any {
  if (json === undefined || json === null) return undefined;
  const out: any = { ...json };
  if (Array.isArray(json.components)) out.components = json.components.map((c: any) => ({ weight: c.weight, init: initializerOf(c.init) }));
  return out;
}

const LOSSES: Record<string, string> = {
  sum: 'LOSS_SUM',
  mean: 'LOSS_MEAN',
  mse: 'LOSS_MSE',
  l1: 'LOSS_L1',
  cross_entropy: 'LOSS_CROSS_ENTROPY',
  bce_with_logits: 'LOSS_BCE_WITH_LOGITS',
};
/** Sent for a loss name the enum lacks, so the server (not this client) refuses it. */
const UNKNOWN_ENUM_VALUE = 99;

// ---- protobuf → REST JSON ----

const jsonNumber = (v: number): number | string => (Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity');

/** paramserve.v1.Tensor as REST's nested arrays (a scalar as a number). */
export function nestedOf(t: any): unknown {
  const values: number[] = t.raw.length > 0 ? Array.from(new Float32Array(Uint8Array.from(t.raw).buffer)) : t.data;
  const shape: number[] = t.shape;
  if (shape.length === 0) return jsonNumber(values[0]);
  let k = 0;
  const build = (dim: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < shape[dim]; i++) out.push(dim === shape.length - 1 ? jsonNumber(values[k++]) : build(dim + 1));
    return out;
  };
  return build(0);
}

/** A set proto3 `optional` field is an own key; the loader's virtual `_name` oneof keys are not the spec's. */
function specOf(m: any): any {
  const out: any = {};
  for (const [key, value] of Object.entries(m)) {
    if (key.startsWith('_') || value === undefined || key === 'layers' || key === 'shared' || key === 'ties') continue;
    out[key] = value;
  }
  if (m.layers.length > 0 || m.type === 'Sequential') out.layers = m.layers.map(specOf);
  if (m.shared.length > 0) out.shared = Object.fromEntries(m.shared.map((s: any) => [s.name, specOf(s.module)]));
  if (m.ties.length > 0) out.ties = m.ties.map((t: any) => ({ parameter: t.parameter, to: t.to }));
  return out;
}

const infoOf = (p: any) => ({ name: p.name, shape: p.shape, requiresGrad: p.requires_grad });

function modelOf(m: any): any {
  return {
    name: m.name,
    version: m.version,
    architecture: specOf(m.architecture),
    summary: m.summary,
    parameters: m.parameters.map(infoOf),
    parameterCount: m.parameter_count,
    training: m.training,
  };
}

function parameterOf(p: any): any {
  const out: any = {
    name: p.name,
    shape: p.shape,
    dtype: p.dtype,
    requiresGrad: p.requires_grad,
    data: nestedOf(p.data),
    grad: p.grad === null ? null : nestedOf(p.grad),
    repr: p.repr,
    version: p.version,
  };
  if (p.tied_to !== undefined) out.tiedTo = p.tied_to;
  return out;
}

const loadResultOf = (r: any) => ({ version: r.version, missingKeys: r.missing_keys, unexpectedKeys: r.unexpected_keys });

/** Every call is bounded: a hung server fails the test instead of hanging it. */
const DEADLINE_MS = 60_000;

export class GrpcClient implements ParamClient {
  readonly transport = 'grpc' as const;
  private readonly stubs: { sessions: any; models: any; parameters: any; compute: any };

  constructor(
    readonly address: string,
    private readonly tokenOverride: { token: string | null } | null = null,
    private readonly channel: grpc.Channel = new grpc.Channel(address, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': -1,
      'grpc.max_send_message_length': -1,
    }),
  ) {
    const stub = (Service: any) => new Service(address, grpc.credentials.createInsecure(), { channelOverride: channel });
    this.stubs = { sessions: stub(api.SessionService), models: stub(api.ModelService), parameters: stub(api.ParameterService), compute: stub(api.ComputeService) };
  }

  withToken(token: string | null): ParamClient {
    return new GrpcClient(this.address, { token }, this.channel);
  }

  close(): void {
    this.channel.close();
  }

  /** One unary call; `session` supplies the bearer token unless this client was made withToken. */
  call(service: keyof GrpcClient['stubs'], method: string, request: unknown, session: Session | null): Promise<any> {
    const metadata = new grpc.Metadata();
    const token = this.tokenOverride !== null ? this.tokenOverride.token : session?.token;
    if (token !== null && token !== undefined) metadata.set('authorization', `Bearer ${token}`);
    return new Promise((resolve, reject) => {
      this.stubs[service][method](request, metadata, { deadline: Date.now() + DEADLINE_MS }, (err: grpc.ServiceError | null, res: unknown) => {
        if (err === null) return resolve(res);
        const status = statusDetails(err.metadata);
        reject(new CallError(err.code, status?.errorInfo?.reason ?? grpc.status[err.code], err.details, { status: err.code, details: status }));
      });
    });
  }

  private m(s: Session, name: string) {
    return { session_id: s.id, model: name };
  }

  createSession = async () => {
    const r = await this.call('sessions', 'CreateSession', {}, null);
    return { id: r.id, token: r.token, expiresAt: r.expires_at };
  };

  getSession = async (s: Session) => {
    const r = await this.call('sessions', 'GetSession', { session_id: s.id }, s);
    return { id: r.id, expiresAt: r.expires_at, models: r.models };
  };

  deleteSession = async (s: Session) => {
    await this.call('sessions', 'DeleteSession', { session_id: s.id }, s);
  };

  createModel = async (s: Session, body: { name: string; architecture: unknown; seed?: number }) =>
    modelOf(await this.call('models', 'CreateModel', { session_id: s.id, name: body.name, architecture: moduleOf(body.architecture), seed: body.seed }, s));

  getModel = async (s: Session, name: string) => modelOf(await this.call('models', 'GetModel', this.m(s, name), s));

  listModels = async (s: Session) => {
    const r = await this.call('models', 'ListModels', { session_id: s.id }, s);
    return { models: r.models.map((m: any) => ({ name: m.name, version: m.version, parameterCount: m.parameter_count })) };
  };

  deleteModel = async (s: Session, name: string, opts: WriteOpts = {}) => {
    await this.call('models', 'DeleteModel', { ...this.m(s, name), if_match: opts.ifMatch }, s);
  };

  listParameters = async (s: Session, name: string, module?: string) => {
    const r = await this.call('parameters', 'ListParameters', { ...this.m(s, name), module }, s);
    return { parameters: r.parameters.map(infoOf) };
  };

  getParameter = async (s: Session, name: string, param: string) =>
    parameterOf(await this.call('parameters', 'GetParameter', { ...this.m(s, name), parameter: param }, s));

  putParameter = async (s: Session, name: string, param: string, body: { data: unknown }, opts: WriteOpts = {}) =>
    parameterOf(await this.call('parameters', 'PutParameter', { ...this.m(s, name), parameter: param, data: tensorOf(body.data), if_match: opts.ifMatch }, s));

  patchParameter = async (s: Session, name: string, param: string, body: Record<string, unknown>, opts: WriteOpts = {}) => {
    const request: any = { ...this.m(s, name), parameter: param, index: body.index, if_match: opts.ifMatch, requires_grad: body.requiresGrad };
    if (typeof body.op === 'string') request.op = `EDIT_OP_${body.op.toUpperCase()}`;
    if (typeof body.value === 'number' || typeof body.value === 'string') request.scalar = num(body.value);
    else if (body.value !== undefined) request.tensor = tensorOf(body.value);
    return parameterOf(await this.call('parameters', 'PatchParameter', request, s));
  };

  getStateDict = async (s: Session, name: string, module?: string) => {
    const r = await this.call('parameters', 'GetStateDict', { ...this.m(s, name), module }, s);
    return { stateDict: Object.fromEntries(r.state_dict.map((e: any) => [e.key, { shape: e.value.shape, dtype: e.value.dtype, data: nestedOf(e.value) }])) };
  };

  putStateDict = async (s: Session, name: string, body: { stateDict: Record<string, unknown>; strict?: boolean }, opts: WriteOpts = {}) => {
    const state_dict = Object.entries(body.stateDict).map(([key, value]) => ({ key, value: tensorOf(value) }));
    return loadResultOf(await this.call('parameters', 'PutStateDict', { ...this.m(s, name), state_dict, strict: body.strict, if_match: opts.ifMatch }, s));
  };

  initialize = async (s: Session, name: string, body: Record<string, any>, opts: WriteOpts = {}) => {
    const request = {
      ...this.m(s, name),
      module: body.module,
      module_types: body.moduleTypes,
      weight: initializerOf(body.weight),
      bias: initializerOf(body.bias),
      seed: body.seed,
      if_match: opts.ifMatch,
    };
    const r = await this.call('parameters', 'Initialize', request, s);
    return { version: r.version, initialized: r.initialized };
  };

  tie = async (s: Session, name: string, body: Record<string, unknown>, opts: WriteOpts = {}) =>
    modelOf(await this.call('models', 'Tie', { ...this.m(s, name), module: body.module, parameter: body.parameter, to: body.to, if_match: opts.ifMatch }, s));

  forward = async (s: Session, name: string, body: Record<string, unknown>) => {
    const r = await this.call('compute', 'Forward', { ...this.m(s, name), input: tensorOf(body.input), seed: body.seed }, s);
    return { output: nestedOf(r.output), shape: r.shape, gradFn: r.grad_fn ?? null, repr: r.repr, version: r.version };
  };

  backward = async (s: Session, name: string, body: Record<string, unknown>, opts: WriteOpts = {}) => {
    const loss = typeof body.loss === 'string' ? (LOSSES[body.loss] ?? UNKNOWN_ENUM_VALUE) : undefined;
    const request = { ...this.m(s, name), input: tensorOf(body.input), loss, target: tensorOf(body.target), grad_output: tensorOf(body.gradOutput), seed: body.seed, if_match: opts.ifMatch };
    const r = await this.call('compute', 'Backward', request, s);
    return { loss: r.loss === undefined ? null : jsonNumber(r.loss), version: r.version };
  };

  zeroGrad = async (s: Session, name: string, body: Record<string, unknown> = {}, opts: WriteOpts = {}) => {
    const r = await this.call('compute', 'ZeroGrad', { ...this.m(s, name), set_to_none: body.setToNone, if_match: opts.ifMatch }, s);
    return { version: r.version };
  };
}
