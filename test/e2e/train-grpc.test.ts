import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.js';
import { GrpcClient, statusDetails, tensorOf } from './support/grpc-client.js';
import { HttpClient } from './support/http-client.js';
import type { ParamClient, Session } from './support/client.js';
import { golden, num, run, statsOf, toleranceRatio, trainBody, type GoldenRun } from '../core/training/training-fixture.js';

/**
 * ComputeService.Train over a real gRPC socket, with a client built from the
 * committed protos alone: the same training as REST's stream (S17, S19), a
 * cancelled call that leaves the model at its last completed step, and the
 * errors as statuses with ErrorInfo reasons.
 */
const PROTO_DIR = fileURLToPath(new URL('../../proto/', import.meta.url));
const api = (grpc.loadPackageDefinition(
  loadSync(['paramserve/v1/compute.proto'], { includeDirs: [PROTO_DIR], keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, arrays: true }),
) as any).paramserve.v1;

let server: TestServer;
let grpcClient: GrpcClient;
let http: ParamClient;
let compute: any;
let s: Session;

beforeAll(async () => {
  server = await startServer({ COMPUTE_WORKERS: '1', TRAIN_CHECKPOINT_STEPS: '25' });
  grpcClient = new GrpcClient(server.grpcAddress);
  http = new HttpClient(server.httpUrl);
  compute = new api.ComputeService(server.grpcAddress, grpc.credentials.createInsecure());
  s = await grpcClient.createSession();
});
afterAll(async () => {
  compute?.close();
  grpcClient?.close();
  await server?.close();
});

const metadata = () => {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${s.token}`);
  return m;
};

/** REST's request body as a TrainRequest. */
function request(model: string, body: Record<string, any>): any {
  const loss = `LOSS_${String(body.loss).toUpperCase()}`;
  return {
    session_id: s.id,
    model,
    optimizer: body.optimizer,
    loss,
    inputs: tensorOf(body.inputs),
    targets: tensorOf(body.targets),
    epochs: body.epochs,
    batch_size: body.batchSize,
    shuffle: body.shuffle,
    seed: body.seed,
    observe: body.observe,
    max_steps: body.maxSteps,
  };
}

/** Every event of a Train call, or the status it ended with. */
function train(req: any): { call: grpc.ClientReadableStream<any>; events: any[]; ended: Promise<grpc.ServiceError | null> } {
  const call = compute.Train(req, metadata());
  const events: any[] = [];
  call.on('data', (e: any) => events.push(e));
  const ended = new Promise<grpc.ServiceError | null>((resolve) => {
    call.on('error', (e: grpc.ServiceError) => resolve(e));
    call.on('end', () => resolve(null));
  });
  return { call, events, ended };
}

const getRun = (model: string) => grpcClient.call('compute', 'GetTrainingRun', { session_id: s.id, model }, s);
const createExercise = (name: string) => grpcClient.createModel(s, { name, architecture: golden.architecture, seed: golden.modelSeed });

async function state(name: string): Promise<unknown> {
  return (await http.getStateDict(s, name)).stateDict;
}

describe('S19 over gRPC', () => {
  it('streams the events REST streams, with PyTorch\'s numbers, and stores the same model', async () => {
    const g: GoldenRun = run('sgd_momentum');
    await createExercise('g19');
    await http.createModel(s, { name: 'r19', architecture: golden.architecture, seed: golden.modelSeed });
    const { events, ended } = train(request('g19', trainBody(g)));
    expect(await ended).toBeNull();
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.event)).toEqual([...g.steps.flatMap((_, i) => ((i + 1) % 4 === 0 ? ['step', 'epoch'] : ['step'])), 'done']);
    const steps = events.filter((e) => e.event === 'step').map((e) => e.step);
    expect(toleranceRatio(steps.map((x) => x.loss), g.steps.map((x) => x.loss))).toBeLessThanOrEqual(1);
    const shared = steps[0].parameters.find((p: any) => p.name === '2.weight').grad;
    expect(toleranceRatio([shared.norm, shared.mean, shared.std, shared.min, shared.max], statsOf(golden.sharedSplit.tied))).toBeLessThanOrEqual(1);
    const done = events.at(-1).done;
    expect(done).toMatchObject({ status: 'completed', steps: 16, epochs: 4 });
    expect((await grpcClient.getModel(s, 'g19')).version).toBe(done.version);
    // REST, fed the same request, stores the very same model.
    const res = await fetch(`${server.httpUrl}/v1/sessions/${s.id}/models/r19/train`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(trainBody(g)),
    });
    expect(res.status).toBe(200);
    expect(await state('g19')).toEqual(await state('r19'));
  });

  it('S17: a frozen layer is reported without a gradient and never moves', async () => {
    const g = run('frozen_first_layer');
    await createExercise('g17');
    for (const name of g.frozen!) await grpcClient.patchParameter(s, 'g17', name, { requiresGrad: false });
    const { events, ended } = train(request('g17', trainBody(g)));
    expect(await ended).toBeNull();
    for (const e of events.filter((x) => x.event === 'step'))
      for (const name of g.frozen!) expect(e.step.parameters.find((p: any) => p.name === name)).toMatchObject({ requires_grad: false, grad: null });
    const stored = (await state('g17')) as Record<string, { data: unknown }>;
    for (const name of g.frozen!) expect([stored[name].data].flat(2).map((v) => num(v as number))).toEqual(golden.initial[name].data);
  });
});

describe('a cancelled Train call', () => {
  it('cancels the run: the model holds, stored, exactly the state of a run of that many steps', async () => {
    await createExercise('gcut');
    await createExercise('gexact');
    const body = trainBody(run('adam'), { epochs: 1000, maxSteps: 4000 });
    const { call, events, ended } = train(request('gcut', body));
    await new Promise<void>((resolve) => {
      const check = () => {
        if (events.filter((e) => e.event === 'step').length >= 10) {
          call.off('data', check);
          resolve();
        }
      };
      call.on('data', check);
    });
    const busy = await grpcClient.zeroGrad(s, 'gcut').catch((e) => e);
    expect([busy.status, busy.code]).toEqual([grpc.status.ABORTED, 'MODEL_BUSY']);
    call.cancel();
    expect((await ended)?.code).toBe(grpc.status.CANCELLED);

    let status = await getRun('gcut');
    for (let i = 0; i < 400 && status.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = await getRun('gcut');
    }
    expect(status).toMatchObject({ status: 'cancelled', error_code: 'TRAINING_CANCELLED' });
    expect(status.steps).toBeGreaterThanOrEqual(10);
    expect(status.steps).toBeLessThan(4000);
    expect((await grpcClient.getModel(s, 'gcut')).version).toBe(status.version);

    const exact = train(request('gexact', { ...body, maxSteps: status.steps }));
    expect(await exact.ended).toBeNull();
    expect(exact.events.at(-1).done.steps).toBe(status.steps);
    expect(await state('gcut')).toEqual(await state('gexact'));
  });
});

describe('Train errors', () => {
  it('are the call\'s status before any event, with the REST code as ErrorInfo reason and the proto field name', async () => {
    await createExercise('gbad');
    const cases: [Record<string, unknown>, grpc.status, string, string][] = [
      [{ optimizer: { name: 'rmsprop', lr: 0.1 } }, grpc.status.INVALID_ARGUMENT, 'UNKNOWN_OPTIMIZER', 'optimizer'],
      [{ batchSize: 0 }, grpc.status.INVALID_ARGUMENT, 'INVALID_ARGUMENT', 'batch_size'],
      [{ targets: [[1], [2]] }, grpc.status.INVALID_ARGUMENT, 'SHAPE_MISMATCH', 'targets'],
      [{ loss: 'sum' }, grpc.status.INVALID_ARGUMENT, 'UNKNOWN_LOSS', 'loss'],
    ];
    for (const [change, code, reason, field] of cases) {
      const { events, ended } = train(request('gbad', { ...trainBody(run('adam')), ...change }));
      const e = await ended;
      expect(events).toEqual([]);
      expect(e?.code).toBe(code);
      const details = statusDetails(e!.metadata);
      expect(details?.errorInfo).toMatchObject({ reason, metadata: { field } });
    }
    const missing = await grpcClient.call('compute', 'GetTrainingRun', { session_id: s.id, model: 'gbad' }, s).catch((e) => e);
    expect([missing.status, missing.code]).toEqual([grpc.status.NOT_FOUND, 'TRAINING_RUN_NOT_FOUND']);
  });
});
