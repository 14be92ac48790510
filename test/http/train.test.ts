import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParamService, SqliteStore, systemClock } from '../../src/core/index.js';
import { buildTestApp, createNet, modelUrl, newSession, problem, type SessionCreds, type TestApp } from './support/app.js';
import { parseSse } from './train-sse.js';
import { golden, num, run, toleranceRatio, trainBody } from '../core/training/training-fixture.js';
import { drain } from '../core/training/run-harness.js';

/**
 * `POST {m}/train` and `GET {m}/train` over REST (inject, no socket): the
 * request checked field by field before anything starts, the JSON summary,
 * the Server-Sent Events stream, and the errors a run can end with.
 */
let t: TestApp;
let s: SessionCreds;
const url = (name = 'net', rest = '/train') => modelUrl(s, name, rest);
const exercise = () => createNet(t, s, 'net', golden.architecture, golden.modelSeed);
const post = (payload: unknown, headers: Record<string, string> = {}, name = 'net') =>
  t.inject({ method: 'POST', url: url(name), headers: { ...s.auth, ...headers }, payload: payload as object });

beforeAll(async () => {
  t = await buildTestApp({ env: { TRAIN_CHECKPOINT_STEPS: '4', MAX_RUNS_PER_SESSION: '1', MAX_TRAIN_STEPS: '10000', SQLITE_SHARED: 'true' } });
  s = await newSession(t);
  await exercise();
});
afterAll(async () => t?.close());

describe('POST {m}/train refuses a bad request before anything starts', () => {
  const good = trainBody(run('sgd_momentum'));
  const without = (key: string) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));
  it.each([
    ['no optimizer', 400, 'optimizer', without('optimizer')],
    ['no targets', 400, 'targets', without('targets')],
    ['epochs 0', 400, 'epochs', { ...good, epochs: 0 }],
    ['batchSize as a string', 400, 'batchSize', { ...good, batchSize: '6' }],
    ['a loss that needs no target', 400, 'loss', { ...good, loss: 'sum' }],
    ['an unknown field', 400, 'lr', { ...good, lr: 0.1 }],
    ['observe.every 0', 400, 'observe.every', { ...good, observe: { every: 0 } }],
    ['an unknown observe field', 400, 'observe.grads', { ...good, observe: { every: 1, grads: true } }],
    ['an unknown optimizer', 422, 'optimizer', { ...good, optimizer: { name: 'rmsprop', lr: 0.1 } }],
    ['an unknown optimizer keyword', 422, 'optimizer.beta', { ...good, optimizer: { name: 'sgd', lr: 0.1, beta: 0.9 } }],
    ['betas that are not a pair', 422, 'optimizer.betas', { ...good, optimizer: { name: 'adam', betas: [0.9] } }],
    ['nesterov with dampening', 422, 'optimizer.nesterov', { ...good, optimizer: { name: 'sgd', lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true } }],
    ['sgd without lr', 422, 'optimizer.lr', { ...good, optimizer: { name: 'sgd' } }],
    ['fewer target rows than inputs', 422, 'targets', { ...good, targets: [[1], [2]] }],
    ['inputs of the wrong width', 422, 'inputs', { ...good, inputs: Array.from({ length: 22 }, () => [1, 2]) }],
    ['a base64 input of the wrong length', 422, 'inputs.base64', { ...good, inputs: { shape: [22, 4], base64: 'AAAA' } }],
    ['more steps than MAX_TRAIN_STEPS', 422, 'epochs', { ...good, epochs: 3000 }],
  ] as const)('%s: %i naming %s', async (_label, status, field, body) => {
    const r = await post(body);
    expect(r.statusCode).toBe(status);
    expect(problem(r).field).toBe(field);
    expect((await t.inject({ method: 'GET', url: url('net', ''), headers: s.auth })).json().version).toBe(1);
  });

  it('401 without a token, 404 for an unknown model, 412 on an If-Match mismatch', async () => {
    expect((await t.inject({ method: 'POST', url: url(), payload: good })).statusCode).toBe(401);
    expect(problem(await post(good, {}, 'nope')).code).toBe('MODEL_NOT_FOUND');
    const r = await post(good, { 'if-match': '"7"' });
    expect(r.statusCode).toBe(412);
    expect(problem(r).code).toBe('VERSION_MISMATCH');
  });

  it('422 naming the optimizer for a model without parameters', async () => {
    await createNet(t, s, 'relu', { type: 'Sequential', layers: [{ type: 'ReLU' }] });
    const r = await post(trainBody(run('adam')), {}, 'relu');
    expect(r.statusCode).toBe(422);
    expect(problem(r)).toMatchObject({ field: 'optimizer', detail: 'optimizer got an empty parameter list' });
  });

  it('GET {m}/train is 404 TRAINING_RUN_NOT_FOUND before any run', async () => {
    const r = await t.inject({ method: 'GET', url: url(), headers: s.auth });
    expect(r.statusCode).toBe(404);
    expect(problem(r).code).toBe('TRAINING_RUN_NOT_FOUND');
  });
});

describe('a run without streaming', () => {
  it('answers one JSON summary matching PyTorch, with the stored version as ETag', async () => {
    await createNet(t, s, 'json', golden.architecture, golden.modelSeed);
    const g = run('adam');
    const r = await post(trainBody(g), {}, 'json');
    expect(r.statusCode).toBe(200);
    const summary = r.json();
    expect(summary).toMatchObject({ status: 'completed', steps: 16, epochs: 4 });
    expect(r.headers.etag).toBe(`"${summary.version}"`);
    expect(toleranceRatio(summary.history.map((h: any) => num(h.loss)), g.steps.map((x) => x.loss))).toBeLessThanOrEqual(1);
    expect(toleranceRatio(summary.epochLosses, g.epochLosses)).toBeLessThanOrEqual(1);
    const state = (await t.inject({ method: 'GET', url: url('json', '/state_dict'), headers: s.auth })).json().stateDict;
    for (const [name, want] of Object.entries(g.final)) expect(toleranceRatio(state[name].data.flat(), want.data.map(num)), name).toBeLessThanOrEqual(1);
    const status = (await t.inject({ method: 'GET', url: url('json'), headers: s.auth })).json();
    expect(status).toMatchObject({ status: 'completed', steps: 16, totalSteps: 16, version: summary.version });
  });

  it('takes inputs and targets as {shape, base64} float32 with the same result as nested arrays', async () => {
    const g = run('adamw_in_order');
    const b64 = (t: { shape: number[]; data: unknown[] }) => ({ shape: t.shape, base64: Buffer.from(Float32Array.from(t.data.map((v) => num(v as number))).buffer).toString('base64') });
    const results = [];
    for (const [name, body] of [
      ['nested', trainBody(g)],
      ['base64', trainBody(g, { inputs: b64(golden.data.x), targets: b64(golden.data.y) })],
    ] as const) {
      await createNet(t, s, name, golden.architecture, golden.modelSeed);
      const r = await post(body, {}, name);
      expect(r.statusCode).toBe(200);
      results.push((await t.inject({ method: 'GET', url: url(name, '/state_dict'), headers: s.auth })).json().stateDict);
    }
    expect(results[1]).toEqual(results[0]);
  });
});

describe('a run with Accept: text/event-stream', () => {
  it('streams step, epoch and done events with ids, matching PyTorch', async () => {
    await createNet(t, s, 'sse', golden.architecture, golden.modelSeed);
    const g = run('sgd_momentum');
    const r = await post(trainBody(g), { accept: 'text/event-stream' }, 'sse');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/event-stream/);
    const events = parseSse(r.body);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => String(i + 1)));
    const perEpoch = g.steps.length / g.epochs;
    const expected = g.steps.flatMap((_, i) => ((i + 1) % perEpoch === 0 ? ['step', 'epoch'] : ['step']));
    expect(events.map((e) => e.event)).toEqual([...expected, 'done']);
    const steps = events.filter((e) => e.event === 'step').map((e) => e.data);
    expect(toleranceRatio(steps.map((d) => num(d.loss)), g.steps.map((x) => x.loss))).toBeLessThanOrEqual(1);
    expect(steps[0].parameters.map((p: any) => p.name)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias', '6.weight', '6.bias']);
    const done = events.at(-1)!.data;
    expect(done).toMatchObject({ status: 'completed', steps: 16, epochs: 4, runId: r.headers['x-training-run'] });
    expect((await t.inject({ method: 'GET', url: url('sse', ''), headers: s.auth })).json().version).toBe(done.version);
  });

  it('is counted once in /metrics under its route with status 200 when it ends', async () => {
    const streamed = async () => {
      const text = (await t.inject({ method: 'GET', url: '/metrics' })).body;
      const line = text.split('\n').find((l) => l.startsWith('paramserve_request_duration_seconds_count{') && l.includes('route="/v1/sessions/:sid/models/:name/train",method="POST",status="200"'));
      return line === undefined ? 0 : Number(line.split(' ').at(-1));
    };
    const before = await streamed();
    await createNet(t, s, 'counted', golden.architecture, golden.modelSeed);
    const r = await post(trainBody(run('adam')), { accept: 'text/event-stream' }, 'counted');
    expect(parseSse(r.body).at(-1)!.event).toBe('done');
    expect(await streamed()).toBe(before + 1);
  });

  it('sends a step event every observe.every steps', async () => {
    await createNet(t, s, 'sparse', golden.architecture, golden.modelSeed);
    const r = await post(trainBody(run('adam'), { observe: { every: 5 } }), { accept: 'text/event-stream' }, 'sparse');
    expect(parseSse(r.body).filter((e) => e.event === 'step').map((e) => e.data.step)).toEqual([5, 10, 15]);
  });

  it('without observe, reports every step without parameter statistics', async () => {
    await createNet(t, s, 'plain', golden.architecture, golden.modelSeed);
    const body = trainBody(run('adam'));
    delete body.observe;
    const steps = parseSse((await post(body, { accept: 'text/event-stream' }, 'plain')).body).filter((e) => e.event === 'step');
    expect(steps).toHaveLength(16);
    for (const e of steps) expect(e.data.parameters).toBeUndefined();
  });
});

describe('while a run has the model', () => {
  it('other writes get 409 MODEL_BUSY, reads go on, a second run in the session gets 429', async () => {
    await createNet(t, s, 'busy', golden.architecture, golden.modelSeed);
    await createNet(t, s, 'other', golden.architecture, golden.modelSeed);
    const handle = await t.service.train({ sessionId: s.id, token: s.token }, 'busy', trainBody(run('adam'), { epochs: 2000, maxSteps: 8000 }), {});
    const patch = await t.inject({ method: 'PATCH', url: url('busy', '/parameters/0.bias'), headers: s.auth, payload: { requiresGrad: false } });
    expect(patch.statusCode).toBe(409);
    expect(problem(patch)).toMatchObject({ code: 'MODEL_BUSY', path: 'busy' });
    expect((await t.inject({ method: 'DELETE', url: url('busy', ''), headers: s.auth })).statusCode).toBe(409);
    expect((await t.inject({ method: 'GET', url: url('busy', '/parameters/0.bias'), headers: s.auth })).statusCode).toBe(200);
    const second = await post(trainBody(run('adam')), {}, 'other');
    expect(second.statusCode).toBe(429);
    expect(problem(second)).toMatchObject({ code: 'QUOTA_EXCEEDED', limit: 'maxRunsPerSession', limitValue: 1 });
    expect((await t.inject({ method: 'GET', url: url('busy'), headers: s.auth })).json().status).toBe('running');
    handle.cancel();
    expect((await drain(handle)).error).toMatchObject({ code: 'TRAINING_CANCELLED' });
    expect((await t.inject({ method: 'GET', url: url('busy'), headers: s.auth })).json()).toMatchObject({ status: 'cancelled', error: { code: 'TRAINING_CANCELLED' } });
  });

  it("a write by another replica ends the stream with an error event (MODEL_CHANGED) and stays", async () => {
    await createNet(t, s, 'raced', golden.architecture, golden.modelSeed);
    const replica = new ParamService({ ...t.config, computeWorkers: 0 }, new SqliteStore(t.sqlitePath, { shared: true }), systemClock);
    const streaming = post(trainBody(run('adam'), { epochs: 2000, maxSteps: 8000 }), { accept: 'text/event-stream' }, 'raced');
    let theirs: { version: number } | null = null;
    for (let i = 0; i < 400 && theirs === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
      const status = await t.inject({ method: 'GET', url: url('raced'), headers: s.auth });
      if (status.statusCode === 200 && status.json().status === 'running')
        theirs = await replica.patchParameter({ sessionId: s.id, token: s.token }, 'raced', '6.bias', { op: 'set', value: 42 }, {});
    }
    expect(theirs).not.toBeNull();
    const events = parseSse((await streaming).body);
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    expect(last.data).toMatchObject({ status: 409, code: 'MODEL_CHANGED', currentVersion: theirs!.version });
    expect(events.some((e) => e.event === 'done')).toBe(false);
    const bias = (await t.inject({ method: 'GET', url: url('raced', '/parameters/6.bias'), headers: s.auth })).json();
    expect(bias).toMatchObject({ data: [42], version: theirs!.version });
    await replica.close();
  });
});
