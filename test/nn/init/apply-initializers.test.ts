import { describe, expect, it } from 'vitest';
import { Generator, Tensor, rand, type FloatArray } from '../../../src/engine/index.js';
import {
  InvalidInitializerError,
  Linear,
  Module,
  ModuleNotFoundError,
  Parameter,
  ReLU,
  Sequential,
  applyInitializers,
  applyOrder,
  parseInitializer,
  type InitializeRequest,
} from '../../../src/nn/index.js';
import { buildModel, cases, compareStored, mismatches, type ChapterCase, type RequestJson } from './fixture.js';

// orthogonal's QR is LAPACK's in PyTorch (see initializers.test.ts)
const ORTHOGONAL_TOLERANCE = 2e-6;

function request(json: RequestJson): InitializeRequest {
  return {
    module: json.module,
    moduleTypes: json.moduleTypes,
    weight: json.weight === undefined ? undefined : parseInitializer(json.weight, 'weight'),
    bias: json.bias === undefined ? undefined : parseInitializer(json.bias, 'bias'),
  };
}

function snapshot(net: Module): Map<string, FloatArray> {
  return new Map([...net.stateDict()].map(([k, t]) => [k, t.data.slice()]));
}

function expectUnchanged(net: Module, before: Map<string, FloatArray>): void {
  const after = snapshot(net);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [k, v] of before) expect(mismatches(after.get(k)!, v), k).toBe(0);
}

const mlp = (seed = 0) => buildModel(cases.models.mlp, new Generator(seed));

describe('applyInitializers: the chapter and more, against torch.manual_seed(seed); subtree.apply(init)', () => {
  const run = (c: ChapterCase) => {
    const g = new Generator(c.buildSeed);
    const net = buildModel(cases.models[c.model], g);
    const reports = c.requests.map((r) => {
      if (r.seed !== undefined) g.manualSeed(r.seed);
      return applyInitializers(net, request(r), g).initialized;
    });
    return { net, g, reports };
  };

  for (const c of cases.chapter) {
    it(c.title, () => {
      const { net, g, reports } = run(c);
      expect(reports).toEqual(c.reports);
      const state = net.stateDict();
      expect([...state.keys()]).toEqual(Object.keys(c.stateDict));
      for (const [key, want] of Object.entries(c.stateDict)) {
        const diff = compareStored(state.get(key)!.data, want);
        if (c.exact) expect(diff.mismatches, key).toBe(0);
        else expect(diff.maxAbsDiff, key).toBeLessThan(ORTHOGONAL_TOLERANCE);
      }
      expect(mismatches(rand([2], g).data, c.next)).toBe(0);
    });
  }

  it("lists what my_init prints, in the chapter's order (S13)", () => {
    const c = cases.chapter.find((x) => x.title.startsWith('S13'))!;
    const { reports } = run(c);
    const lines = reports[0].map((p) => `Init ${p.name.split('.').pop()} torch.Size([${p.shape.join(', ')}])`);
    expect(lines).toEqual(c.printed);
    expect(reports[0].map((p) => p.initializer)).toEqual(['mixture', 'mixture']);
  });
});

describe('applyInitializers: order, names and roles', () => {
  it("visits modules in Module.apply's order, tied modules once per parent", () => {
    for (const name of ['rgnet', 'tied', 'tiedParents']) {
      const net = buildModel(cases.models[name], new Generator(0));
      const seen: Module[] = [];
      net.apply((m) => seen.push(m));
      expect(applyOrder(net).map(([, m]) => m)).toEqual(seen);
    }
    const tied = buildModel(cases.models.tiedParents, new Generator(0));
    expect(applyOrder(tied).map(([path]) => path)).toEqual(['0.0', '0.1', '0', '1.0', '1', '2', '']);
  });

  it('initialises a parameter-level tie at each owner, the last draw winning', () => {
    const g = new Generator(0);
    const a = new Linear(3, 3, { generator: g });
    const b = new Linear(3, 3, { generator: g });
    b.registerParameter('weight', a.weight);
    const net = new Sequential([a, b]);
    g.manualSeed(5);
    const result = applyInitializers(net, { weight: parseInitializer({ name: 'normal' }, 'weight') }, g);
    expect(result.initialized.map((p) => p.name)).toEqual(['0.weight', '1.weight']);
    const ref = new Generator(5);
    const first = new Tensor(new Float32Array(9), [3, 3]);
    const second = new Tensor(new Float32Array(9), [3, 3]);
    const normal = parseInitializer({ name: 'normal' }, 'weight');
    for (const t of [first, second]) applyInitializers(new Sequential([new ParamHolder(t)]), { weight: normal }, ref);
    expect(mismatches(a.weight.data, second.data)).toBe(0);
  });

  it('skips a role a module lacks and leaves a role not asked for alone', () => {
    const g = new Generator(0);
    const net = new Sequential([new Linear(4, 3, { bias: false, generator: g }), new ReLU(), new Linear(3, 2, { generator: g })]);
    const before = snapshot(net);
    const result = applyInitializers(net, { bias: parseInitializer({ name: 'ones' }, 'bias') }, g);
    expect(result.initialized).toEqual([{ name: '2.bias', shape: [2], initializer: 'ones' }]);
    const after = snapshot(net);
    expect(mismatches(after.get('0.weight')!, before.get('0.weight')!)).toBe(0);
    expect(mismatches(after.get('2.weight')!, before.get('2.weight')!)).toBe(0);
    expect([...after.get('2.bias')!]).toEqual([1, 1]);
  });

  it('writes in place: same Parameter objects and storage, requiresGrad and grad untouched', () => {
    const net = mlp();
    const first = net.getSubmodule('0') as Linear;
    const weight = first.weight;
    const storage = weight.data;
    weight.requiresGrad = false;
    weight.grad = new Tensor(new Float32Array(32).fill(3), [8, 4]);
    applyInitializers(net, { weight: parseInitializer({ name: 'ones' }, 'weight') }, new Generator(0));
    expect(first.weight).toBe(weight);
    expect(weight.data).toBe(storage);
    expect([...storage]).toEqual(new Array(32).fill(1));
    expect(weight.requiresGrad).toBe(false);
    expect([...weight.grad.data]).toEqual(new Array(32).fill(3));
    expect(weight.gradFn).toBeNull();
  });

  it('resolves the subtree by name or position and reports canonical names', () => {
    const net = buildModel(cases.models.rgnet, new Generator(0));
    const spec = parseInitializer({ name: 'zeros' }, 'bias');
    const byName = applyInitializers(net, { module: '0.block 3.2', bias: spec }, new Generator(0));
    const byPosition = applyInitializers(net, { module: '0.-1.2', bias: spec }, new Generator(0));
    expect(byName.initialized).toEqual([{ name: '0.block 3.2.bias', shape: [4], initializer: 'zeros' }]);
    expect(byPosition).toEqual(byName);
    expect(() => applyInitializers(net, { module: '0.block 9', bias: spec }, new Generator(0))).toThrow(ModuleNotFoundError);
  });
});

describe('applyInitializers: all or nothing', () => {
  const failing: [string, RequestJson, string, string][] = [
    ['eye on a bias', { weight: { name: 'xavier_uniform' }, bias: { name: 'eye' } }, '0.bias', 'cannot initialize 0.bias torch.Size([8]) with eye: Only tensors with 2 dimensions are supported'],
    ['orthogonal on biases', { moduleTypes: ['Linear'], weight: { name: 'normal' }, bias: { name: 'orthogonal' } }, '0.bias', 'Only tensors with 2 or more dimensions are supported'],
    ['a mixture with a sparse part on a bias', { bias: { name: 'mixture', components: [{ weight: 0.5, init: { name: 'zeros' } }, { weight: 0.5, init: { name: 'sparse', sparsity: 0.5 } }] } }, '0.bias', 'Only tensors with 2 dimensions are supported'],
    ['fans of a bias', { weight: { name: 'uniform' }, bias: { name: 'kaiming_normal' } }, '0.bias', 'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions'],
    ['dirac on 2-D weights', { module: '2', weight: { name: 'dirac' } }, '2.weight', 'Only tensors with 3, 4, or 5 dimensions are supported'],
  ];

  for (const [title, json, path, message] of failing) {
    it(`${title}: nothing changes, the generator included`, () => {
      const net = mlp();
      const before = snapshot(net);
      const g = new Generator(9);
      let error: unknown;
      try {
        applyInitializers(net, request(json), g);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidInitializerError);
      const e = error as InvalidInitializerError;
      expect(e.code).toBe('INVALID_INITIALIZER');
      expect(e.details.path).toBe(path);
      expect(e.message.endsWith(message)).toBe(true);
      expect(e.message).toContain(path);
      expectUnchanged(net, before);
      expect(mismatches(rand([4], g).data, rand([4], new Generator(9)).data)).toBe(0);
    });
  }

  it('refuses default on a layer without its own reset', () => {
    const net = new Sequential([new ParamHolder(new Tensor(new Float32Array(4), [2, 2]))]);
    expect(() => applyInitializers(net, { weight: parseInitializer({ name: 'default' }, 'weight') }, new Generator(0))).toThrow(
      'cannot initialize 0.weight torch.Size([2, 2]) with default: ParamHolder has no default initialization of its weight',
    );
  });
});

/** A layer with a weight and no reset of its own. */
class ParamHolder extends Module {
  constructor(weight: Tensor) {
    super();
    this.registerParameter('weight', new Parameter(weight.data, weight.shape));
  }

  get typeName(): string {
    return 'ParamHolder';
  }

  forward(input: Tensor): Tensor {
    return input;
  }
}
