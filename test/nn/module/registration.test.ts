import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/index.js';
import { mul, Tensor } from '../../../src/engine/index.js';
import { Linear, Module, ModuleNameError, Parameter, ReLU, Sequential, Tanh } from '../../../src/nn/index.js';
import { cases, fixture, type PyError, type ValueKind } from './fixture.js';
import { build } from './recipe.js';

/** The JavaScript value standing for the Python object nn.py passed. */
function valueOf(kind: ValueKind): unknown {
  switch (kind) {
    case 'module':
      return new Tanh();
    case 'none':
      return null;
    case 'int':
      return 5;
    case 'float':
      return 1.5;
    case 'str':
      return 'x';
    case 'bool':
      return true;
    case 'list':
      return [];
    case 'dict':
      return {};
    case 'tensor':
      return new Tensor(new Float32Array(1), [1]);
    case 'double tensor':
      return new Tensor(new Float64Array(1), [1]);
    case 'parameter':
      return new Parameter(new Float32Array(1), [1]);
    case 'nonleaf': {
      const p = new Parameter(new Float32Array(2), [2]);
      p.gradFn = mul(new Tensor(new Float32Array(2), [2], true), 2).gradFn;
      return p;
    }
  }
}

const NAME_MESSAGES = /should be a string|already exists|can't contain|can't be empty/;

function expectPyError(fn: () => unknown, error: PyError | null): void {
  if (error === null) {
    fn();
    return;
  }
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${error.type}: ${error.message}`).toBeInstanceOf(AppError);
  const e = caught as AppError;
  expect(e.message).toBe(error.message);
  expect(e.code).toBe(NAME_MESSAGES.test(error.message) ? 'INVALID_MODULE_NAME' : 'INVALID_MODULE_MEMBER');
  expect(e.category).toBe('INVALID');
}

const label = (name: unknown, kind: string) => `${JSON.stringify(name)} <- ${kind}`;

describe(`add_module against torch ${fixture.torch}`, () => {
  it('refuses every attribute name of every layer (dir() of the instance), in PyTorch words', () => {
    for (const { recipe, names } of cases.attributes) {
      const m = build(recipe);
      expect(names.length).toBeGreaterThan(100);
      for (const name of names) {
        expect(m.hasAttribute(name), `${recipe.type}.${name}`).toBe(true);
        expect(() => m.addModule(name, new ReLU()), `${recipe.type}.${name}`).toThrow(`attribute '${name}' already exists`);
      }
      for (const name of ['block 0', 'fc', 'weights', 'Training', '_module', 'features'])
        expect(m.hasAttribute(name), `${recipe.type}.${name}`).toBe(names.includes(name));
    }
  });

  for (const c of cases.addModule) {
    it(`${label(c.name, c.module)} on ${c.owner.type}${c.error ? `: ${c.error.message}` : ''}`, () => {
      const owner = build(c.owner);
      expectPyError(() => owner.addModule(c.name as string, valueOf(c.module) as Module | null), c.error);
      expect([...owner.modules_.keys()]).toEqual(c.keys);
      expect(owner.toString()).toBe(c.repr);
    });
  }

  it('re-adding a name replaces the child in place, keeping its position', () => {
    const net = new Sequential([new Linear(2, 2, { init: false }), new ReLU(), new Linear(2, 1, { init: false })]);
    const tanh = new Tanh();
    net.addModule('1', tanh);
    expect([...net.modules_.keys()]).toEqual(['0', '1', '2']);
    expect(net.at(1)).toBe(tanh);
  });

  it('applies the same checks to Sequential entries, named or positional', () => {
    expect(() => new Sequential([['a.b', new ReLU()]])).toThrow(ModuleNameError);
    expect(() => new Sequential([['training', new ReLU()]])).toThrow("attribute 'training' already exists");
    expect(() => new Sequential([5 as unknown as Module])).toThrow('int is not a Module subclass');
    expect([...new Sequential([['block 0', new ReLU()], ['é x', null]]).modules_.keys()]).toEqual(['block 0', 'é x']);
  });
});

describe(`register_parameter against torch ${fixture.torch}`, () => {
  for (const c of cases.registerParameter) {
    it(`${label(c.name, c.value)} on ${c.owner.type}${c.error ? `: ${c.error.message}` : ''}`, () => {
      const owner = build(c.owner);
      expectPyError(() => owner.registerParameter(c.name as string, valueOf(c.value) as Parameter | null), c.error);
      expect([...owner.parameters_.keys()]).toEqual(c.parameters);
      expect([...owner.buffers_.keys()]).toEqual(c.buffers);
    });
  }

  it("re-registering a parameter's name ties it in place (what `b.weight = a.weight` does)", () => {
    const a = new Linear(3, 3, { init: false });
    const b = new Linear(3, 3, { init: false });
    b.registerParameter('weight', a.weight);
    expect([...b.parameters_.keys()]).toEqual(['weight', 'bias']);
    expect(b.weight).toBe(a.weight);
  });
});

describe(`register_buffer against torch ${fixture.torch}`, () => {
  for (const c of cases.registerBuffer) {
    it(`${label(c.name, c.value)} on ${c.owner.type}${c.error ? `: ${c.error.message}` : ''}`, () => {
      const owner = build(c.owner);
      expectPyError(() => owner.registerBuffer(c.name as string, valueOf(c.value) as Tensor | null), c.error);
      expect([...owner.parameters_.keys()]).toEqual(c.parameters);
      expect([...owner.buffers_.keys()]).toEqual(c.buffers);
    });
  }

  it('leaves non-persistent buffers out of the state dict but lists them as buffers', () => {
    const m = new Sequential();
    m.registerBuffer('kept', new Tensor(new Float32Array(1), [1]));
    m.registerBuffer('scratch', new Tensor(new Float32Array(1), [1]), false);
    expect([...m.stateDict().keys()]).toEqual(['kept']);
    expect([...m.namedBuffers()].map(([n]) => n)).toEqual(['kept', 'scratch']);
    m.registerBuffer('scratch', new Tensor(new Float32Array(1), [1]));
    expect([...m.stateDict().keys()]).toEqual(['kept', 'scratch']);
  });
});
