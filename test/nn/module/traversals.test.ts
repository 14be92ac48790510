import { describe, expect, it } from 'vitest';
import { Module } from '../../../src/nn/index.js';
import { cases, fixture } from './fixture.js';
import { build } from './recipe.js';

const names = <T>(it: Iterable<[string, T]>) => [...it].map(([n]) => n);

describe(`traversal orders against torch ${fixture.torch}`, () => {
  it('covers the chapter net, rgnet, ties, None children, every layer, empty and deep nets', () => {
    const got = cases.structures.map((c) => c.name);
    for (const n of ['chapter', 'rgnet', 'tied S15', 'param tied', 'module tied', 'none children', 'every layer', 'empty', 'custom', 'deep 8'])
      expect(got).toContain(n);
  });

  for (const c of cases.structures) {
    describe(c.name, () => {
      const net = build(c.recipe);

      it('named_modules: pre-order, tied modules once under their first path; remove_duplicate=False; prefix', () => {
        expect(names(net.namedModules())).toEqual(c.namedModules);
        expect(names(net.namedModules({ removeDuplicate: false }))).toEqual(c.namedModulesAll);
        expect(names(net.namedModules({ prefix: 'model' }))).toEqual(c.namedModulesPrefix);
        expect([...net.modules()].length).toBe(c.namedModules.length);
      });

      it('named_children: direct children, None and repeats skipped', () => {
        expect(names(net.namedChildren())).toEqual(c.namedChildren);
        expect([...net.children()].length).toBe(c.namedChildren.length);
        expect(net.modules_.size).toBe(c.len);
      });

      it('named_parameters: tied parameters once under the first name; prefix; recurse=False', () => {
        expect([...net.namedParameters()].map(([n, p]) => [n, [...p.shape]])).toEqual(c.namedParameters);
        expect(names(net.namedParameters({ prefix: 'model' }))).toEqual(c.namedParametersPrefix);
        expect(names(net.namedParameters({ recurse: false }))).toEqual(c.namedParametersLocal);
        expect(net.parameters().map((p) => p.numel).reduce((a, b) => a + b, 0)).toBe(c.parameterCount);
        expect(names(net.namedBuffers())).toEqual(c.namedBuffers);
      });

      it('state_dict: every key, tied ones under each name, the same storage behind tied keys', () => {
        const sd = net.stateDict();
        expect([...sd.keys()]).toEqual(c.stateDict);
        expect([...net.stateDict({ prefix: 'm.' }).keys()]).toEqual(c.stateDictPrefix);
        const byStorage = new Map<ArrayBufferLike, string[]>();
        for (const [k, v] of sd) byStorage.set(v.data.buffer, [...(byStorage.get(v.data.buffer) ?? []), k]);
        expect([...byStorage.values()].filter((ks) => ks.length > 1)).toEqual(c.sharedStorage);
      });

      it('apply: post-order over children(), a tied child once per parent', () => {
        const firstPath = new Map<Module, string>();
        for (const [p, m] of net.namedModules()) firstPath.set(m, p);
        const calls: [string, string][] = [];
        expect(net.apply((m) => calls.push([firstPath.get(m)!, m.typeName]))).toBe(net);
        expect(calls).toEqual(c.apply);
      });
    });
  }

  it("rgnet's apply makes the spec's 23 calls, Linear first and the root last", () => {
    const rgnet = cases.structures.find((c) => c.name === 'rgnet')!;
    expect(rgnet.apply.length).toBe(23);
    expect(rgnet.apply[0]).toEqual(['0.block 0.0', 'Linear']);
    expect(rgnet.apply[22]).toEqual(['', 'Sequential']);
    expect(rgnet.stateDict.length).toBe(18);
  });
});
