import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../src/engine/index.js';
import { Linear, type Module, ReLU, resolveParameter, Sequential } from '../../../src/nn/index.js';
import { deepChain } from './recipe.js';

function wide(blocks: number): Sequential {
  const layers: Module[] = [];
  for (let i = 0; i < blocks; i++) layers.push(new Linear(4, 4, { init: false }), new ReLU());
  return new Sequential(layers);
}

describe('a model of 1000 modules', () => {
  const net = wide(500);

  it('walks it whole: named_parameters, state_dict, load_state_dict, apply, print', () => {
    expect([...net.namedModules()].length).toBe(1001);
    expect([...net.namedParameters()].length).toBe(1000);
    const sd = net.stateDict();
    expect(sd.size).toBe(1000);
    expect(net.loadStateDict(sd)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    let visits = 0;
    net.apply(() => visits++);
    expect(visits).toBe(1001);
    expect(net.toString().split('\n').length).toBe(1002);
  });
});

describe('a model nested 1000 deep (and walks 10000 deep)', () => {
  it('every traversal is iterative: no stack overflow, linear time', () => {
    const { root, leaf } = deepChain(10_000);
    const path = Array.from({ length: 10_000 }, () => '0').join('.');
    expect([...root.namedModules()].length).toBe(10_001);
    expect([...root.namedParameters()].map(([n]) => n)).toEqual([`${path}.weight`, `${path}.bias`]);
    const sd = root.stateDict();
    expect([...sd.keys()]).toEqual([`${path}.weight`, `${path}.bias`]);
    sd.get(`${path}.weight`)!.data.fill(3);
    expect(leaf.weight.data[0]).toBe(3);
    const input = new Map([[`${path}.weight`, new Tensor(new Float32Array(4).fill(5), [2, 2])], [`${path}.bias`, new Tensor(new Float32Array(2), [2])]]);
    expect(root.loadStateDict(input)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(leaf.weight.data[0]).toBe(5);
    let calls = 0;
    root.apply(() => calls++);
    expect(calls).toBe(10_001);
    root.eval();
    expect(leaf.training).toBe(false);
    expect(root.getSubmodule(path)).toBe(leaf);
    expect(resolveParameter(root, `${path}.bias`).parameter).toBe(leaf.bias);
  });

  it('prints and runs forward 1000 deep', () => {
    const { root, leaf } = deepChain(1000);
    const text = root.toString();
    const lines = text.split('\n');
    expect(lines.length).toBe(2001);
    expect(lines[1000]).toBe(`${' '.repeat(2000)}(0): Linear(in_features=2, out_features=2, bias=True)`);
    expect(lines[2000]).toBe(')');
    leaf.weight.data.set([1, 0, 0, 1]);
    const y = root.forward(new Tensor(Float32Array.of(7, 8), [1, 2]));
    expect([...y.data]).toEqual([7, 8]);
  });
});
