import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapter, flatten, nested, toleranceRatio } from '../golden/chapter-fixture.js';
import { startServer, type TestServer } from './support/server.js';
import { HttpClient } from './support/http-client.js';
import { GrpcClient } from './support/grpc-client.js';
import type { ParamClient, Session } from './support/client.js';

/**
 * The chapter played cell by cell (S1–S16) over a listening server and a real
 * client, compared with what PyTorch answered for the same seeds and inputs.
 */
const net = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }] };
const block1 = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 4 }, { type: 'ReLU' }] };
const rgnet = {
  type: 'Sequential',
  layers: [{ type: 'Sequential', layers: [0, 1, 2, 3].map((i) => ({ name: `block ${i}`, ...block1 })) }, { type: 'Linear', in_features: 4, out_features: 1 }],
};
const tiedNet = {
  type: 'Sequential',
  shared: { shared: { type: 'Linear', in_features: 8, out_features: 8 } },
  layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { ref: 'shared' }, { type: 'ReLU' }, { ref: 'shared' }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }],
};

const exact = (got: unknown, want: { data: number[] }) => expect(flatten(got)).toEqual(want.data);
const close = (got: unknown, want: { data: number[] }) => expect(toleranceRatio(flatten(got), want.data)).toBeLessThanOrEqual(1);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.close());

const transports: (() => ParamClient)[] = [() => new HttpClient(server.httpUrl), () => new GrpcClient(server.grpcAddress)];

describe.each(transports.map((make) => [make]))('the chapter over %#', (make) => {
  let client: ParamClient;
  let s: Session;
  const X = nested(chapter.S1.input);

  beforeAll(async () => {
    client = make();
    s = await client.createSession();
    await client.createModel(s, { name: 'net', architecture: net, seed: chapter.S1.seed });
  });

  it('S1: forward on a 2x4 input gives PyTorch\'s output, grad_fn and repr', async () => {
    const r = await client.forward(s, 'net', { input: X });
    expect(r.shape).toEqual(chapter.S1.output.shape);
    close(r.output, chapter.S1.output);
    expect(r.gradFn).toBe(chapter.S1.gradFn);
    expect(r.repr).toBe(chapter.S1.repr);
    expect((await client.getModel(s, 'net')).summary).toBe(chapter.S1.summary);
  });

  it('S2: state dict of the sub-module at path 2', async () => {
    const { stateDict } = await client.getStateDict(s, 'net', chapter.S2.module);
    expect(Object.keys(stateDict)).toEqual(chapter.S2.keys);
    for (const key of chapter.S2.keys) exact(stateDict[key].data, chapter.S2.stateDict[key]);
  });

  it('S3: a parameter: dtype, shape, requires_grad, value, repr', async () => {
    const p = await client.getParameter(s, 'net', chapter.S3.parameter);
    expect(p.dtype).toBe('float32');
    expect(p.requiresGrad).toBe(true);
    exact(p.data, chapter.S3.data);
    expect(p.repr).toBe(chapter.S3.repr);
  });

  it('S4: the gradient is null before any backward', async () => {
    expect(chapter.S4.gradIsNone).toBe(true);
    expect((await client.getParameter(s, 'net', chapter.S4.parameter)).grad).toBeNull();
  });

  it('S5: named_parameters of net[0] and of the whole net', async () => {
    expect((await client.listParameters(s, 'net', '0')).parameters).toEqual(chapter.S5.module0);
    expect((await client.listParameters(s, 'net')).parameters).toEqual(chapter.S5.net);
  });

  it('S6: one entry of the full state dict', async () => {
    const { stateDict } = await client.getStateDict(s, 'net');
    exact(stateDict[chapter.S6.key].data, chapter.S6.value);
  });

  it('S7–S9: nested blocks named with spaces; print; addressing by position and by name', async () => {
    await client.createModel(s, { name: 'rgnet', architecture: rgnet, seed: chapter.S7.seed });
    const r = await client.forward(s, 'rgnet', { input: X });
    close(r.output, chapter.S7.output);
    expect(r.gradFn).toBe(chapter.S7.gradFn);
    expect(Object.keys((await client.getStateDict(s, 'rgnet')).stateDict)).toEqual(chapter.S7.stateDictKeys);
    expect((await client.getModel(s, 'rgnet')).summary).toBe(chapter.S8.summary);
    for (const path of chapter.S9.paths) {
      const p = await client.getParameter(s, 'rgnet', path);
      expect(p.name).toBe(chapter.S9.canonical);
      exact(p.data, chapter.S9.data);
    }
  });

  it('S10–S12: named initializers per module type and subtree, seeded as torch.manual_seed + apply', async () => {
    await client.createModel(s, { name: 'init', architecture: net, seed: 0 });
    const normal = await client.initialize(s, 'init', { moduleTypes: ['Linear'], weight: { name: 'normal', mean: 0, std: 0.01 }, bias: { name: 'zeros' }, seed: chapter.S10.seed });
    expect(normal.initialized.map((i) => i.name)).toEqual(chapter.S10.order);
    let { stateDict } = await client.getStateDict(s, 'init');
    for (const [k, v] of Object.entries(chapter.S10.state)) exact(stateDict[k].data, v as { data: number[] });

    await client.initialize(s, 'init', { moduleTypes: ['Linear'], weight: { name: 'constant', val: 1 }, bias: { name: 'zeros' } });
    ({ stateDict } = await client.getStateDict(s, 'init'));
    for (const [k, v] of Object.entries(chapter.S11.state)) exact(stateDict[k].data, v as { data: number[] });

    await client.initialize(s, 'init', { module: '0', moduleTypes: ['Linear'], weight: { name: 'xavier_uniform' }, seed: chapter.S12.seed });
    await client.initialize(s, 'init', { module: '2', moduleTypes: ['Linear'], weight: { name: 'constant', val: 42 } });
    ({ stateDict } = await client.getStateDict(s, 'init'));
    for (const [k, v] of Object.entries(chapter.S12.state)) exact(stateDict[k].data, v as { data: number[] });
  });

  it('S13: the chapter\'s my_init as a declarative mixture; the response lists what it touched', async () => {
    const mixture = {
      name: 'mixture',
      components: [
        { weight: 0.25, init: { name: 'uniform', a: 5, b: 10 } },
        { weight: 0.5, init: { name: 'constant', val: 0 } },
        { weight: 0.25, init: { name: 'uniform', a: -10, b: -5 } },
      ],
    };
    const r = await client.initialize(s, 'init', { moduleTypes: ['Linear'], weight: mixture, seed: 13 });
    expect(r.initialized.map(({ name, shape }) => ({ name, shape }))).toEqual(chapter.S13.listing);
    const w = flatten((await client.getParameter(s, 'init', '0.weight')).data);
    for (const v of w) expect(v === 0 || (Math.abs(v) >= 5 && Math.abs(v) <= 10)).toBe(true);
  });

  it('S14: in-place edits with PyTorch index strings', async () => {
    await client.createModel(s, { name: 'edit', architecture: net, seed: 0 });
    const added = await client.patchParameter(s, 'edit', '0.weight', { index: ':', op: 'add', value: 1 });
    exact(added.data, chapter.S14.afterAdd);
    const set = await client.patchParameter(s, 'edit', '0.weight', { index: '0, 0', op: 'set', value: 42 });
    exact(set.data, chapter.S14.weight);
  });

  it('S15: a shared layer at two positions is one object: edits show through both paths', async () => {
    await client.createModel(s, { name: 'tied', architecture: tiedNet, seed: chapter.S15.seed });
    close((await client.forward(s, 'tied', { input: X })).output, chapter.S15.output);
    const m = await client.getModel(s, 'tied');
    expect(m.summary).toBe(chapter.S15.summary);
    expect(m.parameters).toEqual(chapter.S15.parameters);
    expect(Object.keys((await client.getStateDict(s, 'tied')).stateDict)).toEqual(chapter.S15.stateDictKeys);
    await client.patchParameter(s, 'tied', '2.weight', { index: '0, 0', op: 'set', value: 100 });
    const alias = await client.getParameter(s, 'tied', '4.weight');
    expect(alias.tiedTo).toBe('2.weight');
    expect((alias.data as number[][])[0]).toEqual(chapter.S15.weight4row0.data);
    close((await client.forward(s, 'tied', { input: X })).output, chapter.S15.outputAfterEdit);
  });

  it('S16: gradients through the tied layer are the sum of both uses', async () => {
    const r = await client.backward(s, 'tied', { input: X, loss: chapter.S16.lossName, target: nested(chapter.S16.target) });
    expect(Math.abs((r.loss as number) - chapter.S16.loss)).toBeLessThan(1e-5 * Math.abs(chapter.S16.loss));
    const shared = await client.getParameter(s, 'tied', '2.weight');
    close(shared.grad, chapter.S16.sharedWeightGrad);
    close(shared.grad, chapter.S16.sumOfUses);
    close((await client.getParameter(s, 'tied', '2.bias')).grad, chapter.S16.sharedBiasGrad);
    close((await client.getParameter(s, 'tied', '0.weight')).grad, chapter.S16.firstWeightGrad);
  });
});
