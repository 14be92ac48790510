import { describe, expect, it } from 'vitest';
import { Generator } from '../../../src/engine/index.js';
import { AppError } from '../../../src/errors/index.js';
import {
  buildModel,
  countModulePaths,
  modelToSpec,
  ReLU,
  Sequential,
  resolveParameter,
  tieModule,
  tieParameter,
  validateSpec,
  type Module,
} from '../../../src/nn/index.js';
import { LIMITS, specCase } from '../spec/fixture.js';
import { tieStructure } from '../spec/structure.js';

const linear = (i: number, o: number) => ({ type: 'Linear', in_features: i, out_features: o });
const relu = { type: 'ReLU' };
const build = (json: unknown): Module => buildModel(validateSpec(json, LIMITS), new Generator(0));
/** The chapter's S15 net before the tie: Linear(4,8), ReLU, Linear(8,8), ReLU, Linear(8,8), ReLU, Linear(8,1). */
const untiedS15 = () => build({ type: 'Sequential', layers: [linear(4, 8), relu, linear(8, 8), relu, linear(8, 8), relu, linear(8, 1)] });

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an error');
}

describe('tieModule', () => {
  it('places the same module object at both paths (S15)', () => {
    const net = untiedS15();
    expect(tieModule(net, '4', '2')).toEqual({ path: '4', to: '2' });
    expect(net.getSubmodule('4')).toBe(net.getSubmodule('2'));
    expect(net.getParameter('4.weight')).toBe(net.getParameter('2.weight'));
    expect(tieStructure(net)).toEqual(tieStructure(build(specCase('s15').spec)));
  });

  it('shows an edit through either path through both', () => {
    const net = untiedS15();
    tieModule(net, '4', '2');
    net.getParameter('2.weight').data[0] = 42;
    expect(net.getParameter('4.weight').data[0]).toBe(42);
    expect(net.stateDict().get('4.weight')!.data[0]).toBe(42);
  });

  it('lists the tied parameters once, under the first path, and keeps every state_dict key', () => {
    const net = untiedS15();
    tieModule(net, '4', '2');
    const c = specCase('s15');
    expect([...net.namedParameters()].map(([n]) => n)).toEqual(c.namedParameters.map((p) => p.name));
    expect([...net.stateDict().keys()]).toEqual(c.stateDictKeys);
    expect([...net.namedModules()].map(([p]) => p)).toEqual(c.namedModules);
  });

  it('keeps the position in the parent and prints the tied module under both keys', () => {
    const net = untiedS15();
    tieModule(net, '-3', '2');
    expect([...net.modules_.keys()]).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(net.toString()).toBe(specCase('s15').repr);
  });

  it('resolves named and positional paths alike', () => {
    const net = build({ type: 'Sequential', layers: [{ name: 'a', ...linear(2, 2) }, { name: 'b', type: 'Sequential', layers: [linear(2, 2)] }] });
    expect(tieModule(net, '1.0', 'a')).toEqual({ path: 'b.0', to: 'a' });
    expect(net.getSubmodule('b.0')).toBe(net.getSubmodule('a'));
  });

  it('is a no-op for two paths of one module', () => {
    const net = build(specCase('s15').spec);
    const before = tieStructure(net);
    expect(tieModule(net, '4', '2')).toEqual({ path: '4', to: '2' });
    expect(tieStructure(net)).toEqual(before);
  });

  it('refuses different parameter shapes or types (TIE_MISMATCH)', () => {
    const net = untiedS15();
    let e = thrown(() => tieModule(net, '2', '0'));
    expect(e.code).toBe('TIE_MISMATCH');
    expect(e.message).toBe("cannot tie '2' to '0': weight has shape torch.Size([8, 8]) vs torch.Size([8, 4])");
    e = thrown(() => tieModule(net, '1', '2'));
    expect(e.code).toBe('TIE_MISMATCH');
    expect(e.message).toBe("cannot tie '1' to '2': ReLU vs Linear");
    const nested = build({ type: 'Sequential', layers: [{ type: 'Sequential', layers: [relu] }, { type: 'Sequential', layers: [{ type: 'Tanh' }] }] });
    expect(thrown(() => tieModule(nested, '1', '0')).message).toBe("cannot tie '1' to '0': Tanh at '0' vs ReLU at '0'");
    expect(net.getSubmodule('2')).not.toBe(net.getSubmodule('0'));
  });

  it('refuses the root (TIE_ROOT)', () => {
    const e = thrown(() => tieModule(untiedS15(), '', '2'));
    expect(e.code).toBe('TIE_ROOT');
    expect(e.message).toBe('the root module cannot be tied');
  });

  it('refuses a module that would contain itself (TIE_CYCLE)', () => {
    const net = build({ type: 'Sequential', layers: [{ name: 'outer', type: 'Sequential', layers: [{ type: 'Sequential', layers: [relu] }] }, relu] });
    let e = thrown(() => tieModule(net, 'outer.0.0', 'outer'));
    expect(e.code).toBe('TIE_CYCLE');
    expect(e.message).toBe("cannot tie 'outer.0.0' to 'outer': 'outer' contains 'outer.0', which would then contain itself");
    e = thrown(() => tieModule(net, '1', ''));
    expect(e.code).toBe('TIE_CYCLE');
    expect(e.message).toBe("cannot tie '1' to '': '' contains the root, which would then contain itself");
    expect(countModulePaths(net)).toBe(5);
  });

  it('refuses unknown paths as not found', () => {
    const e = thrown(() => tieModule(untiedS15(), '9', '2'));
    expect(e.code).toBe('MODULE_NOT_FOUND');
  });

  it('re-checks the module-count limit and leaves the model as it was when over', () => {
    // A model already over a (lowered) limit: the tie is refused and undone.
    const net = untiedS15();
    const before = tieStructure(net);
    const e = thrown(() => tieModule(net, '4', '2', { maxModules: 7 }));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.details).toMatchObject({ limit: 'maxModules', limitValue: 7 });
    expect(tieStructure(net)).toEqual(before);
    expect(() => tieModule(net, '4', '2', { maxModules: 8 })).not.toThrow();
  });
});

describe('tieParameter', () => {
  const threeLinears = () => build({ type: 'Sequential', layers: [linear(4, 4), relu, linear(4, 4), relu, linear(4, 4)] });

  it('makes the owner of path hold the Parameter object at toPath', () => {
    const net = threeLinears();
    const shared = net.getParameter('2.weight');
    expect(tieParameter(net, '4.weight', '2.weight')).toEqual({ path: '4.weight', to: '2.weight' });
    expect(net.getParameter('4.weight')).toBe(shared);
    expect(net.getParameter('4.bias')).not.toBe(net.getParameter('2.bias'));
    const c = specCase('param-tie');
    expect([...net.namedParameters()].map(([n, p]) => ({ name: n, shape: [...p.shape] }))).toEqual(c.namedParameters);
    expect([...net.stateDict().keys()]).toEqual(c.stateDictKeys);
  });

  it('answers with the first name of the parameter it tied to', () => {
    const net = threeLinears();
    tieParameter(net, '2.weight', '0.weight');
    expect(tieParameter(net, '-1.weight', '2.weight')).toEqual({ path: '4.weight', to: '0.weight' });
    expect(resolveParameter(net, '4.weight').parameter).toBe(net.getParameter('0.weight'));
    expect(modelToSpec(net).ties).toEqual([
      { parameter: '2.weight', to: '0.weight' },
      { parameter: '4.weight', to: '0.weight' },
    ]);
  });

  it('refuses different shapes (TIE_MISMATCH)', () => {
    const e = thrown(() => tieParameter(threeLinears(), '4.bias', '2.weight'));
    expect(e.code).toBe('TIE_MISMATCH');
    expect(e.message).toBe("cannot tie '4.bias' to '2.weight': shapes torch.Size([4]) and torch.Size([4, 4]) differ");
  });

  it('refuses unknown parameters as not found', () => {
    expect(thrown(() => tieParameter(threeLinears(), '4.nope', '2.weight')).code).toBe('PARAMETER_NOT_FOUND');
    expect(thrown(() => tieParameter(threeLinears(), '4.weight', '1.weight')).code).toBe('PARAMETER_NOT_FOUND');
  });
});

describe('countModulePaths', () => {
  it('counts named_modules(remove_duplicate=False) without walking every path', () => {
    for (const name of ['s1', 'rgnet', 's15', 'nested-shared']) expect(countModulePaths(build(specCase(name).spec)), name).toBe(specCase(name).modulePathCount);
    // A tower where each level holds the level below twice: 2^41 paths over 42 objects, counted per object.
    let level: Module = new ReLU();
    for (let i = 1; i <= 40; i++) level = new Sequential([level, level]);
    const tower = new Sequential([level]);
    expect(countModulePaths(tower)).toBe(2 ** 41);
    expect(countModulePaths(tower, 1000)).toBe(1001);
  });
});
