import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTrainSummary, type Caller } from '../../../src/core/index.js';
import { drain, eventually, harness, referenceState, sessionWithModel, stepsMatching, storedState, type Harness } from './run-harness.js';
import { golden, run, trainBody } from './training-fixture.js';

/**
 * Training runs as the service runs them: on a thread of their own (and on
 * the event loop with COMPUTE_WORKERS=0), stored through the versioned write
 * path, exclusive on their model, limited in number, cancellable, and never
 * overwriting another replica's change.
 */
const long = trainBody(run('sgd_momentum'), { epochs: 100 }); // 400 steps
const LONG_STEPS = 400;

describe.each([
  ['a thread per run', { COMPUTE_WORKERS: '1' }],
  ['the event loop (COMPUTE_WORKERS=0)', { COMPUTE_WORKERS: '0' }],
])('training runs on %s', (_where, env) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ ...env, TRAIN_CHECKPOINT_STEPS: '4', MAX_RUNS_PER_SESSION: '2', MAX_RUNS: '4' });
  });
  afterAll(async () => h?.close());

  it('stores the trained model at the end: exactly the state of that many steps, gradients included', async () => {
    const caller = await sessionWithModel(h.service);
    const body = trainBody(run('adam'));
    const summary = await collectTrainSummary(await h.service.train(caller, 'net', body, {}));
    expect(summary.steps).toBe(16);
    const stored = await storedState(h, caller);
    expect(stored.version).toBe(summary.version);
    expect(stored.state).toEqual(referenceState(body, 16));
    expect(await h.service.trainingStatus(caller, 'net')).toMatchObject({ status: 'completed', steps: 16, totalSteps: 16, epochs: 4, version: summary.version, error: null });
  });

  it('stores a checkpoint every TRAIN_CHECKPOINT_STEPS steps while the run goes', async () => {
    const caller = await sessionWithModel(h.service);
    const r = await h.service.train(caller, 'net', long, {});
    // Nobody reads the events, so the run halts a bounded distance ahead; its checkpoints are stored meanwhile.
    await eventually(async () => (await storedState(h, caller)).version > 1, 'a checkpoint is stored');
    const stored = await storedState(h, caller);
    const k = stepsMatching(long, stored.state, LONG_STEPS);
    expect(k).toBeGreaterThan(0);
    expect(k % 4).toBe(0);
    expect((await h.service.trainingStatus(caller, 'net')).status).toBe('running');
    r.cancel();
    expect((await drain(r)).error.code).toBe('TRAINING_CANCELLED');
  });

  it('waits for a consumer that reads slowly instead of piling events up', async () => {
    const caller = await sessionWithModel(h.service);
    const r = await h.service.train(caller, 'net', long, {});
    await eventually(async () => (await h.service.trainingStatus(caller, 'net')).steps >= 40, 'the run gets going');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 64 events ahead at most: with one step and every fourth an epoch event, never past step 52 or so.
    expect((await h.service.trainingStatus(caller, 'net')).steps).toBeLessThan(64);
    const { events, error } = await drain(r);
    expect(error).toBeNull();
    expect(events.filter((e) => e.type === 'step')).toHaveLength(LONG_STEPS);
    expect(events.at(-1)!.type).toBe('done');
  });

  it('cancelled, stores exactly the last completed step and says how far it got', async () => {
    const caller = await sessionWithModel(h.service);
    const r = await h.service.train(caller, 'net', long, {});
    const seen: number[] = [];
    for await (const e of r.events()) {
      if (e.type === 'step') seen.push(e.data.step);
      if (seen.length === 10) break; // stopping early cancels the run, as a disconnect does
    }
    await eventually(async () => (await h.service.trainingStatus(caller, 'net')).status !== 'running', 'the run ends');
    const status = await h.service.trainingStatus(caller, 'net');
    expect(status).toMatchObject({ status: 'cancelled', error: { code: 'TRAINING_CANCELLED' } });
    expect(status.steps).toBeGreaterThanOrEqual(10);
    expect(status.steps).toBeLessThan(LONG_STEPS);
    const stored = await storedState(h, caller);
    expect(stored.version).toBe(status.version);
    expect(stored.state).toEqual(referenceState(long, status.steps));
  });

  it('lets the model be read during a run, refuses other writes with MODEL_BUSY, and frees it afterwards', async () => {
    const caller = await sessionWithModel(h.service);
    const r = await h.service.train(caller, 'net', long, {});
    await expect(h.service.getModel(caller, 'net')).resolves.toMatchObject({ name: 'net' });
    await expect(h.service.forward(caller, 'net', { input: [[1, 2, 3, 4]] })).resolves.toMatchObject({ shape: [1, 1] });
    for (const write of [
      () => h.service.patchParameter(caller, 'net', '0.weight', { requiresGrad: false }, {}),
      () => h.service.zeroGrad(caller, 'net', {}, {}),
      () => h.service.backward(caller, 'net', { input: [[1, 2, 3, 4]], loss: 'sum' }, {}),
      () => h.service.deleteModel(caller, 'net', {}),
      () => h.service.train(caller, 'net', long, {}),
    ])
      await expect(write()).rejects.toMatchObject({ code: 'MODEL_BUSY', category: 'CONFLICT' });
    r.cancel();
    await drain(r);
    await expect(h.service.patchParameter(caller, 'net', '0.weight', { requiresGrad: false }, {})).resolves.toMatchObject({ requiresGrad: false });
  });

  it('limits runs per session and in total (QUOTA_EXCEEDED), and frees a slot when a run ends', async () => {
    const a = await sessionWithModel(h.service, ['m1', 'm2', 'm3']);
    const b = await sessionWithModel(h.service, ['m1', 'm2']);
    const c = await sessionWithModel(h.service, ['m1']);
    const runs = [await h.service.train(a, 'm1', long, {}), await h.service.train(a, 'm2', long, {})];
    await expect(h.service.train(a, 'm3', long, {})).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', details: { limit: 'maxRunsPerSession' } });
    runs.push(await h.service.train(b, 'm1', long, {}), await h.service.train(b, 'm2', long, {}));
    await expect(h.service.train(c, 'm1', long, {})).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', details: { limit: 'maxRuns' } });
    runs[0].cancel();
    await drain(runs[0]);
    const next = await h.service.train(c, 'm1', long, {});
    for (const r of [...runs.slice(1), next]) {
      r.cancel();
      await drain(r);
    }
  });

  it("stops with MODEL_CHANGED rather than overwrite another replica's write, which stays", async () => {
    const caller: Caller = await sessionWithModel(h.service);
    const r = await h.service.train(caller, 'net', long, {});
    const theirs = await h.replica.patchParameter(caller, 'net', '6.bias', { op: 'set', value: 42 }, {});
    const { error } = await drain(r);
    expect(error).toMatchObject({ code: 'MODEL_CHANGED', category: 'CONFLICT', details: { currentVersion: theirs.version } });
    const stored = await storedState(h, caller);
    expect(stored.version).toBe(theirs.version);
    expect(stored.state.get('6.bias')!.data).toEqual([42]);
    expect(await h.service.trainingStatus(caller, 'net')).toMatchObject({ status: 'failed', error: { code: 'MODEL_CHANGED' } });
  });

  it('answers what only the model can tell before the run starts, and leaves no trace', async () => {
    const caller = await sessionWithModel(h.service);
    const body = trainBody(run('sgd_momentum'));
    const rows = golden.data.x.shape[0];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...body, inputs: Array.from({ length: rows }, () => [1, 2, 3]) }, 'inputs', 'SHAPE_MISMATCH'],
      [{ ...body, targets: Array.from({ length: rows }, () => [1, 2]) }, 'targets', 'SHAPE_MISMATCH'],
      [{ ...body, loss: 'cross_entropy', targets: Array.from({ length: rows }, (_, i) => (i === rows - 1 ? 1 : 0)) }, 'targets', 'INVALID_TARGET'],
      [{ ...body, optimizer: { name: 'sgd', lr: -1 } }, 'optimizer.lr', 'INVALID_ARGUMENT'],
    ];
    for (const [bad, field, code] of cases) await expect(h.service.train(caller, 'net', bad, {})).rejects.toMatchObject({ code, details: { field } });
    for (const p of ['0.weight', '0.bias', '2.weight', '2.bias', '6.weight', '6.bias']) await h.service.patchParameter(caller, 'net', p, { requiresGrad: false }, {});
    await expect(h.service.train(caller, 'net', body, {})).rejects.toMatchObject({ code: 'NOTHING_REQUIRES_GRAD' });
    // Nothing was claimed: the model is writable, the session's run slots are free, nothing was stored.
    const before = await storedState(h, caller);
    expect(before.version).toBe(7);
    await h.service.patchParameter(caller, 'net', '0.weight', { requiresGrad: true }, {});
    const runs = [await h.service.train(caller, 'net', body, {})];
    await drain(runs[0]);
    await expect(h.service.trainingStatus(caller, 'net')).resolves.toMatchObject({ status: 'completed' });
  });
});

describe('shutting down during a run', () => {
  it('stops the run, stores the step it reached and ends the stream with SHUTTING_DOWN', async () => {
    const h = await harness({ COMPUTE_WORKERS: '1' });
    const caller = await sessionWithModel(h.service);
    const r = await h.service.train(caller, 'net', long, {});
    const closing = h.service.stopTraining();
    const { error } = await drain(r);
    await closing;
    expect(error).toMatchObject({ code: 'SHUTTING_DOWN', details: { steps: expect.any(Number), version: expect.any(Number) } });
    const stored = await storedState(h, caller);
    expect(stored.version).toBe(error.details.version);
    expect(stored.state).toEqual(referenceState(long, error.details.steps));
    await expect(h.service.train(caller, 'net', long, {})).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    await h.close();
  });
});
