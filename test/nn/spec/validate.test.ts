import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/index.js';
import { LAYER_TYPES, validateSpec } from '../../../src/nn/index.js';
import { LIMITS, specCase } from './fixture.js';

const linear = (i: number, o: number, extra: Record<string, unknown> = {}) => ({ type: 'Linear', in_features: i, out_features: o, ...extra });
const seq = (...layers: unknown[]) => ({ type: 'Sequential', layers });
const relu = { type: 'ReLU' };

function failure(json: unknown): AppError {
  try {
    validateSpec(json, LIMITS);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('validateSpec accepted the spec');
}

/** [what, spec, field, exact message] for INVALID_ARCHITECTURE. */
const INVALID: [string, unknown, string, string][] = [
  ['a non-object root', [], '', 'the architecture must be a JSON object, got []'],
  ['null', null, '', 'the architecture must be a JSON object, got null'],
  ['a ref at the root', { ref: 'x' }, 'ref', 'ref: the root cannot be a ref'],
  ['a missing type', {}, 'type', 'type is required'],
  ['a non-string type', { type: 3 }, 'type', 'type must be a string, got 3'],
  ['a name at the root', { name: 'net', ...seq() }, 'name', 'name: the root module has no name'],
  ['layers not an array', { type: 'Sequential', layers: {} }, 'layers', 'layers must be an array, got {}'],
  ['a child that is not an object', seq(relu, 3), 'layers[1]', 'layers[1] must be an object (a layer or a ref), got 3'],
  ['a bad out_features', seq(relu, relu, linear(4, -1)), 'layers[2].out_features', 'layers[2].out_features must be a positive integer, got -1'],
  ['a zero in_features', seq(linear(0, 1)), 'layers[0].in_features', 'layers[0].in_features must be a positive integer, got 0'],
  ['a fractional in_features', seq(linear(1.5, 1)), 'layers[0].in_features', 'layers[0].in_features must be a positive integer, got 1.5'],
  ['a string out_features', seq(linear(4, '8' as unknown as number)), 'layers[0].out_features', 'layers[0].out_features must be a positive integer, got "8"'],
  ['a missing out_features', seq({ type: 'Linear', in_features: 4 }), 'layers[0].out_features', "layers[0].out_features: Linear() missing required argument 'out_features'"],
  ['an unknown keyword', seq(linear(4, 8, { foo: 1 })), 'layers[0].foo', "layers[0].foo: Linear() got an unexpected keyword argument 'foo'"],
  ['a keyword of another layer', seq({ type: 'ReLU', inplace: true }), 'layers[0].inplace', "layers[0].inplace: ReLU() got an unexpected keyword argument 'inplace'"],
  ['layers on a leaf', seq({ type: 'Tanh', layers: [] }), 'layers[0].layers', "layers[0].layers: Tanh() got an unexpected keyword argument 'layers'"],
  ['a non-boolean bias', seq(linear(4, 8, { bias: 1 })), 'layers[0].bias', 'layers[0].bias must be a boolean, got 1'],
  ['a string negative_slope', seq({ type: 'LeakyReLU', negative_slope: 'x' }), 'layers[0].negative_slope', 'layers[0].negative_slope must be a finite number, got "x"'],
  ['an unknown approximate', seq({ type: 'GELU', approximate: 'exact' }), 'layers[0].approximate', 'layers[0].approximate: approximate argument must be either none or tanh. (got "exact")'],
  ['a fractional Softmax dim', seq({ type: 'Softmax', dim: 1.5 }), 'layers[0].dim', 'layers[0].dim must be an integer or null, got 1.5'],
  ['a boolean LogSoftmax dim', seq({ type: 'LogSoftmax', dim: true }), 'layers[0].dim', 'layers[0].dim must be an integer or null, got true'],
  ['a Dropout p over 1', seq({ type: 'Dropout', p: 1.5 }), 'layers[0].p', 'layers[0].p: dropout probability has to be between 0 and 1, but got 1.5'],
  ['a Dropout p under 0', seq({ type: 'Dropout', p: -0.1 }), 'layers[0].p', 'layers[0].p: dropout probability has to be between 0 and 1, but got -0.1'],
  ['a boolean Flatten start_dim', seq({ type: 'Flatten', start_dim: true }), 'layers[0].start_dim', 'layers[0].start_dim must be an integer, got true'],
  ['a non-string name', seq({ name: 3, ...relu }), 'layers[0].name', 'layers[0].name must be a string, got 3'],
  ['a dotted name', seq(relu, seq({ name: 'a.b', ...relu })), 'layers[1].layers[0].name', 'layers[1].layers[0].name: module name can\'t contain ".", got: a.b'],
  ['an empty name', seq({ name: '', ...relu }), 'layers[0].name', 'layers[0].name: module name can\'t be empty string ""'],
  ['a reserved Module attribute', seq({ name: 'training', ...relu }), 'layers[0].name', "layers[0].name: attribute 'training' already exists"],
  ['a reserved Sequential attribute', seq({ name: 'append', ...relu }), 'layers[0].name', "layers[0].name: attribute 'append' already exists"],
  ['a duplicate name', seq({ name: 'a', ...relu }, { name: 'a', ...relu }), 'layers[1].name', "layers[1].name: the child name 'a' is already used by layers[0]"],
  [
    'a name taken by a later position',
    seq({ name: '1', ...relu }, relu),
    'layers[1]',
    "layers[1]: the child name '1' is already used by layers[0] (an unnamed child is named by its position)",
  ],
  ['shared below the root', seq({ ...seq(), shared: {} }), 'layers[0].shared', "layers[0].shared: 'shared' is only allowed at the root of the architecture"],
  ['ties below the root', seq({ ...seq(), ties: [] }), 'layers[0].ties', "layers[0].ties: 'ties' is only allowed at the root of the architecture"],
  ['a ref to an unknown name', { ...seq(relu, relu, { ref: 'x' }), shared: { s: relu }, ties: [] }, 'layers[2].ref', "layers[2].ref: unknown shared module 'x'; declared: 's'"],
  ['a ref with no shared section', seq({ ref: 'x' }), 'layers[0].ref', "layers[0].ref: unknown shared module 'x'; none is declared"],
  ['a non-string ref', seq({ ref: 1 }), 'layers[0].ref', 'layers[0].ref must be a string naming a shared module, got 1'],
  ['a ref with a type', { ...seq({ ref: 's', type: 'ReLU' }), shared: { s: relu } }, 'layers[0].type', "layers[0].type: a ref takes only 'ref' and 'name', got 'type'"],
  ['shared not an object', { ...seq(), shared: [] }, 'shared', 'shared must be an object mapping names to layers, got []'],
  ['a shared body not an object', { ...seq(), shared: { s: 1 } }, 'shared.s', 'shared.s must be an object (a layer), got 1'],
  ['a shared ref', { ...seq({ ref: 's' }), shared: { t: relu, s: { ref: 't' } } }, 'shared.s.ref', 'shared.s.ref: a shared module cannot be a ref'],
  ['a named shared body', { ...seq({ ref: 's' }), shared: { s: { name: 'x', ...relu } } }, 'shared.s.name', "shared.s.name: a shared module is named by its key in 'shared'"],
  ['an empty shared name', { ...seq({ ref: '' }), shared: { '': relu } }, 'shared[""]', 'shared[""]: a shared module name must be non-empty'],
  [
    'an integer-like shared name',
    { ...seq({ ref: '2' }), shared: { '2': relu } },
    'shared["2"]',
    "shared[\"2\"]: a shared module name cannot be a non-negative integer ('2'): JSON objects do not keep such keys in order, and declaration order is construction order",
  ],
  ['a shared module containing itself', { ...seq({ ref: 'a' }), shared: { a: seq({ ref: 'a' }) } }, 'shared.a.layers[0].ref', "shared.a.layers[0].ref: shared module 'a' cannot contain itself"],
  [
    'shared modules in a cycle',
    { ...seq({ ref: 'a' }), shared: { a: seq(relu, { ref: 'b' }), b: seq({ ref: 'c' }), c: seq({ ref: 'a' }) } },
    'shared.a.layers[1].ref',
    'shared.a.layers[1].ref: shared modules form a cycle a -> b -> c -> a; a module cannot contain itself',
  ],
  [
    'a forward ref between shared modules',
    { ...seq({ ref: 'a' }), shared: { a: seq({ ref: 'b' }), b: relu } },
    'shared.a.layers[0].ref',
    "shared.a.layers[0].ref: shared module 'b' is declared after 'a'; declare it first (shared modules are built in declaration order)",
  ],
  [
    'a shared module never placed',
    { ...seq({ ref: 'a' }), shared: { a: relu, 'un used': relu } },
    'shared["un used"]',
    'shared["un used"]: shared module \'un used\' is never placed; add {"ref": "un used"} where it belongs, or remove it',
  ],
  ['ties not an array', { ...seq(), ties: {} }, 'ties', 'ties must be an array, got {}'],
  ['a tie not an object', { ...seq(), ties: ['0.weight'] }, 'ties[0]', 'ties[0] must be an object {parameter, to}, got "0.weight"'],
  [
    'a module tie in ties',
    { ...seq(), ties: [{ module: '2', to: '0' }] },
    'ties[0].module',
    "ties[0].module: a tie takes only 'parameter' and 'to'; a module is tied by declaring it in 'shared' and placing it with refs",
  ],
  ['a tie without to', { ...seq(linear(2, 2)), ties: [{ parameter: '0.weight' }] }, 'ties[0].to', 'ties[0].to must be a parameter path (a string), got nothing'],
  ['a tie to a missing module', { ...seq(linear(2, 2)), ties: [{ parameter: '9.weight', to: '0.weight' }] }, 'ties[0].parameter', 'ties[0].parameter: Sequential has no attribute `9`'],
  ['a tie to a module', { ...seq(linear(2, 2), linear(2, 2)), ties: [{ parameter: '1.weight', to: '0' }] }, 'ties[0].to', 'ties[0].to: `0` is not an nn.Parameter'],
  ['a tie through a leaf', { ...seq(linear(2, 2), linear(2, 2)), ties: [{ parameter: '1.weight', to: '0.x.weight' }] }, 'ties[0].to', 'ties[0].to: Linear has no attribute `x`'],
  [
    'a tie to a missing bias',
    { ...seq(linear(2, 2, { bias: false }), linear(2, 2)), ties: [{ parameter: '1.bias', to: '0.bias' }] },
    'ties[0].to',
    'ties[0].to: Linear has no attribute `bias`',
  ],
  [
    'a tie between different shapes',
    { ...seq(linear(4, 8), linear(8, 8)), ties: [{ parameter: '1.weight', to: '0.weight' }] },
    'ties[0]',
    "ties[0]: cannot tie '1.weight' to '0.weight': shapes [8, 8] and [8, 4] differ",
  ],
  [
    'a tie between two paths of one shared module',
    { ...seq({ ref: 's' }, { name: 'again', ref: 's' }), shared: { s: linear(2, 2) }, ties: [{ parameter: 'again.weight', to: '0.weight' }] },
    'ties[0]',
    "ties[0]: 'again.weight' and '0.weight' are already the same parameter",
  ],
  [
    'a slot tied twice',
    { ...seq(linear(2, 2), linear(2, 2), linear(2, 2)), ties: [{ parameter: '2.weight', to: '0.weight' }, { parameter: '-1.weight', to: '1.weight' }] },
    'ties[1].parameter',
    "ties[1].parameter: '2.weight' is already tied by ties[0]",
  ],
];

describe('validateSpec refuses each rule, naming the node by its JSON path', () => {
  it.each(INVALID)('%s', (_what, json, field, message) => {
    const e = failure(json);
    expect(e.code).toBe('INVALID_ARCHITECTURE');
    expect(e.category).toBe('INVALID');
    expect(e.details.field).toBe(field);
    expect(e.message).toBe(message);
  });

  it.each([
    ['the root', { type: 'Conv2d' }, 'type'],
    ['a child', seq(relu, seq({ type: 'relu' })), 'layers[1].layers[0].type'],
    ['a shared module', { ...seq({ ref: 'enc' }), shared: { enc: { type: 'Conv2d' } } }, 'shared.enc.type'],
  ])('an unknown type at %s is UNKNOWN_MODULE_TYPE', (_where, json, field) => {
    const e = failure(json);
    expect(e.code).toBe('UNKNOWN_MODULE_TYPE');
    expect(e.details.field).toBe(field);
    const type = (field === 'type' ? 'Conv2d' : field.startsWith('shared') ? 'Conv2d' : 'relu');
    expect(e.message).toBe(`${field}: unknown module type '${type}'; known: ${LAYER_TYPES.join(', ')}`);
  });

  it('checks the shared modules first, in declaration order, then the layers', () => {
    const e = failure({ ...seq({ type: 'Nope' }, { ref: 'a' }), shared: { a: seq({ type: 'Bad' }) } });
    expect(e.details.field).toBe('shared.a.layers[0].type');
  });

  it('does not let inherited object properties pass as keys', () => {
    const e = failure(seq({ ref: 'constructor' }));
    expect(e.message).toBe("layers[0].ref: unknown shared module 'constructor'; none is declared");
    expect(failure({ ...seq({ ref: 'toString' }), shared: {} }).code).toBe('INVALID_ARCHITECTURE');
    const proto = JSON.parse('{"type": "Sequential", "layers": [{"ref": "__proto__"}], "shared": {"__proto__": {"type": "ReLU"}}}');
    expect(validateSpec(proto, LIMITS).shared.map((s) => s.name)).toEqual(['__proto__']);
  });
});

describe('validateSpec returns the typed tree', () => {
  it('fills in defaults and positional names', () => {
    const v = validateSpec(
      seq(linear(4, 8), { name: 'act', type: 'LeakyReLU' }, { type: 'GELU' }, { type: 'Softmax' }, { type: 'Dropout' }, { type: 'Flatten', end_dim: 2 }, { type: 'Sequential' }),
      LIMITS,
    );
    expect(v.root).toEqual({
      type: 'Sequential',
      children: [
        { name: '0', node: { type: 'Linear', in_features: 4, out_features: 8, bias: true } },
        { name: 'act', node: { type: 'LeakyReLU', negative_slope: 0.01 } },
        { name: '2', node: { type: 'GELU', approximate: 'none' } },
        { name: '3', node: { type: 'Softmax', dim: null } },
        { name: '4', node: { type: 'Dropout', p: 0.5 } },
        { name: '5', node: { type: 'Flatten', start_dim: 1, end_dim: 2 } },
        { name: '6', node: { type: 'Sequential', children: [] } },
      ],
    });
    expect(v.shared).toEqual([]);
    expect(v.ties).toEqual([]);
  });

  it('keeps one node object per shared module, reached from each ref', () => {
    const v = validateSpec(specCase('s15').spec, LIMITS);
    const root = v.root as { children: { node: unknown }[] };
    expect(root.children[2].node).toEqual({ ref: 'shared' });
    expect(v.shared).toEqual([{ name: 'shared', node: { type: 'Linear', in_features: 8, out_features: 8, bias: true } }]);
  });

  it('accepts a root that is not a Sequential, and unicode and spaced names', () => {
    expect(validateSpec(linear(3, 2), LIMITS).root).toEqual({ type: 'Linear', in_features: 3, out_features: 2, bias: true });
    const v = validateSpec(seq({ name: 'block 0', ...relu }, { name: 'é x', ...relu }), LIMITS);
    expect((v.root as { children: { name: string }[] }).children.map((c) => c.name)).toEqual(['block 0', 'é x']);
  });

  it("counts like torch: parameters (tied once), module paths, depth", () => {
    for (const name of ['s1', 'rgnet', 's15', 'all-layers', 'param-tie', 'nested-shared']) {
      const c = specCase(name);
      const { stats } = validateSpec(c.spec, LIMITS);
      expect(stats.parameterCount, name).toBe(c.parameterCount);
      expect(stats.modulePaths, name).toBe(c.modulePathCount);
      expect(stats.depth, name).toBe(Math.max(...c.namedModules.map((p) => (p === '' ? 0 : p.split('.').length))));
    }
    // The tied-away 4.weight is still drawn while building, so it counts toward what is allocated.
    expect(validateSpec(specCase('param-tie').spec, LIMITS).stats.allocatedParameters).toBe(44 + 16);
  });
});
