import { describe, expect, it } from 'vitest';
import { erfinv32, erfinv64 } from '../../../src/nn/init/math/erfinv.js';
import { erff } from '../../../src/nn/init/math/erff.js';
import { expf } from '../../../src/nn/init/math/expf.js';
import { logf } from '../../../src/nn/init/math/logf.js';
import { erf } from '../../../src/nn/init/math/erf.js';
import { hexFloat } from '../../../src/nn/init/math/hex-float.js';
import { fma32, fma64 } from '../../../src/engine/index.js';
import { cases, mismatches, toNumber } from './fixture.js';

describe("ATen's float32 erfinv (trunc_normal_'s kernel)", () => {
  it('equals torch.erfinv bit for bit, edges included', () => {
    const x = cases.erfinv.x.map(toNumber);
    const want = cases.erfinv.y.map(toNumber);
    expect(mismatches(x.map(erfinv32), want)).toBe(0);
  });

  it('the double version agrees with the float one to float precision', () => {
    for (const y of [-0.99, -0.5, -1e-3, 0, 0.3, 0.7, 0.9999].map(Math.fround)) {
      const x = erfinv32(y);
      expect(Math.abs(erfinv64(y) - x)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(x)));
    }
    expect(erfinv64(0.5)).toBeCloseTo(0.4769362762044699, 14); // scipy.special.erfinv(0.5)
    expect(erfinv64(1)).toBe(Infinity);
    expect(erfinv64(-1)).toBe(-Infinity);
    expect(erfinv64(1.5)).toBeNaN();
  });
});

describe("glibc's float erff, expf, logf", () => {
  const table = { erff, expf, logf } as const;
  for (const name of ['erff', 'expf', 'logf'] as const) {
    it(`${name} equals the system libm bit for bit`, () => {
      const { x, y } = cases.libm[name];
      expect(mismatches(x.map(toNumber).map(table[name]), y.map(toNumber))).toBe(0);
    });
  }
});

describe('double erf (for the trunc_normal bounds)', () => {
  it('is within an ulp of Python', () => {
    // math.erf values from Python; V8's exp may move the last bit
    expect(erf(-2 / Math.SQRT2)).toBeCloseTo(-0.9544997361036416, 15);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(1e-10)).toBe(1.1283791670955126e-10);
    expect(erf(10)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
  });
});

describe('numeric helpers', () => {
  it('reads C hex float literals exactly', () => {
    expect(hexFloat('0x1.8p+52')).toBe(6755399441055744);
    expect(hexFloat('-0x1.00ea348b88334p-2')).toBe(-0.25089342214237154);
    expect(hexFloat('0x0p+0')).toBe(0);
  });

  it('fma rounds once', () => {
    // (1 + 2^-27)^2 = 1 + 2^-26 + 2^-54: the 2^-54 survives only if the product is not rounded first
    const a = 1 + 2 ** -27;
    expect(fma64(a, a, -1)).toBe(2 ** -26 + 2 ** -54);
    const b = Math.fround(1 + 2 ** -12);
    expect(fma32(b, b, -1)).toBe(2 ** -11 + 2 ** -24);
    expect(Math.fround(Math.fround(b * b) - 1)).not.toBe(2 ** -11 + 2 ** -24);
  });
});
