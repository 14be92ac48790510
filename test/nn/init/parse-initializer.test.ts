import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/index.js';
import { INITIALIZER_NAMES, MAX_MIXTURE_COMPONENTS, MAX_MIXTURE_DEPTH, parseInitializer } from '../../../src/nn/index.js';

function rejection(value: unknown, field = 'weight'): AppError {
  try {
    parseInitializer(value, field);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

const mixtureOf = (...components: [number, unknown][]) => ({
  name: 'mixture',
  components: components.map(([weight, init]) => ({ weight, init })),
});

describe('parseInitializer: the registry of api.md', () => {
  it("offers torch.nn.init's initializers by API name, plus default and mixture", () => {
    expect(INITIALIZER_NAMES).toEqual([
      'uniform', 'normal', 'trunc_normal', 'constant', 'ones', 'zeros', 'eye', 'dirac', 'xavier_uniform', 'xavier_normal',
      'kaiming_uniform', 'kaiming_normal', 'orthogonal', 'sparse', 'default', 'mixture',
    ]);
  });

  it("fills in PyTorch's defaults", () => {
    expect(parseInitializer({ name: 'uniform' }, 'weight')).toEqual({ name: 'uniform', a: 0, b: 1 });
    expect(parseInitializer({ name: 'normal', std: 0.01 }, 'weight')).toEqual({ name: 'normal', mean: 0, std: 0.01 });
    expect(parseInitializer({ name: 'trunc_normal' }, 'weight')).toEqual({ name: 'trunc_normal', mean: 0, std: 1, a: -2, b: 2 });
    expect(parseInitializer({ name: 'dirac' }, 'weight')).toEqual({ name: 'dirac', groups: 1 });
    expect(parseInitializer({ name: 'xavier_normal' }, 'weight')).toEqual({ name: 'xavier_normal', gain: 1 });
    expect(parseInitializer({ name: 'kaiming_uniform' }, 'weight')).toEqual({ name: 'kaiming_uniform', a: 0, mode: 'fan_in', nonlinearity: 'leaky_relu' });
    expect(parseInitializer({ name: 'orthogonal' }, 'weight')).toEqual({ name: 'orthogonal', gain: 1 });
    expect(parseInitializer({ name: 'sparse', sparsity: 0.1 }, 'weight')).toEqual({ name: 'sparse', sparsity: 0.1, std: 0.01 });
    expect(parseInitializer({ name: 'default' }, 'weight')).toEqual({ name: 'default' });
    expect(parseInitializer({ name: 'kaiming_normal', mode: 'FAN_OUT' }, 'weight')).toMatchObject({ mode: 'fan_out' });
  });

  it('refuses a name it does not know with UNKNOWN_INITIALIZER', () => {
    for (const name of ['gaussian', 'Normal', 'normal_', 'toString', '__proto__']) {
      const e = rejection({ name });
      expect(e.code).toBe('UNKNOWN_INITIALIZER');
      expect(e.details).toMatchObject({ field: 'weight.name', name });
      expect(e.message).toMatch(/^weight\.name: unknown initializer .*; expected one of uniform, normal, /);
    }
  });

  it('refuses what is not an initializer object', () => {
    for (const value of [null, 'normal', 3, [], undefined]) {
      const e = rejection(value, 'bias');
      expect(e.code).toBe('INVALID_INITIALIZER');
      expect(e.details.field).toBe('bias');
    }
    expect(rejection({ std: 1 }).message).toBe('weight.name must be a string, got nothing');
    expect(rejection({ name: 7 }).details.field).toBe('weight.name');
  });

  it('names an unknown or a missing keyword the way Python does', () => {
    const unknown = rejection({ name: 'normal', sd: 1 });
    expect(unknown.message).toBe("weight.sd: normal_() got an unexpected keyword argument 'sd'");
    expect(unknown.details.field).toBe('weight.sd');
    expect(rejection({ name: 'zeros', val: 0 }).message).toBe("weight.val: zeros_() got an unexpected keyword argument 'val'");
    expect(rejection({ name: 'default', gain: 1 }).message).toBe("weight.gain: default got an unexpected keyword argument 'gain'");
    const missing = rejection({ name: 'constant' });
    expect(missing.code).toBe('INVALID_INITIALIZER');
    expect(missing.message).toBe("weight.val: constant_() missing 1 required positional argument: 'val'");
    expect(missing.details.field).toBe('weight.val');
    expect(rejection({ name: 'sparse' }).message).toBe("weight.sparsity: sparse_() missing 1 required positional argument: 'sparsity'");
    expect(rejection({ name: 'mixture' }).details.field).toBe('weight.components');
  });

  it('takes finite numbers only', () => {
    for (const std of ['NaN', 'Infinity', NaN, Infinity, null, '0.1', true, [0.1]]) {
      const e = rejection({ name: 'normal', std });
      expect(e.code).toBe('INVALID_INITIALIZER');
      expect(e.details.field).toBe('weight.std');
      expect(e.message).toMatch(/^weight\.std must be a finite number, got /);
    }
    expect(rejection({ name: 'uniform', a: -Infinity }).details.field).toBe('weight.a');
  });

  it('checks the enumerations and ranges of the keywords', () => {
    expect(rejection({ name: 'kaiming_normal', nonlinearity: 'gelu' }).message).toBe('weight.nonlinearity: Unsupported nonlinearity gelu');
    expect(rejection({ name: 'kaiming_normal', nonlinearity: 'ReLU' }).details.field).toBe('weight.nonlinearity');
    expect(rejection({ name: 'kaiming_normal', mode: 3 }).message).toBe('weight.mode must be a string, got 3');
    for (const groups of [0, -2, 1.5, '2']) expect(rejection({ name: 'dirac', groups }).details.field).toBe('weight.groups');
    for (const sparsity of [-0.1, 1.5, NaN]) expect(rejection({ name: 'sparse', sparsity }).message).toMatch(/^weight\.sparsity must be a number in \[0, 1\]/);
    expect(rejection({ name: 'normal', std: -1 }).message).toBe('weight: normal expects std >= 0.0, but found std -1');
    expect(rejection({ name: 'trunc_normal', std: 0 }).message).toBe('weight: float division by zero');
    expect(rejection({ name: 'constant', val: 1e39 }).message).toBe('weight: value cannot be converted to type float without overflow');
    expect(rejection({ name: 'uniform', a: 0, b: 1e39 }).message).toBe('weight: to is out of bounds for float');
  });

  describe('mixture', () => {
    const myInit = mixtureOf([0.25, { name: 'uniform', a: 5, b: 10 }], [0.5, { name: 'constant', val: 0 }], [0.25, { name: 'uniform', a: -10, b: -5 }]);

    it("reads the chapter's my_init", () => {
      expect(parseInitializer(myInit, 'weight')).toEqual({
        name: 'mixture',
        components: [
          { weight: 0.25, init: { name: 'uniform', a: 5, b: 10 } },
          { weight: 0.5, init: { name: 'constant', val: 0 } },
          { weight: 0.25, init: { name: 'uniform', a: -10, b: -5 } },
        ],
      });
    });

    it('needs weights in [0, 1] that sum to 1 within 1e-6', () => {
      expect(() => parseInitializer(mixtureOf([0.3333333, { name: 'ones' }], [0.3333333, { name: 'zeros' }], [0.3333334, { name: 'ones' }]), 'weight')).not.toThrow();
      expect(() => parseInitializer(mixtureOf([1 - 5e-7, { name: 'ones' }]), 'weight')).not.toThrow();
      const off = rejection(mixtureOf([0.5, { name: 'ones' }], [0.4, { name: 'zeros' }]));
      expect(off.message).toBe('weight.components: the weights must sum to 1 (within 0.000001), got 0.9');
      expect(off.details.field).toBe('weight.components');
      expect(rejection(mixtureOf([1.5, { name: 'ones' }], [-0.5, { name: 'zeros' }])).details.field).toBe('weight.components[0].weight');
      expect(rejection(mixtureOf([0.5, { name: 'ones' }], [NaN, { name: 'zeros' }])).details.field).toBe('weight.components[1].weight');
    });

    it('names the offending field of a component as a JSON path', () => {
      const bad = rejection(mixtureOf([0.5, { name: 'ones' }], [0.5, { name: 'normal', std: 'x' }]));
      expect(bad.details.field).toBe('weight.components[1].init.std');
      expect(bad.message).toBe('weight.components[1].init.std must be a finite number, got "x"');
      const unknown = rejection(mixtureOf([1, { name: 'lognormal' }]));
      expect(unknown.code).toBe('UNKNOWN_INITIALIZER');
      expect(unknown.details.field).toBe('weight.components[0].init.name');
      expect(rejection({ name: 'mixture', components: [{ weight: 1, init: { name: 'ones' }, extra: 1 }] }).details.field).toBe('weight.components[0].extra');
      expect(rejection({ name: 'mixture', components: [{ weight: 1 }] }).details.field).toBe('weight.components[0].init');
      expect(rejection({ name: 'mixture', components: [] }).details.field).toBe('weight.components');
      expect(rejection({ name: 'mixture', components: {} }).details.field).toBe('weight.components');
    });

    it(`nests at most ${MAX_MIXTURE_DEPTH} deep and holds at most ${MAX_MIXTURE_COMPONENTS} components`, () => {
      const nested = (levels: number): unknown => {
        let spec: unknown = { name: 'ones' };
        for (let i = 0; i < levels; i++) spec = mixtureOf([1, spec]);
        return spec;
      };
      expect(() => parseInitializer(nested(MAX_MIXTURE_DEPTH), 'weight')).not.toThrow();
      const deep = rejection(nested(MAX_MIXTURE_DEPTH + 1));
      expect(deep.code).toBe('INVALID_INITIALIZER');
      expect(deep.details.field).toBe('weight' + '.components[0].init'.repeat(MAX_MIXTURE_DEPTH));
      // a hostile depth is refused without walking all of it
      expect(rejection(nested(10_000)).code).toBe('INVALID_INITIALIZER');
      const many = Array.from({ length: MAX_MIXTURE_COMPONENTS + 1 }, () => [1 / (MAX_MIXTURE_COMPONENTS + 1), { name: 'ones' }] as [number, unknown]);
      expect(rejection(mixtureOf(...many)).message).toMatch(/more than the limit of 16/);
    });
  });
});
