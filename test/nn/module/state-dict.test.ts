import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../src/engine/index.js';
import type { AppError } from '../../../src/errors/index.js';
import { incompatibleKeysRepr, Linear, Parameter, ReLU, Sequential, StateDictError, type Module } from '../../../src/nn/index.js';
import { bitMismatches, cases, fixture, float32Of, type LoadCase } from './fixture.js';
import { build, setState } from './recipe.js';

function inputOf(c: LoadCase): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, v] of c.entries) {
    if ('py' in v) out.set(key, v.py);
    else {
      const data = v.dtype === 'float64' ? Float64Array.from(v.tensor.data as number[]) : float32Of(v.tensor);
      out.set(key, new Tensor(data, v.tensor.shape));
    }
  }
  return out;
}

function snapshot(m: Module): Map<string, Float32Array> {
  return new Map([...m.stateDict()].map(([k, v]) => [k, Float32Array.from(v.data)]));
}

describe(`load_state_dict against torch ${fixture.torch}`, () => {
  for (const c of cases.loadStateDict) {
    it(`${c.name}${c.error ? ' (fails)' : ''}`, () => {
      const net = build(c.recipe);
      setState(net, c.before);
      const before = snapshot(net);
      const input = inputOf(c);
      if (c.error !== null) {
        let caught: unknown;
        try {
          net.loadStateDict(input, c.strict);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(StateDictError);
        expect((caught as StateDictError).message).toBe(c.error.message);
        expect((caught as StateDictError).code).toBe('STATE_DICT_MISMATCH');
        // Our guarantee beyond PyTorch's: a failed load copies nothing.
        for (const [k, v] of snapshot(net)) expect(bitMismatches(v, before.get(k)!), k).toEqual([]);
        return;
      }
      const result = net.loadStateDict(input, c.strict);
      expect(result.missingKeys).toEqual(c.missingKeys);
      expect(result.unexpectedKeys).toEqual(c.unexpectedKeys);
      expect(incompatibleKeysRepr(result)).toBe(c.resultRepr);
      const after = net.stateDict();
      expect([...after.keys()]).toEqual(Object.keys(c.after!));
      for (const [k, v] of Object.entries(c.after!)) expect(bitMismatches(after.get(k)!.data, float32Of(v)), k).toEqual([]);
    });
  }

  it('refuses an input that is not a mapping, with PyTorch words and its own code', () => {
    const values: unknown[] = [[1], 5, 'x', null];
    cases.loadStateDictNotMapping.forEach((error, i) => {
      let caught: unknown;
      try {
        new Linear(1, 1, { init: false }).loadStateDict(values[i] as Map<string, unknown>);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(StateDictError);
      expect((caught as AppError).message).toBe(error.message);
      expect((caught as AppError).code).toBe('INVALID_STATE_DICT');
    });
  });

  it('lists every problem in the error details, for clients that branch on them', () => {
    const net = new Sequential([new Linear(4, 8, { init: false }), new ReLU(), new Linear(8, 1, { init: false })]);
    const input = new Map<string, unknown>([
      ['extra', new Tensor(new Float32Array(1), [1])],
      ['0.weight', new Tensor(new Float32Array(9), [3, 3])],
    ]);
    let caught: StateDictError | undefined;
    try {
      net.loadStateDict(input);
    } catch (e) {
      caught = e as StateDictError;
    }
    expect(caught!.details.missingKeys).toEqual(['0.bias', '2.weight', '2.bias']);
    expect(caught!.details.unexpectedKeys).toEqual(['extra']);
    expect(caught!.details.errors).toHaveLength(3);
  });

  it('accepts a plain object as well as a Map', () => {
    const l = new Linear(1, 1, { init: false });
    const result = l.loadStateDict({ weight: new Tensor(Float32Array.of(2), [1, 1]), bias: new Tensor(Float32Array.of(3), [1]) });
    expect(incompatibleKeysRepr(result)).toBe('<All keys matched successfully>');
    expect([l.weight.data[0], l.bias!.data[0]]).toEqual([2, 3]);
  });

  it('copies into the existing parameters: identity and requires_grad are kept', () => {
    const l = new Linear(2, 2, { init: false });
    const weight = l.weight;
    weight.requiresGrad = false;
    l.loadStateDict(new Map([['weight', new Tensor(new Float32Array(4).fill(1), [2, 2])], ['bias', new Tensor(new Float32Array(2), [2])]]));
    expect(l.weight).toBe(weight);
    expect(l.weight.requiresGrad).toBe(false);
    expect([...l.weight.data]).toEqual([1, 1, 1, 1]);
  });
});

describe('state_dict values', () => {
  it('are detached aliases of the parameters: same storage, requires_grad false, not Parameters', () => {
    const l = new Linear(2, 3, { init: false });
    const sd = l.stateDict();
    const w = sd.get('weight')!;
    expect(w).not.toBe(l.weight);
    expect(w).not.toBeInstanceOf(Parameter);
    expect(w.requiresGrad).toBe(false);
    expect(w.gradFn).toBeNull();
    expect(w.data).toBe(l.weight.data);
    l.weight.data[0] = 42;
    expect(w.data[0]).toBe(42);
  });

  it('with keep_vars are the Parameter objects themselves', () => {
    const l = new Linear(2, 3, { init: false });
    const sd = l.stateDict({ keepVars: true });
    expect(sd.get('weight')).toBe(l.weight);
    expect(sd.get('bias')).toBe(l.bias);
  });

  it('of a tied net hold one storage under both keys (S15)', () => {
    const shared = new Linear(8, 8, { init: false });
    const net = new Sequential([new Linear(4, 8, { init: false }), new ReLU(), shared, new ReLU(), shared]);
    const sd = net.stateDict();
    expect(sd.get('2.weight')!.data).toBe(sd.get('4.weight')!.data);
    expect([...net.namedParameters()].map(([n]) => n)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
  });
});
