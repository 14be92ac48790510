import { describe, expect, it } from 'vitest';
import { Generator } from '../../../src/engine/index.js';
import {
  AppError,
} from '../../../src/errors/index.js';
import {
  buildModel,
  Linear,
  modelToSpec,
  ReLU,
  Sequential,
  tieModule,
  tieParameter,
  validateSpec,
  type ArchitectureSpec,
  type Module,
} from '../../../src/nn/index.js';
import { cases, copy, LIMITS, specCase } from './fixture.js';
import { randomSpec } from './random-spec.js';
import { tieStructure } from './structure.js';

const build = (json: unknown, generator: Generator | null = null): Module => buildModel(validateSpec(json, LIMITS), generator);
const roundTrip = (json: unknown): ArchitectureSpec => modelToSpec(build(json));

describe('spec -> model -> spec', () => {
  it.each(cases.map((c) => [c.name, c.spec] as const))('gives back the canonical spec of %s, key order included', (_name, spec) => {
    const back = roundTrip(copy(spec));
    expect(back).toEqual(spec);
    expect(JSON.stringify(back)).toBe(JSON.stringify(spec));
  });

  it('omits default keywords and positional names', () => {
    const spec = {
      type: 'Sequential',
      layers: [
        { name: '0', type: 'Linear', in_features: 2, out_features: 3, bias: true },
        { type: 'LeakyReLU', negative_slope: 0.01 },
        { type: 'GELU', approximate: 'none' },
        { type: 'Softmax', dim: null },
        { type: 'Dropout', p: 0.5 },
        { type: 'Flatten', start_dim: 1, end_dim: -1 },
        { type: 'Sequential' },
        { name: 'seven', type: 'Linear', in_features: 3, out_features: 1, bias: false },
      ],
      ties: [],
      shared: {},
    };
    expect(roundTrip(spec)).toEqual({
      type: 'Sequential',
      layers: [
        { type: 'Linear', in_features: 2, out_features: 3 },
        { type: 'LeakyReLU' },
        { type: 'GELU' },
        { type: 'Softmax' },
        { type: 'Dropout' },
        { type: 'Flatten' },
        { type: 'Sequential', layers: [] },
        { name: 'seven', type: 'Linear', in_features: 3, out_features: 1, bias: false },
      ],
    });
  });

  it('keeps a shared module shared, under its name, even where it is placed once', () => {
    const spec = { type: 'Sequential', layers: [{ name: 'x', ref: 'enc' }], shared: { enc: { type: 'Linear', in_features: 2, out_features: 2 } } };
    expect(roundTrip(spec)).toEqual(spec);
  });

  it('orders shared modules as declared', () => {
    const spec = {
      type: 'Sequential',
      layers: [{ ref: 'z' }, { ref: 'a' }, { ref: 'm' }],
      shared: { m: { type: 'Tanh' }, z: { type: 'ReLU' }, a: { type: 'Sequential', layers: [{ ref: 'm' }] } },
    };
    expect(JSON.stringify(roundTrip(spec))).toBe(JSON.stringify(spec));
  });

  it('writes a tie in its canonical direction: from the later slot to the first name', () => {
    const layers = [0, 1, 2].map(() => ({ type: 'Linear', in_features: 2, out_features: 2 }));
    const back = roundTrip({ type: 'Sequential', layers, ties: [{ parameter: '0.weight', to: '-1.weight' }] });
    expect(back.ties).toEqual([{ parameter: '2.weight', to: '0.weight' }]);
    expect(roundTrip(back)).toEqual(back);
  });

  it('writes a tie of a parameter inside a shared module under the module\'s first path', () => {
    const spec = {
      type: 'Sequential',
      layers: [{ type: 'Linear', in_features: 2, out_features: 2 }, { name: 'p', ref: 's' }, { ref: 's' }],
      shared: { s: { type: 'Linear', in_features: 2, out_features: 2 } },
      ties: [{ parameter: '2.bias', to: '0.bias' }],
    };
    expect(roundTrip(spec).ties).toEqual([{ parameter: 'p.bias', to: '0.bias' }]);
  });

  it('refuses a model it cannot describe', () => {
    const withNone = new Sequential([new ReLU()]);
    withNone.addModule('gap', null);
    expect(() => modelToSpec(withNone)).toThrow(AppError);
    expect(() => modelToSpec(withNone)).toThrow('gap: a None child cannot be described by a spec');
  });
});

describe('model -> spec -> model', () => {
  it('describes a module tie made on a model as a shared module placed by refs', () => {
    const net = build({ type: 'Sequential', layers: [linear(4, 8), relu, linear(8, 8), relu, linear(8, 8), relu, linear(8, 1)] }, new Generator(0));
    tieModule(net, '4', '2');
    const spec = modelToSpec(net);
    expect(spec).toEqual({
      type: 'Sequential',
      layers: [linear(4, 8), relu, { ref: 'shared 2' }, relu, { ref: 'shared 2' }, relu, linear(8, 1)],
      shared: { 'shared 2': linear(8, 8) },
    });
    expect(tieStructure(build(spec))).toEqual(tieStructure(net));
    expect(tieStructure(net)).toEqual(tieStructure(build(specCase('s15').spec)));
  });

  it('describes a parameter tie made on a model as a tie', () => {
    const net = build({ type: 'Sequential', layers: [linear(4, 4), relu, linear(4, 4), relu, linear(4, 4)] });
    tieParameter(net, '4.weight', '2.weight');
    const spec = modelToSpec(net);
    expect(spec).toEqual(specCase('param-tie').spec);
    expect(tieStructure(build(spec))).toEqual(tieStructure(net));
  });

  it('describes a hand-built model, ties and nesting included', () => {
    const lin = new Linear(2, 2, { init: false });
    const inner = new Sequential([['l', lin], ['act', new ReLU()]] as [string, Module][]);
    const net = new Sequential([new Linear(3, 2, { init: false }), inner, lin, inner] as Module[]);
    const spec = modelToSpec(net);
    expect(spec).toEqual({
      type: 'Sequential',
      layers: [linear(3, 2), { ref: 'shared 1' }, { ref: 'shared 1.l' }, { ref: 'shared 1' }],
      shared: {
        'shared 1.l': linear(2, 2),
        'shared 1': { type: 'Sequential', layers: [{ name: 'l', ref: 'shared 1.l' }, { name: 'act', type: 'ReLU' }] },
      },
    });
    expect(tieStructure(build(spec))).toEqual(tieStructure(net));
  });

  it('keeps a spec\'s shared names when a generated one would clash', () => {
    const net = build({
      type: 'Sequential',
      layers: [{ ref: 'shared 2' }, relu, linear(2, 2), relu, linear(2, 2)],
      shared: { 'shared 2': { type: 'Tanh' } },
    });
    tieModule(net, '4', '2');
    const spec = modelToSpec(net);
    expect(Object.keys(spec.shared!)).toEqual(['shared 2', 'shared 2 (2)']);
    expect(roundTrip(spec)).toEqual(spec);
  });
});

describe('randomised specs', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

  it.each(seeds)('seed %i: canonical form is a fixed point, structure and draws survive', (seed) => {
    const spec = randomSpec(seed);
    const validated = validateSpec(spec, LIMITS);
    const model = buildModel(validated, new Generator(seed));
    const canonical = modelToSpec(model);
    const revalidated = validateSpec(copy(canonical), LIMITS);
    const rebuilt = buildModel(revalidated, new Generator(seed));

    expect(JSON.stringify(modelToSpec(rebuilt))).toBe(JSON.stringify(canonical));
    expect(tieStructure(rebuilt)).toEqual(tieStructure(model));
    expect(rebuilt.toString()).toBe(model.toString());
    expect([...rebuilt.namedParameters()].map(([n]) => n)).toEqual([...model.namedParameters()].map(([n]) => n));
    expect(revalidated.stats).toEqual(validated.stats);
  });

  it.each(seeds)('seed %i: the canonical form constructs in the same order, so draws the same weights', (seed) => {
    // Without the ties: a tie written in the other direction keeps the other slot's draws, by design.
    const untied = (json: ArchitectureSpec) => ({ ...json, ties: undefined });
    const spec = randomSpec(seed) as ArchitectureSpec;
    const canonical = roundTrip(copy(spec));
    const a = build(untied(spec), new Generator(seed)).stateDict();
    const b = build(untied(canonical), new Generator(seed)).stateDict();
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [key, t] of a) expect(b.get(key)!.data, key).toEqual(t.data);
  });
});

function linear(i: number, o: number) {
  return { type: 'Linear', in_features: i, out_features: o };
}
const relu = { type: 'ReLU' };
