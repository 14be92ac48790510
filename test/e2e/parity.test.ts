import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.js';
import { HttpClient } from './support/http-client.js';
import { GrpcClient } from './support/grpc-client.js';
import { CallError, type ParamClient, type Session } from './support/client.js';

/**
 * One scenario table run over REST and gRPC against the same listening
 * server: every step gives the same answer on both (numbers bit for bit,
 * names, reprs, versions), and every failure the same `code`, with statuses
 * that correspond (HTTP status ↔ gRPC code). The chapter suite checks the
 * numbers against PyTorch over both transports; this checks the transports
 * against each other, errors included.
 */

const net = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }] };
const block = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 4 }, { type: 'ReLU' }] };
const rgnet = {
  type: 'Sequential',
  layers: [{ type: 'Sequential', layers: [0, 1, 2, 3].map((i) => ({ name: `block ${i}`, ...block })) }, { type: 'Linear', in_features: 4, out_features: 1 }],
};
const tiedNet = {
  type: 'Sequential',
  shared: { shared: { type: 'Linear', in_features: 8, out_features: 8 } },
  layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { ref: 'shared' }, { type: 'ReLU' }, { ref: 'shared' }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }],
};
const X = [
  [0.1, 0.2, 0.3, 0.4],
  [0.5, 0.6, 0.7, 0.8],
];
const mixture = {
  name: 'mixture',
  components: [
    { weight: 0.25, init: { name: 'uniform', a: 5, b: 10 } },
    { weight: 0.5, init: { name: 'constant', val: 0 } },
    { weight: 0.25, init: { name: 'uniform', a: -10, b: -5 } },
  ],
};

type Step = [string, (c: ParamClient, s: Session) => Promise<unknown>];

/** The chapter's cells (S1–S16) and the rest of the contract, in order, each step's answer compared across transports. */
const scenario: Step[] = [
  ['S1 create net (seed 0)', (c, s) => c.createModel(s, { name: 'net', architecture: net, seed: 0 })],
  ['S1 forward', (c, s) => c.forward(s, 'net', { input: X })],
  ['S2 state_dict of net[2]', (c, s) => c.getStateDict(s, 'net', '2')],
  ['S3 net[2].bias', (c, s) => c.getParameter(s, 'net', '2.bias')],
  ['S4 grad is None', (c, s) => c.getParameter(s, 'net', '2.weight')],
  ['S5 named_parameters of net[0]', (c, s) => c.listParameters(s, 'net', '0')],
  ['S5 named_parameters of net', (c, s) => c.listParameters(s, 'net')],
  ['S6 state_dict', (c, s) => c.getStateDict(s, 'net')],
  ['S7 create rgnet (seed 1)', (c, s) => c.createModel(s, { name: 'rgnet', architecture: rgnet, seed: 1 })],
  ['S7 forward rgnet', (c, s) => c.forward(s, 'rgnet', { input: X })],
  ['S8 print(rgnet)', (c, s) => c.getModel(s, 'rgnet')],
  ['S9 rgnet[0][1][0].bias by position', (c, s) => c.getParameter(s, 'rgnet', '0.1.0.bias')],
  ['S9 by name', (c, s) => c.getParameter(s, 'rgnet', '0.block 1.0.bias')],
  ['S9 by a negative position', (c, s) => c.getParameter(s, 'rgnet', '-1.weight')],
  ['S10 init_normal (seed 10)', (c, s) => c.initialize(s, 'net', { moduleTypes: ['Linear'], weight: { name: 'normal', mean: 0, std: 0.01 }, bias: { name: 'zeros' }, seed: 10 })],
  ['S10 state', (c, s) => c.getStateDict(s, 'net')],
  ['S11 init_constant', (c, s) => c.initialize(s, 'net', { moduleTypes: ['Linear'], weight: { name: 'constant', val: 1 }, bias: { name: 'zeros' } })],
  ['S12 xavier on net[0]', (c, s) => c.initialize(s, 'net', { module: '0', moduleTypes: ['Linear'], weight: { name: 'xavier_uniform' }, seed: 12 })],
  ['S12 42 on net[2]', (c, s) => c.initialize(s, 'net', { module: '2', weight: { name: 'constant', val: 42 } })],
  ['S12 state', (c, s) => c.getStateDict(s, 'net')],
  ['S13 my_init mixture (seed 13)', (c, s) => c.initialize(s, 'net', { moduleTypes: ['Linear'], weight: mixture, seed: 13 })],
  ['S13 state', (c, s) => c.getStateDict(s, 'net')],
  ['S14 w[:] += 1', (c, s) => c.patchParameter(s, 'net', '0.weight', { index: ':', op: 'add', value: 1 })],
  ['S14 w[0, 0] = 42', (c, s) => c.patchParameter(s, 'net', '0.weight', { index: '0, 0', op: 'set', value: 42 })],
  ['S14 w[..., 1] *= a row', (c, s) => c.patchParameter(s, 'net', '0.weight', { index: '..., 1', op: 'mul', value: [1, 2, 3, 4, 5, 6, 7, 8] })],
  ['S14 w[1:3, ::2] /= 2', (c, s) => c.patchParameter(s, 'net', '0.weight', { index: '1:3, ::2', op: 'div', value: 2 })],
  ['S15 create tied (seed 4)', (c, s) => c.createModel(s, { name: 'tied', architecture: tiedNet, seed: 4 })],
  ['S15 forward tied', (c, s) => c.forward(s, 'tied', { input: X })],
  ['S15 edit through 2.weight', (c, s) => c.patchParameter(s, 'tied', '2.weight', { index: '0, 0', op: 'set', value: 100 })],
  ['S15 read through 4.weight', (c, s) => c.getParameter(s, 'tied', '4.weight')],
  ['S15 state_dict keys', (c, s) => c.getStateDict(s, 'tied')],
  ['S16 backward (mse)', (c, s) => c.backward(s, 'tied', { input: X, loss: 'mse', target: [[1], [0]] })],
  ['S16 summed grad of the shared weight', (c, s) => c.getParameter(s, 'tied', '2.weight')],
  ['S16 grad of 0.weight', (c, s) => c.getParameter(s, 'tied', '0.weight')],
  ['backward from a grad_output accumulates', (c, s) => c.backward(s, 'tied', { input: X, gradOutput: [[0.5], [-2]] })],
  ['accumulated grad', (c, s) => c.getParameter(s, 'tied', '6.bias')],
  ['zero_grad', (c, s) => c.zeroGrad(s, 'tied')],
  ['grad is None again', (c, s) => c.getParameter(s, 'tied', '6.bias')],
  ['freeze 0.weight', (c, s) => c.patchParameter(s, 'tied', '0.weight', { requiresGrad: false })],
  ['backward (sum) past a frozen layer', (c, s) => c.backward(s, 'tied', { input: X, loss: 'sum' })],
  ['the frozen weight has no grad', (c, s) => c.getParameter(s, 'tied', '0.weight')],
  ['create a pair of 3x3 layers (seed 9)', (c, s) => c.createModel(s, { name: 'pair', architecture: { type: 'Sequential', layers: [{ type: 'Linear', in_features: 3, out_features: 3 }, { type: 'Linear', in_features: 3, out_features: 3 }] }, seed: 9 })],
  ['tie a parameter after creation', (c, s) => c.tie(s, 'pair', { parameter: '1.bias', to: '0.bias' })],
  ['tie a module after creation', (c, s) => c.tie(s, 'pair', { module: '1', to: '0' })],
  ['put a whole parameter', (c, s) => c.putParameter(s, 'pair', '0.bias', { data: [1, -2, 3] })],
  ['the tied module shows it', (c, s) => c.getParameter(s, 'pair', '1.bias')],
  ['non-finite values in and out', (c, s) => c.putParameter(s, 'pair', '0.weight', { data: [['NaN', 1, 0], [0, 'Infinity', 0], [0, 0, '-Infinity']] })],
  ['forward with non-finite weights', (c, s) => c.forward(s, 'pair', { input: [[1, 1, 1]] })],
  ['load_state_dict (strict)', async (c, s) => c.putStateDict(s, 'net', { stateDict: (await c.getStateDict(s, 'net')).stateDict })],
  ['load_state_dict (not strict, an extra key)', (c, s) => c.putStateDict(s, 'net', { stateDict: { '2.bias': [0.5], extra: [1] }, strict: false })],
  ['state after loading', (c, s) => c.getStateDict(s, 'net')],
  ['writes honour if_match', async (c, s) => c.zeroGrad(s, 'net', {}, { ifMatch: `"${(await c.getModel(s, 'net')).version}"` })],
  ['list models', (c, s) => c.listModels(s)],
  ['delete a model', (c, s) => c.deleteModel(s, 'pair')],
  ['the session lists what is left', async (c, s) => (await c.getSession(s)).models],
];

/** HTTP status → the gRPC codes that correspond to it (google.rpc.Code's HTTP mapping). */
const GRPC_FOR_HTTP: Record<number, number[]> = {
  400: [status.INVALID_ARGUMENT],
  401: [status.UNAUTHENTICATED],
  404: [status.NOT_FOUND],
  409: [status.ALREADY_EXISTS, status.ABORTED],
  412: [status.ABORTED],
  413: [status.RESOURCE_EXHAUSTED],
  422: [status.INVALID_ARGUMENT],
  429: [status.RESOURCE_EXHAUSTED],
};

type Failure = [string, string, (c: ParamClient, s: Session) => Promise<unknown>];

/** The same failure on both transports: the expected code, and statuses that correspond. */
const failures: Failure[] = [
  ['unknown session', 'SESSION_NOT_FOUND', (c, s) => c.getModel({ id: '00000000-0000-4000-8000-000000000000', token: s.token }, 'net')],
  ['wrong token', 'SESSION_NOT_FOUND', (c, s) => c.withToken('not-the-token').getModel(s, 'net')],
  ['missing token', 'UNAUTHENTICATED', (c, s) => c.withToken(null).forward(s, 'net', { input: X })],
  ['unknown model', 'MODEL_NOT_FOUND', (c, s) => c.getModel(s, 'nope')],
  ['bad parameter path', 'PARAMETER_NOT_FOUND', (c, s) => c.getParameter(s, 'net', '7.weight')],
  ['bad module path', 'MODULE_NOT_FOUND', (c, s) => c.listParameters(s, 'net', '0.9')],
  ['bad index string', 'INVALID_INDEX', (c, s) => c.patchParameter(s, 'net', '0.weight', { index: 'None', op: 'set', value: 0 })],
  ['index out of range', 'INDEX_OUT_OF_RANGE', (c, s) => c.patchParameter(s, 'net', '0.weight', { index: '8, 0', op: 'set', value: 0 })],
  ['shape mismatch (put)', 'SHAPE_MISMATCH', (c, s) => c.putParameter(s, 'net', '0.bias', { data: [1, 2] })],
  ['shape mismatch (forward)', 'SHAPE_MISMATCH', (c, s) => c.forward(s, 'net', { input: [[1, 2, 3]] })],
  ['limit exceeded (tensor elements)', 'LIMIT_EXCEEDED', (c, s) => c.forward(s, 'net', { input: new Array(300).fill([1, 2, 3, 4]) })],
  ['limit exceeded (model parameters)', 'LIMIT_EXCEEDED', (c, s) => c.createModel(s, { name: 'huge', architecture: { type: 'Linear', in_features: 100000, out_features: 100000 } })],
  ['version mismatch', 'VERSION_MISMATCH', (c, s) => c.patchParameter(s, 'net', '0.bias', { op: 'add', value: 1 }, { ifMatch: '"999"' })],
  ['version mismatch on delete', 'VERSION_MISMATCH', (c, s) => c.deleteModel(s, 'net', { ifMatch: '"999"' })],
  ['unknown layer type', 'UNKNOWN_MODULE_TYPE', (c, s) => c.createModel(s, { name: 'conv', architecture: { type: 'Conv2d' } })],
  ['ill-typed keyword', 'INVALID_ARCHITECTURE', (c, s) => c.createModel(s, { name: 'bad', architecture: { type: 'Linear', in_features: 0, out_features: 2 } })],
  ['model exists', 'MODEL_EXISTS', (c, s) => c.createModel(s, { name: 'net', architecture: net })],
  ['unknown initializer', 'UNKNOWN_INITIALIZER', (c, s) => c.initialize(s, 'net', { weight: { name: 'he' } })],
  ['mixture weights not summing to 1', 'INVALID_INITIALIZER', (c, s) => c.initialize(s, 'net', { weight: { ...mixture, components: mixture.components.slice(1) } })],
  ['loss and grad_output together', 'INVALID_ARGUMENT', (c, s) => c.backward(s, 'net', { input: X, loss: 'sum', gradOutput: [[1], [1]] })],
  ['a loss without its target', 'INVALID_ARGUMENT', (c, s) => c.backward(s, 'net', { input: X, loss: 'mse' })],
  ['tie of different shapes', 'TIE_MISMATCH', (c, s) => c.tie(s, 'net', { module: '2', to: '0' })],
  ['strict load with a missing key', 'STATE_DICT_MISMATCH', (c, s) => c.putStateDict(s, 'net', { stateDict: { '0.bias': new Array(8).fill(0) } })],
  ['edit with an unknown op', 'INVALID_ARGUMENT', (c, s) => c.patchParameter(s, 'net', '0.bias', { op: 'pow', value: 2 })],
];

/** `gradOutput.data` → `grad_output.data`: REST's camelCase body names as the proto spells them. */
const snakeHead = (field: string) => (field === 'If-Match' ? 'if_match' : field.replace(/^[A-Za-z]+/, (head) => head.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));

let server: TestServer;
let http: HttpClient;
let grpcClient: GrpcClient;
const clients = (): ParamClient[] => [http, grpcClient];

beforeAll(async () => {
  server = await startServer({ MAX_TENSOR_ELEMENTS: '1000' });
  http = new HttpClient(server.httpUrl);
  grpcClient = new GrpcClient(server.grpcAddress);
});
afterAll(async () => {
  grpcClient?.close();
  await server?.close();
});

/** What is expected to differ between two sessions: nothing but the session's own identity and expiry. */
const comparable = (r: unknown): unknown => JSON.parse(JSON.stringify(r ?? null));

describe('the scenario over REST and over gRPC', () => {
  const answers = new Map<string, unknown[]>();

  beforeAll(async () => {
    for (const c of clients()) {
      const s = await c.createSession();
      for (const [name, step] of scenario) {
        const answer = await step(c, s).catch((e: unknown) => (e instanceof CallError ? { failed: e.code } : Promise.reject(e)));
        answers.set(name, [...(answers.get(name) ?? []), comparable(answer)]);
      }
    }
  }, 120_000);

  it.each(scenario.map(([name]) => [name]))('%s: the same answer on both', (name) => {
    const [viaRest, viaGrpc] = answers.get(name)!;
    expect(viaGrpc).toEqual(viaRest);
  });

  it('really ran: every step answered without failing', () => {
    const failed = [...answers.entries()].filter(([, [viaRest]]) => typeof viaRest === 'object' && viaRest !== null && 'failed' in viaRest).map(([name]) => name);
    expect(failed).toEqual([]);
    expect((answers.get('S1 forward')![0] as any).shape).toEqual([2, 1]);
  });
});

describe('the same failure, the same code, on both', () => {
  const sessions = new Map<ParamClient, Session>();

  beforeAll(async () => {
    for (const c of clients()) {
      const s = await c.createSession();
      await c.createModel(s, { name: 'net', architecture: net, seed: 0 });
      sessions.set(c, s);
    }
  });

  it.each(failures.map(([name, code, call]) => [name, code, call] as const))('%s → %s', async (_name, code, call) => {
    const errors: CallError[] = [];
    for (const c of clients()) {
      const s = sessions.get(c)!;
      const before = await c.getStateDict(s, 'net');
      try {
        await call(c, s);
        throw new Error(`${c.transport}: the call succeeded`);
      } catch (e) {
        if (!(e instanceof CallError)) throw e;
        errors.push(e);
      }
      expect((await c.getStateDict(s, 'net')).stateDict, `${c.transport} left the model unchanged`).toEqual(before.stateDict);
    }
    const [viaRest, viaGrpc] = errors;
    expect({ rest: viaRest.code, grpc: viaGrpc.code }).toEqual({ rest: code, grpc: code });
    expect(GRPC_FOR_HTTP[viaRest.status]).toContain(viaGrpc.status);
    // The field at fault, where REST names one, is the same field in the proto's spelling.
    const restField = (viaRest.body as any).field;
    if (typeof restField === 'string') expect((viaGrpc.body as any).details.errorInfo.metadata.field).toBe(snakeHead(restField));
  });
});
