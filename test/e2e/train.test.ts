import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.js';
import { HttpClient } from './support/http-client.js';
import type { ParamClient, Session } from './support/client.js';
import { TrainStream } from './train-stream.js';
import { golden, num, run, statsOf, statsVector, toleranceRatio, trainBody } from '../core/training/training-fixture.js';

/**
 * The chapter's training exercises over a listening server and real sockets
 * (S17, S19): the MLP with a shared layer trained with live statistics, a
 * frozen layer, and a client that disconnects mid-run.
 */
let server: TestServer;
let client: ParamClient;
let s: Session;

beforeAll(async () => {
  server = await startServer({ COMPUTE_WORKERS: '1', TRAIN_CHECKPOINT_STEPS: '25' });
  client = new HttpClient(server.httpUrl);
  s = await client.createSession();
});
afterAll(async () => server?.close());

const trainUrl = (name: string) => `${server.httpUrl}/v1/sessions/${s.id}/models/${encodeURIComponent(name)}/train`;
const createExercise = (name: string) => client.createModel(s, { name, architecture: golden.architecture, seed: golden.modelSeed });
const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [num(v as number)]);

async function stateOf(name: string): Promise<Record<string, { data: number[]; grad: number[] | null }>> {
  const out: Record<string, { data: number[]; grad: number[] | null }> = {};
  for (const p of (await client.listParameters(s, name)).parameters) {
    const view = await client.getParameter(s, name, p.name);
    out[p.name] = { data: flat(view.data), grad: view.grad === null ? null : flat(view.grad) };
  }
  return out;
}

async function statusOf(name: string): Promise<any> {
  const res = await fetch(trainUrl(name), { headers: { authorization: `Bearer ${s.token}` } });
  return res.json();
}

describe('S19: train an MLP with a shared layer and watch every layer while it trains', () => {
  it('streams PyTorch\'s losses and per-parameter statistics; the shared layer\'s gradient is the sum over both uses', async () => {
    await createExercise('s19');
    const g = run('sgd_momentum');
    const stream = await new TrainStream(trainUrl('s19'), s.token, trainBody(g)).open();
    expect(stream.status).toBe(200);
    const events = await stream.all();
    const steps = events.filter((e) => e.event === 'step').map((e) => e.data);
    expect(steps).toHaveLength(g.steps.length);
    expect(toleranceRatio(steps.map((d) => num(d.loss)), g.steps.map((x) => x.loss))).toBeLessThanOrEqual(1);
    steps.forEach((d, i) =>
      d.parameters.forEach((p: any, j: number) => {
        const want = g.steps[i].parameters[j];
        expect(p.name).toBe(want.name);
        expect(toleranceRatio(statsVector(p.value), statsVector(want.value)), `${p.name} at step ${i + 1}`).toBeLessThanOrEqual(1);
        expect(toleranceRatio(statsVector(p.grad), statsVector(want.grad!)), `${p.name} grad at step ${i + 1}`).toBeLessThanOrEqual(1);
      }),
    );
    const shared = statsVector(steps[0].parameters.find((p: any) => p.name === '2.weight').grad);
    expect(toleranceRatio(shared, statsOf(golden.sharedSplit.tied))).toBeLessThanOrEqual(1);
    for (const use of Object.values(golden.sharedSplit.uses)) expect(toleranceRatio(shared, statsOf(use))).toBeGreaterThan(100);
    const epochs = events.filter((e) => e.event === 'epoch').map((e) => num(e.data.loss));
    expect(toleranceRatio(epochs, g.epochLosses)).toBeLessThanOrEqual(1);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const stored = await stateOf('s19');
    for (const [name, want] of Object.entries(g.final)) expect(toleranceRatio(stored[name].data, want.data.map(num)), name).toBeLessThanOrEqual(1);
    for (const [name, want] of Object.entries(g.finalGrads)) expect(toleranceRatio(stored[name].grad!, want!.data.map(num)), name).toBeLessThanOrEqual(1);
    expect((await client.getModel(s, 's19')).version).toBe(done.data.version);
  });
});

describe('S17: a frozen layer over the wire', () => {
  it('is listed as frozen, gets no gradient and never moves while the rest trains', async () => {
    await createExercise('s17');
    const g = run('frozen_first_layer');
    for (const name of g.frozen!) await client.patchParameter(s, 's17', name, { requiresGrad: false });
    const listed = (await client.listParameters(s, 's17')).parameters;
    expect(listed.filter((p) => !p.requiresGrad).map((p) => p.name)).toEqual(g.frozen);
    const events = await (await new TrainStream(trainUrl('s17'), s.token, trainBody(g)).open()).all();
    for (const e of events.filter((x) => x.event === 'step'))
      for (const name of g.frozen!) expect(e.data.parameters.find((p: any) => p.name === name)).toMatchObject({ requiresGrad: false, grad: null });
    const stored = await stateOf('s17');
    for (const name of g.frozen!) {
      expect(stored[name].data).toEqual(golden.initial[name].data);
      expect(stored[name].grad).toBeNull();
    }
    for (const [name, want] of Object.entries(g.final)) expect(toleranceRatio(stored[name].data, want.data.map(num)), name).toBeLessThanOrEqual(1);
  });
});

describe('a client that disconnects mid-run', () => {
  it('cancels the run; the model holds, stored, exactly the state of a run of that many steps', async () => {
    await createExercise('cut');
    await createExercise('exact');
    const body = trainBody(run('adam'), { epochs: 1000, maxSteps: 4000 });
    const stream = await new TrainStream(trainUrl('cut'), s.token, body).open();
    let seen = 0;
    while (seen < 10) if ((await stream.next())!.event === 'step') seen += 1;
    // Meanwhile the model can be read, not written.
    expect((await client.getModel(s, 'cut')).name).toBe('cut');
    await expect(client.zeroGrad(s, 'cut')).rejects.toMatchObject({ status: 409, code: 'MODEL_BUSY' });
    stream.abort();

    let status = await statusOf('cut');
    for (let i = 0; i < 400 && status.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      status = await statusOf('cut');
    }
    expect(status).toMatchObject({ status: 'cancelled', error: { code: 'TRAINING_CANCELLED' } });
    // The stream is counted although fastify never saw it end: 499, a client that left.
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/paramserve_request_duration_seconds_count\{transport="http",route="\/v1\/sessions\/:sid\/models\/:name\/train",method="POST",status="499"\} [1-9]/);
    expect(status.steps).toBeGreaterThanOrEqual(10);
    expect(status.steps).toBeLessThan(4000);
    expect((await client.getModel(s, 'cut')).version).toBe(status.version);

    const exact = await fetch(trainUrl('exact'), {
      method: 'POST',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, maxSteps: status.steps }),
    });
    expect(exact.status).toBe(200);
    expect(((await exact.json()) as { steps: number }).steps).toBe(status.steps);
    expect(await stateOf('cut')).toEqual(await stateOf('exact'));
    // And the model is writable again.
    await expect(client.zeroGrad(s, 'cut')).resolves.toMatchObject({ version: status.version + 1 });
  });
});
