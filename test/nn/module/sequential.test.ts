import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../src/engine/index.js';
import type { AppError } from '../../../src/errors/index.js';
import { Identity, Linear, ModuleIndexError, ReLU, Sequential, Sigmoid, Tanh } from '../../../src/nn/index.js';
import { cases, fixture } from './fixture.js';
import { build } from './recipe.js';

const c = cases.sequential;

function keyOf(seq: Sequential, child: unknown): string | undefined {
  for (const [k, v] of seq.modules_) if (v === child) return k;
  return undefined;
}

describe(`Sequential against torch ${fixture.torch}`, () => {
  const net = build(c.recipe) as Sequential;

  it('len counts every child, None included', () => {
    expect(net.length).toBe(c.len);
  });

  for (const a of c.at) {
    it(`seq[${a.index}]${a.error ? `: ${a.error.message}` : ` is (${a.key})`}`, () => {
      if (a.error === null) {
        const got = net.at(a.index);
        expect(got === null).toBe(a.isNone);
        expect(keyOf(net, got)).toBe(a.key);
        expect(net.keyAt(a.index)).toBe(a.key);
        return;
      }
      let caught: unknown;
      try {
        net.at(a.index);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ModuleIndexError);
      expect((caught as AppError).message).toBe(a.error.message);
      expect((caught as AppError).code).toBe('INDEX_OUT_OF_RANGE');
    });
  }

  it(`slices keep the original keys and share the modules (${c.slices.length} start/stop/step combinations)`, () => {
    for (const s of c.slices) {
      const sliced = net.slice(s.start, s.stop, s.step);
      expect([...sliced.modules_.keys()], JSON.stringify(s)).toEqual(s.keys);
      for (const [k, m] of sliced.modules_) expect(m).toBe(net.modules_.get(k));
    }
  });

  for (const s of c.sliceReprs) {
    it(`seq[${s.start ?? ''}:${s.stop ?? ''}${s.step === null ? '' : `:${s.step}`}] prints as torch`, () => {
      expect(net.slice(s.start, s.stop, s.step).toString()).toBe(s.repr);
    });
  }

  it('refuses a zero step and non-integer indices as Python does', () => {
    expect(() => net.slice(null, null, 0)).toThrow(c.stepZero.message);
    expect(() => net.at(1.5)).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => net.at('0' as unknown as number)).toThrow("'str' object cannot be interpreted as an integer");
  });

  it('append after named keys gives the next positional key', () => {
    const named = new Sequential([['block 0', new ReLU()], ['block 1', new ReLU()]]);
    expect(named.append(new ReLU())).toBe(named);
    expect([...named.modules_.keys()]).toEqual(c.appendAfterNamed.keys);
    const rebuilt = build({
      type: 'Sequential',
      layers: [
        { type: 'Sequential', name: 'block 0', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 4 }, { type: 'ReLU' }] },
        { type: 'Sequential', name: 'block 1', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 4 }, { type: 'ReLU' }] },
      ],
    }) as Sequential;
    rebuilt.append(new ReLU());
    expect(rebuilt.toString()).toBe(c.appendAfterNamed.repr);
  });

  it('append after a slice replaces the child already at key str(len) (PyTorch does the same)', () => {
    const sliced = new Sequential([new ReLU(), new Tanh(), new Sigmoid()]).slice(null, null, 2);
    sliced.append(new Identity());
    expect([...sliced.modules_.keys()]).toEqual(c.appendAfterSlice.keys);
    expect(sliced.toString()).toBe(c.appendAfterSlice.repr);
  });

  it('extend appends each module', () => {
    const s = new Sequential([['a', new ReLU()]]).extend([new Tanh(), new Sigmoid()]);
    expect([...s.modules_.keys()]).toEqual(['a', '1', '2']);
  });

  it('forward runs the children in order, a tied child at each position, and fails on a None child', () => {
    const l = new Linear(1, 1, { init: false });
    l.weight.data[0] = 2;
    l.bias!.data[0] = 1;
    const y = new Sequential([l, new ReLU(), l]).forward(new Tensor(Float32Array.of(3), [1, 1]));
    expect([...y.data]).toEqual([15]);
    expect(new Sequential().forward(y)).toBe(y);
    expect(() => net.forward(y)).toThrow(c.noneForward.message);
  });
});
