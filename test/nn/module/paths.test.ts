import { describe, expect, it } from 'vitest';
import {
  firstNames, Linear, type Module, ModuleNotFoundError, ParameterNotFoundError, ReLU, resolveModule, resolveParameter,
  Sequential,
} from '../../../src/nn/index.js';
import { cases, fixture } from './fixture.js';
import { build } from './recipe.js';

const probe = build(cases.paths.recipe);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe(`get_submodule / get_parameter against torch ${fixture.torch}`, () => {
  const firstPath = new Map<Module, string>();
  for (const [p, m] of probe.namedModules()) firstPath.set(m, p);
  const firstParam = firstNames(probe);

  for (const c of cases.paths.submodule) {
    it(`get_submodule(${JSON.stringify(c.target)})${c.error ? `: ${c.error.message}` : ''}`, () => {
      if (c.error === null) {
        expect(firstPath.get(probe.getSubmodule(c.target))).toBe(c.path);
        return;
      }
      const e = thrown(() => probe.getSubmodule(c.target));
      expect(e).toBeInstanceOf(ModuleNotFoundError);
      expect((e as Error).message).toBe(c.error.message);
    });
  }

  for (const c of cases.paths.parameter) {
    it(`get_parameter(${JSON.stringify(c.target)})${c.error ? `: ${c.error.message}` : ''}`, () => {
      if (c.error === null) {
        expect(firstParam.get(probe.getParameter(c.target))).toBe(c.name);
        return;
      }
      const e = thrown(() => probe.getParameter(c.target));
      expect(e).toBeInstanceOf(ParameterNotFoundError);
      expect((e as Error).message).toBe(c.error.message);
      expect((e as ParameterNotFoundError).details.path).toBe(c.target);
    });
  }
});

describe('service paths: names and positions both resolve', () => {
  const rgnet = build(cases.structures.find((s) => s.name === 'rgnet')!.recipe);

  it('`0.1.0.bias` and `0.block 1.0.bias` are one parameter, reported under its canonical name (S9)', () => {
    const byName = rgnet.getParameter('0.block 1.0.bias');
    for (const alias of ['0.1.0.bias', '0.block 1.0.bias', '-2.-3.-4.bias', '0.-3.0.bias']) {
      const r = resolveParameter(rgnet, alias);
      expect(r.parameter, alias).toBe(byName);
      expect(r.canonicalName, alias).toBe('0.block 1.0.bias');
      expect(r.localName).toBe('bias');
    }
  });

  it('`-1.weight` is the last child', () => {
    expect(resolveParameter(rgnet, '-1.weight').parameter).toBe(rgnet.getParameter('1.weight'));
    expect(resolveParameter(rgnet, '-1.weight').canonicalName).toBe('1.weight');
  });

  it('resolves modules with their parent and key; the empty path is the root', () => {
    expect(resolveModule(rgnet, '')).toEqual({ module: rgnet, canonicalPath: '', parent: null, key: null });
    const r = resolveModule(rgnet, '0.2');
    expect(r.module).toBe(rgnet.getSubmodule('0.block 2'));
    expect(r.canonicalPath).toBe('0.block 2');
    expect(r.parent).toBe(rgnet.getSubmodule('0'));
    expect(r.key).toBe('block 2');
  });

  it('prefers a child name over a position', () => {
    const a = new ReLU();
    const b = new ReLU();
    const net = new Sequential([['1', a], ['0', b]]);
    expect(resolveModule(net, '1').module).toBe(a);
    expect(resolveModule(net, '0').module).toBe(b);
    expect(resolveModule(net, '-1').module).toBe(b);
  });

  it('accepts positions only as Python writes ints', () => {
    for (const bad of ['01', '+1', '1.0', ' 1', '-0', '1e0', '0x1'])
      expect(() => resolveModule(rgnet, bad), bad).toThrow(ModuleNotFoundError);
  });

  it('refuses unknown names, positions out of range, None children and attributes, as get_submodule words them', () => {
    expect(thrown(() => resolveModule(rgnet, '0.block 9'))).toMatchObject({ message: 'Sequential has no attribute `block 9`', code: 'MODULE_NOT_FOUND' });
    expect(thrown(() => resolveModule(rgnet, '2'))).toMatchObject({ message: 'Sequential has no attribute `2`' });
    expect(thrown(() => resolveModule(rgnet, '-3'))).toMatchObject({ message: 'Sequential has no attribute `-3`' });
    expect(thrown(() => resolveModule(rgnet, 'training'))).toMatchObject({ message: '`training` is not an nn.Module' });
    expect(thrown(() => resolveModule(rgnet, '1.weight'))).toMatchObject({ message: '`weight` is not an nn.Module' });
    expect(thrown(() => resolveModule(probe, 'n'))).toMatchObject({ message: '`n` is not an nn.Module' });
    expect(thrown(() => resolveModule(probe, '2'))).toMatchObject({ message: '`n` is not an nn.Module' });
    expect(thrown(() => resolveModule(rgnet, '0.'))).toMatchObject({ message: 'Sequential has no attribute ``' });
  });

  it('refuses parameter paths with PARAMETER_NOT_FOUND and get_parameter words', () => {
    expect(thrown(() => resolveParameter(rgnet, '0.1.0.nope'))).toMatchObject({ message: 'Linear has no attribute `nope`', code: 'PARAMETER_NOT_FOUND' });
    expect(thrown(() => resolveParameter(rgnet, '0.1.0'))).toMatchObject({ message: '`0` is not an nn.Parameter' });
    expect(thrown(() => resolveParameter(rgnet, '9.weight'))).toMatchObject({ message: 'Sequential has no attribute `9`', code: 'PARAMETER_NOT_FOUND' });
    expect(thrown(() => resolveParameter(probe, 'nb.bias'))).toMatchObject({ message: '`bias` is not an nn.Parameter' });
    expect(thrown(() => resolveParameter(probe, '0.training'))).toMatchObject({ message: '`training` is not an nn.Parameter' });
  });

  it('answers a tied alias under the requested name; firstNames gives the name it is tied to (S15)', () => {
    const shared = new Linear(8, 8, { init: false });
    const net = new Sequential([new Linear(4, 8, { init: false }), new ReLU(), shared, new ReLU(), shared]);
    const alias = resolveParameter(net, '4.weight');
    expect(alias.canonicalName).toBe('4.weight');
    expect(alias.parameter).toBe(shared.weight);
    expect(firstNames(net).get(alias.parameter)).toBe('2.weight');
  });
});
